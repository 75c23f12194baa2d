export {
  type CommitInfo,
  type CommitInfoOptions,
  getCommitInfo,
} from "./get-commit-info.ts";
export {
  type PullRequestInfo,
  type PullRequestInfoOptions,
  getPullRequestInfo,
} from "./get-pull-request-info.ts";
