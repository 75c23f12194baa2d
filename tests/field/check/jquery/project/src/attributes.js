import { jQuery } from "./core.js";

import "./attributes/attr.js";
import "./attributes/prop.js";
import "./attributes/classes.js";
import "./attributes/val.js";



