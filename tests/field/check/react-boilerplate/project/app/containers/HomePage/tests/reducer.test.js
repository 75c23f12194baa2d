import produce from 'immer';

import homeReducer from '../reducer';
import { changeUsername } from '../actions';
























