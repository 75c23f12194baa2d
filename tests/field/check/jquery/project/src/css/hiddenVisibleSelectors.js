import { jQuery } from "../core.js";

import "../selector.js";







