import React from 'react'
import { render } from '@testing-library/react'
import '@testing-library/jest-dom'
import 'jest-extended'
import { Camera } from 'react-feather'

import { TestID } from '@resources/TestID'
import {
  IconButtonUploader,
  IconButtonUploaderProps,
} from '@/components/SettingsModal/IconButtonUploader'
















