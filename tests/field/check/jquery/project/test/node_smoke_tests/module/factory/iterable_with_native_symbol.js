import process from "node:process";

import { ensureIterability } from "../lib/ensure_iterability_es6.js";
import { getJQueryModuleSpecifier } from "../lib/jquery-module-specifier.js";








