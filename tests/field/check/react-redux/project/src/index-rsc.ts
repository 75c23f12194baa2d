import type * as normal from './index'
import type * as rsc from './index-rsc'
































export { default as shallowEqual } from './utils/shallowEqual'
