import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CommitFunctions, Config } from "@changesets/types";
import { resolve } from "import-meta-resolve";











































