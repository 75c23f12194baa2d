import { CHANGE_USERNAME } from '../constants';

import { changeUsername } from '../actions';














