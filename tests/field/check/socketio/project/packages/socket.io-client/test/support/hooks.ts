import { createServer } from "./server";











