import {
  definePayloadPlugin,
  definePayloadReducer,
  definePayloadReviver,
} from '#imports'
import { shouldHydrate } from 'pinia'














