import { jQuery } from "../core.js";
import { nodeName } from "../core/nodeName.js";
























