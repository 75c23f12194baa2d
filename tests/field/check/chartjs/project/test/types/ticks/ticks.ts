import { Chart, Ticks } from '../../../src/types.js';














