import MouseSensor from './MouseSensor';


