import { shouldSkipPackage } from "@changesets/should-skip-package";
import { spinner } from "@clack/prompts";
import { getPackages } from "@manypkg/get-packages";
import { createOutputReport } from "../../utils/output.ts";
import { readConfig } from "../../utils/read-config.ts";
import { ensureChangesetFolder } from "../shared.ts";
import { createGitTags, formatGitTagResults } from "./utils.ts";










































