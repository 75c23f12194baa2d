


import type { ChangelogFunctions } from "@changesets/types";









