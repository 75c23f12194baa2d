export * from './SensorEvent';
