import type { Action, Dispatch } from 'redux'













