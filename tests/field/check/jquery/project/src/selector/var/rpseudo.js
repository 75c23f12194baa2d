import { pseudos } from "./pseudos.js";


