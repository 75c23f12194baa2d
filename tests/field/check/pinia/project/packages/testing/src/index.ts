


export { createTestingPinia } from './testing'
export type { TestingPinia, TestingOptions } from './testing'
