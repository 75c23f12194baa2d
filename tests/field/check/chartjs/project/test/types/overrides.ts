import { Chart } from '../../src/types.js';









