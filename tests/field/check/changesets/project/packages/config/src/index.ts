export { readConfig, validateConfig } from "./parse.ts";
export { defaultWrittenConfig, defaultConfig } from "./defaults.ts";
