import fs from "node:fs/promises";
import path from "node:path";
import { type JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import { format } from "oxfmt";
import { WrittenConfigSchema } from "../src/config.ts";




































