import { Reaction } from "mobx"
import { UniversalFinalizationRegistry } from "./UniversalFinalizationRegistry"







