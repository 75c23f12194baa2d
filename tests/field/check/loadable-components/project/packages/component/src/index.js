
import * as sharedInternals from './sharedInternals'
import * as loadableExports from './loadable'
import * as libraryExports from './library'










export { default as loadableReady } from './loadableReady'

