import React from 'react'
import { render } from '@testing-library/react'
import '@testing-library/jest-dom'
import 'jest-extended'

import { TestID } from '@resources/TestID'
import { NoteListButton, NoteListButtonProps } from '@/components/NoteList/NoteListButton'




























