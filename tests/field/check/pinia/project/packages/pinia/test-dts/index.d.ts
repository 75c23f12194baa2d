export * from '../dist/pinia'










