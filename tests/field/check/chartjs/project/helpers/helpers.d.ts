export * from '../dist/helpers/index.js';
