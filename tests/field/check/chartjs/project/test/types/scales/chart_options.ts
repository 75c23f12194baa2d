import type { ChartOptions } from '../../../src/types.js';











