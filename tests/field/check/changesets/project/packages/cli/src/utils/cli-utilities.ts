import c from "@changesets/color";
import {
  cancel,
  confirm,
  groupMultiselect,
  type GroupMultiSelectOptions,
  isCancel,
  note,
  type Option,
  select,
  text,
} from "@clack/prompts";

















































































