import { selectLanguage } from '../selectors';










