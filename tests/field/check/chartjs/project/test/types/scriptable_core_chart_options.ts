import type { ChartConfiguration } from '../../src/types.js';













