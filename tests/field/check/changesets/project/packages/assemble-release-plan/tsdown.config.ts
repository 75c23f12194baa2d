import { defineConfig } from "tsdown/config";
import { baseConfig } from "../../tsdown.config.ts";

export default defineConfig(baseConfig);
