import { beforeEach, describe, expect, it } from "vitest";
import { GitError } from "./index.ts";















