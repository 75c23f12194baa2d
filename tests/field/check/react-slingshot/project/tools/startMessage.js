import {chalkSuccess} from './chalkConfig';




