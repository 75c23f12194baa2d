import type { ActionCreatorsMapObject, Dispatch } from 'redux'















