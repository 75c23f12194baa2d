import distance from './distance';


