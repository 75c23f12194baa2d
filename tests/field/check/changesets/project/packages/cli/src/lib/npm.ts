import assert from "node:assert/strict";
import path from "node:path";
import type { PackageJSON } from "@changesets/types";
import { exec } from "tinyexec";
import { getLastJsonObjectFromString } from "../utils/getLastJsonObjectFromString.ts";
import { isAlreadyPublishedError } from "./common.ts";
import type {
  PackageInfo,
  PublishResultFailedNeeds2fa,
  PublishResult,
  PublishOptions,
  PublishTool,
} from "./types.ts";
































































































function parseInfoResult({
  exitCode,
  stdout,
  stderr,
}: import("tinyexec").Output):
  | { info: PackageInfo }
  | { error: NpmCommandError }
  | undefined {
  if (exitCode !== 0) {
    return { error: getNpmError(stdout, stderr) };
  }
  if (!stdout) {
    // Successful empty stdout means the package manager found no matching data but the package does exist in the registry.
    // For npm this can happen when a package exists but has no `latest` dist-tag.
    return;
  }
  const parsed: unknown = JSON.parse(stdout);
  if (Array.isArray(parsed)) {
    // npm 12 stopped unwrapping single-version JSON results. Changesets only
    // queries a bare name or an exact version, so more than one item would mean
    // npm matched a shape we don't intentionally request.
    assert(
      parsed.length === 1,
      "Unexpected empty array output from npm info --json",
    );
    return { info: parsed[0] as PackageInfo };
  }
  return { info: parsed as PackageInfo };
}































































































































































































































































