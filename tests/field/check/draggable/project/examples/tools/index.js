import gulp from 'gulp';

import tasks from './tasks';
import {watch} from './watch';








