import { isIE } from "../var/isIE.js";
import { whitespace } from "../var/whitespace.js";















