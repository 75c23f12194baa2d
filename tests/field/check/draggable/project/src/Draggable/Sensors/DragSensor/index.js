import DragSensor from './DragSensor';


