import { defaults } from '../../../src/types.js';










