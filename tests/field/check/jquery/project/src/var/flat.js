import { arr } from "./arr.js";








