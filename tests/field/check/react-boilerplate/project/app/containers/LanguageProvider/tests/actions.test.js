import { changeLocale } from '../actions';

import { CHANGE_LOCALE } from '../constants';












