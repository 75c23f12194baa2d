export { default } from './App.tsx'
