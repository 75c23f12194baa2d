
import os from "node:os";












