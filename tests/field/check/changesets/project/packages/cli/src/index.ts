import { format } from "node:util";

import manifest from "@changesets/cli/package.json" with { type: "json" };
import c from "@changesets/color";
import { ExitError, InternalError } from "@changesets/errors";
import { intro, log, outro, updateSettings } from "@clack/prompts";
import { cli } from "./cli.ts";























































