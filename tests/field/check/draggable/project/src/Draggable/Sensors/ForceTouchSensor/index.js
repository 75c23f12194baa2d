import ForceTouchSensor from './ForceTouchSensor';


