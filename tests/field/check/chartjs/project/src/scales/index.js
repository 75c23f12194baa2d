export {default as CategoryScale} from './scale.category.js';
export {default as LinearScale} from './scale.linear.js';
export {default as LogarithmicScale} from './scale.logarithmic.js';
export {default as RadialLinearScale} from './scale.radialLinear.js';
export {default as TimeScale} from './scale.time.js';
export {default as TimeSeriesScale} from './scale.timeseries.js';
