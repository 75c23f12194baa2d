import {
  Chart, ChartData, ChartConfiguration, Element
} from '../../src/types.js';














