import { whitespace } from "../var/whitespace.js";
import { identifier } from "./var/identifier.js";
import { attributes } from "./var/attributes.js";
import { pseudos } from "./var/pseudos.js";












