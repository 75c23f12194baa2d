export { readChangesetState } from "./readChangesetState.ts";
export { runPublish as publish, runVersion as version } from "./run.ts";
export {
  getChangelogEntry,
  BumpLevels,
  sortChangelogEntries,
} from "./utils.ts";
