export {default as closest} from './closest';
export {AutoBind} from './decorators';
export {default as requestNextAnimationFrame} from './requestNextAnimationFrame';
export {default as distance} from './distance';
export {default as touchCoords} from './touchCoords';
