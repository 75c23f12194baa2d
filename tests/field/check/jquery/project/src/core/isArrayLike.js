import { toType } from "./toType.js";
import { isWindow } from "../var/isWindow.js";













