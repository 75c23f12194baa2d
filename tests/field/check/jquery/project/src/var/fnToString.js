import { hasOwn } from "./hasOwn.js";


