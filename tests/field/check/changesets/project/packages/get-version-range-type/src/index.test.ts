import { expect, test } from "vitest";
import { getVersionRangeType } from "./index.ts";











