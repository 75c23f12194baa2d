import { identifier } from "./identifier.js";
import { attributes } from "./attributes.js";













