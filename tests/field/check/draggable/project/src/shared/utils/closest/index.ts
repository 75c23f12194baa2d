import closest from './closest';


