import c from "@changesets/color";
import { readConfig as originalReadConfig } from "@changesets/config";
import { ExitError } from "@changesets/errors";
import type { Config, Packages } from "@changesets/types";
import { log } from "@clack/prompts";





























