





import { CHANGE_LOCALE } from './constants';







