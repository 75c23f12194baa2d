import type { Packages } from "@changesets/types";
import { detect } from "package-manager-detector/detect";
import { exec } from "tinyexec";
import * as npm from "../../lib/npm.ts";
import * as pnpm from "../../lib/pnpm.ts";
import type { PublishTool } from "../../lib/types.ts";
import * as yarn from "../../lib/yarn.ts";
































