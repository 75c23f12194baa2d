import { class2type } from "./class2type.js";


