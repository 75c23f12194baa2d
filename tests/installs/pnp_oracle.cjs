// Answers require.resolve queries as node does under yarn's PnP runtime, in one process.
// Run as: node -r PROJECT/.pnp.cjs pnp_oracle.cjs QUERIES.jsonl
// Each line: {"id", "from", "request"}; "from" ending in "/" is a folder.
// Prints {"id", "resolved", "error", "pnpCode", "first"} ("first": the first line of the message).
"use strict";
const fs = require("fs");
const { createRequire } = require("module");
const out = [];
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const query = JSON.parse(line);
  const answer = { id: query.id, resolved: null, error: null, pnpCode: null, first: null };
  try {
    answer.resolved = createRequire(query.from).resolve(query.request);
  } catch (caught) {
    answer.error = caught.code || caught.name || "Error";
    answer.pnpCode = caught.pnpCode || null;
    answer.first = String(caught.message).split("\n")[0];
  }
  out.push(JSON.stringify(answer));
}
process.stdout.write(out.join("\n") + "\n");
