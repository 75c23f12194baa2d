export {default as Sensor} from './Sensor';
export {default as MouseSensor} from './MouseSensor';
export {default as TouchSensor} from './TouchSensor';
export {default as DragSensor} from './DragSensor';
export {default as ForceTouchSensor} from './ForceTouchSensor';

export * from './SensorEvent';
