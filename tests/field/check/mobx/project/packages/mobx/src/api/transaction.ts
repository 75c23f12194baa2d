import { endBatch, startBatch } from "../internal"
















