import {Chart} from 'chart.js';
import {valueOrDefault} from 'chart.js/helpers';





