import * as types from '../constants/actionTypes';

import {getFormattedDateTime} from '../utils/dates';























