export * from './types/composables'
