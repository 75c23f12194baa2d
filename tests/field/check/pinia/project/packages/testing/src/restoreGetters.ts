import { Store, StateTree, _ExtractGettersFromSetupStore_Keys } from 'pinia'















