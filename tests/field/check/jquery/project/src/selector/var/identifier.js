import { escape } from "./escape.js";







