import io from "./dist/index.js";


