import TouchSensor from './TouchSensor';


