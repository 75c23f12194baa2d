import { ComputedRef, Ref, computed, ref } from 'vue'
import {
  StoreDefinition,
  SetupStoreDefinition,
  StoreState,
  StoreGetters,
  StoreActions,
  defineStore,
  expectType,
} from './'












































































