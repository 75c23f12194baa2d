import * as React from 'react';
import cn from 'classnames';
import { HTMLProps } from 'react';









