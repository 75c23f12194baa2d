import { whitespace } from "../../var/whitespace.js";
import { identifier } from "./identifier.js";










