import languageProviderReducer from '../reducer';
import { CHANGE_LOCALE } from '../constants';




















