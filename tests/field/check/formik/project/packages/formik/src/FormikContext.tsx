import * as React from 'react';
import { FormikContextType } from './types';
import invariant from 'tiny-warning';



















