import { whitespace } from "./whitespace.js";





