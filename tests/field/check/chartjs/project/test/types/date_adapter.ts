import { _adapters } from '../../src/types.js';













