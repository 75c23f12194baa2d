import { shouldSkipPackage } from "@changesets/should-skip-package";
import type { Config, Package } from "@changesets/types";
import type { InternalRelease } from "./types.ts";
import {
  getCurrentHighestVersion,
  getHighestReleaseType,
  mapGetOrThrowInternal,
} from "./utils.ts";

































































