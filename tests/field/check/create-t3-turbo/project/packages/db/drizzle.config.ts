import type { Config } from "drizzle-kit";













