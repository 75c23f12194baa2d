// Answers require.resolve queries as node does under yarn's PnP runtime, in one process.
// Run as: node -r PROJECT/.pnp.cjs pnp_oracle.cjs QUERIES.jsonl
// Each line: {"id", "from", "request"}; "from" ending in "/" is a folder. Prints {"id", "resolved", "error"}.
"use strict";
const fs = require("fs");
const { createRequire } = require("module");
const out = [];
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const query = JSON.parse(line);
  let resolved = null;
  let error = null;
  try {
    resolved = createRequire(query.from).resolve(query.request);
  } catch (caught) {
    error = (caught.code || caught.name || "Error") + (caught.pnpCode ? ":" + caught.pnpCode : "");
  }
  out.push(JSON.stringify({ id: query.id, resolved, error }));
}
process.stdout.write(out.join("\n") + "\n");
