import { createRequire } from "node:module";
import path from "node:path";
import type { Package } from "@changesets/types";
import { getPackages } from "@manypkg/get-packages";
import { exec } from "tinyexec";
import * as gitUtils from "./gitUtils.ts";
import { readChangesetState } from "./readChangesetState.ts";
import { getChangedPackages, getVersionsByDirectory } from "./utils.ts";


















































































































    const changesetsCliPkgJsonPath = require.resolve(
      "@changesets/cli/package.json",
      {
        paths: [cwd],
      },
    );




















