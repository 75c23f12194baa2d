export {default as ArcElement} from './element.arc.js';
export {default as LineElement} from './element.line.js';
export {default as PointElement} from './element.point.js';
export {default as BarElement} from './element.bar.js';
