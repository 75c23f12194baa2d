import { createPinia } from 'pinia'
import type { UserModule } from '~/types'















