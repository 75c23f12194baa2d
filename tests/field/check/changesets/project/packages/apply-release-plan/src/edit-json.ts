import {
  applyEdits,
  parseTree,
  printParseErrorCode,
  type EditResult,
  type Node,
  type ParseError,
} from "jsonc-parser";































































