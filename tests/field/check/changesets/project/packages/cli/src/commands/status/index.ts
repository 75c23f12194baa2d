import fs from "node:fs/promises";
import path from "node:path";
import { assembleReleasePlan } from "@changesets/assemble-release-plan";
import c from "@changesets/color";
import { ExitError } from "@changesets/errors";
import { readPreState } from "@changesets/pre";
import { readChangesets } from "@changesets/read";
import type { ComprehensiveRelease } from "@changesets/types";
import { log } from "@clack/prompts";
import { getPackages } from "@manypkg/get-packages";
import { readConfig } from "../../utils/read-config.ts";
import { getVersionableChangedPackages } from "../../utils/versionablePackages.ts";
import { ensureChangesetFolder } from "../shared.ts";









































































































