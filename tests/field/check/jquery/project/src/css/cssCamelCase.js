import { camelCase } from "../core/camelCase.js";











