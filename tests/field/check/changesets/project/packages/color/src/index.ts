


import { styleText } from "node:util";










