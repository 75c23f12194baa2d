

export {Tooltip} from '../../dist/chart.js';
