export * from './exports'
