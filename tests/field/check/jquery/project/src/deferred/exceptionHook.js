import { jQuery } from "../core.js";

import "../deferred.js";


















