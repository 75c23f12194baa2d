import path from "node:path";
import { fileURLToPath } from "node:url";
























