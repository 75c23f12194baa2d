import touchCoords from './touchCoords';


