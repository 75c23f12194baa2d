import { assign } from "./utils"














