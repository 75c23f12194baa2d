import fs from "node:fs/promises";
import path from "node:path";
import {
  defaultDetectOrder,
  detect as detectFormatter,
  format,
} from "@changesets/format";
import type { Changeset, Config } from "@changesets/types";
import { humanId } from "human-id";



























































