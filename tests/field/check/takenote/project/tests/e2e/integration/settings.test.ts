


import { TestID } from '@resources/TestID'
import { getNoteTitle } from '@/utils/helpers'
import { NoteItem, CategoryItem } from '@/types'

import {
  addCategory,
  assertCategoryExists,
  clickCategoryOptionDelete,
  openCategoryContextMenu,
} from '../utils/testCategoryHelperUtils'
import { defaultInit, assertNoteContainsText } from '../utils/testHelperUtils'
import {
  clickCreateNewNote,
  createXUniqueNotes,
  clickNoteOptionFavorite,
  typeNoteEditor,
  openNoteContextMenu,
  holdKeyAndClickNoteAtIndex,
  trashAllNotes,
  assertNoteListLengthEquals,
} from '../utils/testNotesHelperUtils'
import {
  navigateToSettings,
  assertSettingsMenuIsOpen,
  assertSettingsMenuIsClosed,
  closeSettingsByClickingX,
  closeSettingsByClickingOutsideWindow,
  toggleDarkMode,
  toggleMarkdownPreview,
  toggleLineNumbers,
  toggleLineHighlight,
  assertDarkModeActive,
  assertDarkModeInactive,
  assertMarkdownPreviewActive,
  assertMarkdownPreviewInactive,
  assertLineNumbersActive,
  assertLineNumbersInactive,
  selectOptionInSortByDropdown,
  assertLineHighlightActive,
  assertLineHighlightInactive,
  clickSettingsTab,
  getDownloadedBackup,
} from '../utils/testSettingsUtils'































































































































































































