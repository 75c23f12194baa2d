import { getChangedPackagesSinceRef } from "@changesets/git";
import { shouldSkipPackage } from "@changesets/should-skip-package";
import type { Config } from "@changesets/types";
























