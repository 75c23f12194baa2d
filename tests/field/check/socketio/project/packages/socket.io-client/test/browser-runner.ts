import { Launcher } from "@wdio/cli";
import { createServer } from "./support/server";

















