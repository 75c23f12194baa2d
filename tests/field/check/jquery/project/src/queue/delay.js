import { jQuery } from "../core.js";

import "../queue.js";
import "../effects.js"; // Delay is optional because of this dependency













