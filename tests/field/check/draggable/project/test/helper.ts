export * from './helpers';
