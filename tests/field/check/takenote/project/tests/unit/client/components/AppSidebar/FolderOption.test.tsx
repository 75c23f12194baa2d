import React from 'react'
import { render } from '@testing-library/react'
import '@testing-library/jest-dom'
import 'jest-extended'

import { TestID } from '@resources/TestID'
import { FolderOption, FolderOptionProps } from '@/components/AppSidebar/FolderOption'
import { Folder } from '@/utils/enums'

















