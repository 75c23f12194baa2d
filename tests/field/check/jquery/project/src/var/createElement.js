import { document } from "./document.js";








