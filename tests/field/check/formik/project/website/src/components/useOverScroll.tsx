import * as React from 'react';
import {
  useViewportScroll,
  motion,
  useTransform,
  HTMLMotionProps,
} from 'framer-motion';
import { throttle } from './utils/throttle';













































