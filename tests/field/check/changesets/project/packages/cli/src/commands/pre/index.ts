import c from "@changesets/color";
import {
  PreExitButNotInPreModeError,
  PreEnterButInPreModeError,
  ExitError,
} from "@changesets/errors";
import { exitPre, enterPre } from "@changesets/pre";
import { log } from "@clack/prompts";
import { getPackages } from "@manypkg/get-packages";
import { ensureChangesetFolder } from "../shared.ts";

































































