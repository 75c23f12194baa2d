import Sensor from './Sensor';


