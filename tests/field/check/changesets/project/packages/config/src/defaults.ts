import type { Config, WrittenConfig } from "@changesets/types";
import { parse } from "valibot";

import manifest from "../package.json" with { type: "json" };
import { normalizeWrittenConfig, WrittenConfigSchema } from "./config.ts";


















