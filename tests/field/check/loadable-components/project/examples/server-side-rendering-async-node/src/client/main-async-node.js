export { default } from './App'
