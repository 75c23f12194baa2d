import React from 'react'

import { TestID } from '@resources/TestID'
import { NoteItem, CategoryItem } from '@/types'
import { isDraftNote } from '@/utils/helpers'










































