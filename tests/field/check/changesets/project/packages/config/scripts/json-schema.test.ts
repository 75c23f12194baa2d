import { expect, it } from "vitest";
import { generateJsonSchema } from "./generate-json-schema.ts";










