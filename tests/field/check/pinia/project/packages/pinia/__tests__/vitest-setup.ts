import { beforeEach } from 'vitest'
import { setActivePinia } from '../src'




