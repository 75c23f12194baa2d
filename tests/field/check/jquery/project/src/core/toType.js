import { class2type } from "../var/class2type.js";
import { toString } from "../var/toString.js";










