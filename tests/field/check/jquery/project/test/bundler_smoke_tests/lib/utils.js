import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";










