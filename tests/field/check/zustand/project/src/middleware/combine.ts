import type { StateCreator, StoreMutatorIdentifier } from '../vanilla.ts'














