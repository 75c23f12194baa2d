import { getRelativePosition } from '../../../src/helpers/helpers.dom.js';
import { Chart, ChartOptions } from '../../../src/types.js';









