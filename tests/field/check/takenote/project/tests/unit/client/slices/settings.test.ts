import { PayloadAction } from '@reduxjs/toolkit'

import reducer, {
  initialState,
  toggleSettingsModal,
  togglePreviewMarkdown,
  updateCodeMirrorOption,
  toggleDarkTheme,
} from '@/slices/settings'













































