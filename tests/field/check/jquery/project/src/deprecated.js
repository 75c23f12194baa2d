import { jQuery } from "./core.js";
import { slice } from "./var/slice.js";

import "./deprecated/ajax-event-alias.js";
import "./deprecated/event.js";











































