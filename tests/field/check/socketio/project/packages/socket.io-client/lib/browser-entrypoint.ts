import { io } from "./index.js";


