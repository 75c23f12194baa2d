import {
  ComputedRef,
  isReactive,
  isRef,
  isVue2,
  toRaw,
  ToRef,
  toRef,
  ToRefs,
  toRefs,
  WritableComputedRef,
} from 'vue-demi'
import { StoreGetters, StoreState } from './store'
import type {
  _ActionsTree,
  _GettersTree,
  _UnwrapAll,
  PiniaCustomStateProperties,
  StateTree,
  Store,
  StoreGeneric,
} from './types'


























































































