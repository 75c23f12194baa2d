import { Data } from "../Data.js";


