import { pnum } from "../../var/pnum.js";


