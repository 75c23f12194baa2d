import {
  getCurrentInstance,
  shallowReactive,
  effectScope
} from 'vue'
import { throwNoCurrentInstance } from './utils'




























