import { describe, expect, it } from "vitest";
import { incrementVersion } from "./increment.ts";
import type { InternalRelease, PreInfo } from "./types.ts";
























