import fs from "node:fs/promises";
import path from "node:path";
import { log } from "@clack/prompts";
import { getPackages } from "@manypkg/get-packages";
import { readConfig } from "../../utils/read-config.ts";
import { ensureChangesetFolder } from "../shared.ts";
import {
  CURRENT_PUBLISH_PLAN_VERSION,
  getPublishPlan,
  type PublishPlan,
} from "./getPublishPlan.ts";
































































