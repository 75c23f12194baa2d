import type { VersionType, PreState } from "@changesets/types";












