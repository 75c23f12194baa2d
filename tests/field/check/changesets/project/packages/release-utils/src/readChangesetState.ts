import { readPreState } from "@changesets/pre";
import { readChangesets } from "@changesets/read";
import type { PreState, NewChangeset } from "@changesets/types";























