import { App } from 'vue'
import {
  expectType,
  createPinia,
  StoreGeneric,
  Pinia,
  StateTree,
  DefineStoreOptionsInPlugin,
} from './'
















