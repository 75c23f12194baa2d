import util from "node:util";
import { exec as nodeExec } from "node:child_process";







