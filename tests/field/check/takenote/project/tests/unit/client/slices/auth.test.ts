import { PayloadAction } from '@reduxjs/toolkit'

import reducer, {
  initialState,
  login,
  loginError,
  loginSuccess,
  logout,
  logoutSuccess,
} from '@/slices/auth'








































































