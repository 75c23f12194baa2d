import { rnothtmlwhite } from "../var/rnothtmlwhite.js";







