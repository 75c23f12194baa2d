import { jQuery } from "../core.js";
import { documentElement } from "../var/documentElement.js";

















