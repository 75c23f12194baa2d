export * from '../dist/helpers.js';
