


import {
  addCategory,
  assertCategoryDoesNotExist,
  assertCategoryExists,
  assertCategoryOptionsOpened,
  assertCategoryOrder,
  navigateToCategory,
  selectMoveToCategoryOption,
  startEditingCategory,
  renameCategory,
  defocusCategory,
  moveCategory,
  openCategoryContextMenu,
  clickCategoryOptionRename,
  clickCategoryOptionDelete,
  collapseCategoryList,
  assertCategoryListExists,
  assertCategoryListDoesNotExists,
} from '../utils/testCategoryHelperUtils'
import { dynamicTimeCategoryName } from '../utils/testHelperEnums'
import {
  defaultInit,
  navigateToNotes,
  assertCurrentFolderOrCategory,
} from '../utils/testHelperUtils'
import {
  assertNoteListLengthEquals,
  clickNoteOptions,
  createXUniqueNotes,
} from '../utils/testNotesHelperUtils'








































































































