import Scrollable, {defaultOptions} from './Scrollable';



