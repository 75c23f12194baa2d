import {
  createReduxContextHook,
  useReduxContext,
} from '@internal/hooks/useReduxContext'
import { renderHook } from '@testing-library/react'
import { createContext } from 'react'
import type { ReactReduxContextValue } from 'react-redux'




























