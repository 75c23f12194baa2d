import type { ChartDataset } from '../../../../src/types.js';





