import { jQuery } from "../core.js";
import { toType } from "../core/toType.js";
import { isAttached } from "../core/isAttached.js";
import { arr } from "../var/arr.js";
import { rtagName } from "./var/rtagName.js";
import { rscriptType } from "./var/rscriptType.js";
import { wrapMap } from "./wrapMap.js";
import { getAll } from "./getAll.js";
import { setGlobalEval } from "./setGlobalEval.js";
import { isArrayLike } from "../core/isArrayLike.js";























































































