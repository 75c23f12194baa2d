import semverInc from "semver/functions/inc.js";
import type { InternalRelease, PreInfo } from "./types.ts";
import { mapGetOrThrowInternal } from "./utils.ts";






















