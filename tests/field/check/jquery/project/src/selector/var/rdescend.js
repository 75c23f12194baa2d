import { whitespace } from "../../var/whitespace.js";


