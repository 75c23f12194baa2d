import fs from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { confirm, isCancel } from "@clack/prompts";
import launchEditor from "launch-editor";





























