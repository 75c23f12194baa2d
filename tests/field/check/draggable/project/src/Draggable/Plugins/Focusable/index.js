import Focusable from './Focusable';


