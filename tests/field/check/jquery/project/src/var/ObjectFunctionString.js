import { fnToString } from "./fnToString.js";


