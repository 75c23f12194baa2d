import AbstractEvent from 'shared/AbstractEvent';
import AbstractPlugin from 'shared/AbstractPlugin';

import * as Sensors from './Draggable/Sensors';
import * as Plugins from './Plugins';



export {default as Draggable} from './Draggable';
export {default as Droppable} from './Droppable';
export {default as Swappable} from './Swappable';
export {default as Sortable} from './Sortable';


