import { renderHook } from '@testing-library/react'
import React from 'react'
import type { ProviderProps, ReactReduxContextValue } from 'react-redux'
import {
  createDispatchHook,
  Provider as ProviderMock,
  useDispatch,
} from 'react-redux'
import { createStore } from 'redux'




















































