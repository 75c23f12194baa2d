import { runQueue } from '../../../src/util/async'
















