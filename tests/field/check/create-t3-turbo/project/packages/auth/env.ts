import { createEnv } from "@t3-oss/env-core";
import { z } from "zod/v4";

















