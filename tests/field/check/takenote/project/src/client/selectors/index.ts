import { RootState } from '@/types'






