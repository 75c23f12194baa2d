import NProgress from 'nprogress'
import type { UserModule } from '~/types'












