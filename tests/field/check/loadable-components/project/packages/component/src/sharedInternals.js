export { invariant } from './util'
export { default as Context } from './Context'




