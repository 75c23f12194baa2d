
import { useUserStore } from './user'
import { useCartStore } from './cart'
import { pinia, CombinedState } from '../../../src/pinia'














