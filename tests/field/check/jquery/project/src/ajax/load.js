import { jQuery } from "../core.js";
import { stripAndCollapse } from "../core/stripAndCollapse.js";

import "../core/parseHTML.js";
import "../ajax.js";
import "../traversing.js";
import "../manipulation.js";
import "../selector.js";































































