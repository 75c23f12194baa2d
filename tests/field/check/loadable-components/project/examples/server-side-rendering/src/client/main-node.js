export { default } from './App'


