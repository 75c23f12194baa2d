import { die } from "../errors"
import { assign } from "../utils/utils"
import type { Annotation } from "./annotation"

















