import { Chart, ChartMeta, Element } from '../../../src/types.js';















