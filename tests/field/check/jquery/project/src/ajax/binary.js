import { jQuery } from "../core.js";

import "../ajax.js";


















