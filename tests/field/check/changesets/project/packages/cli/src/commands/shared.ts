import fs from "node:fs/promises";
import path from "node:path";
import c from "@changesets/color";
import { ExitError } from "@changesets/errors";
import { log } from "@clack/prompts";















