import fs from "node:fs/promises";














