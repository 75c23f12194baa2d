import type { LayoutPosition } from '../../../src/types.js';










