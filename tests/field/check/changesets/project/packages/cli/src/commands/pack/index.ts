import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import c from "@changesets/color";
import { ExitError } from "@changesets/errors";
import { log } from "@clack/prompts";
import { getPackages } from "@manypkg/get-packages";
import { createPromiseQueue } from "../../utils/createPromiseQueue.ts";
import { readConfig } from "../../utils/read-config.ts";
import { getDefaultWorkspaceConcurrency } from "../../utils/workspaceConcurrency.ts";
import {
  CURRENT_PUBLISH_PLAN_VERSION,
  getPublishPlan,
  readPlanFile,
  type TarballMetadata,
} from "../publish-plan/getPublishPlan.ts";
import { getPublishTool } from "../publish/getPublishTool.ts";
import { ensureChangesetFolder } from "../shared.ts";























































































































































