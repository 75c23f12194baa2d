import React from 'react'

import { NoteItem } from '@/types'
import { Errors } from '@/utils/enums'
import { TestID } from '@resources/TestID'

import { getNoteTitle, getActiveNoteFromShortUuid } from '../../utils/helpers'


























