import { skipHydrate } from 'pinia'















