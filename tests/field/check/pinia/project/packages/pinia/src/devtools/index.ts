export { devtoolsPlugin, registerPiniaDevtools } from './plugin'
