import { documentElement } from "../../var/documentElement.js";




