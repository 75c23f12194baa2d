import React from 'react'
import { render } from '@testing-library/react'

import '@testing-library/jest-dom'
import 'jest-extended'
import { PreviewEditor, PreviewEditorProps } from '@/components/Editor/PreviewEditor'
import NoteLink, { NoteLinkProps } from '@/components/Editor/NoteLink'
import { NoteItem } from '@/types'
import { Errors } from '@/utils/enums'
import { TestID } from '@resources/TestID'
import { TempStateProvider } from '@/contexts/TempStateContext'

import { renderWithRouter } from '../../testHelpers'





































































