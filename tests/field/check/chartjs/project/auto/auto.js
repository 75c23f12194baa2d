import {Chart, registerables} from '../dist/chart.js';



export * from '../dist/chart.js';

