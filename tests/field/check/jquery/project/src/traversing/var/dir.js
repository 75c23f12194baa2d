import { jQuery } from "../../core.js";















