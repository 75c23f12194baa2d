import { createPromiseQueue } from "../utils/createPromiseQueue.ts";
import type {
  PublishResult,
  PublishResultFailed,
  PublishResultSuccess,
} from "./types.ts";


























