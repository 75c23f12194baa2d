import VueRouter from '../router'


export { isNavigationFailure, NavigationFailureType } from '../util/errors'
export { START as START_LOCATION } from '../util/route'
export { default as RouterLink } from '../components/link'
export { default as RouterView } from '../components/view'





