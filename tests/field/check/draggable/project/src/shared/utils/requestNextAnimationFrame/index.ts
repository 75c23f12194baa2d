import requestNextAnimationFrame from './requestNextAnimationFrame';


