import { createSelector } from 'reselect';










