import type { ParsedDataType } from '../../src/types.js';

















