

export {color, getHoverColor, easingEffects} from '../../dist/helpers.js';
