import {Chart} from '../dist/types.js';

export * from '../dist/types.js';

