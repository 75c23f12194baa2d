import React from 'react'
import { render } from '@testing-library/react'
import '@testing-library/jest-dom'
import 'jest-extended'

import { ScratchpadOption, ScratchpadOptionProps } from '@/components/AppSidebar/ScratchpadOption'













