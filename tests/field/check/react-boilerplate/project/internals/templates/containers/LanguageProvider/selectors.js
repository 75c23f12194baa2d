import { createSelector } from 'reselect';
import { initialState } from './reducer';

















