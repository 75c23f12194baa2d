import path from "node:path";
import os from "node:os";
import { spawn } from "node:child_process";





















