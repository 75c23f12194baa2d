// Run as: node -r PROJECT/.pnp.cjs pnp_edges.cjs QUERIES.jsonl PROJECT/
// For each {"id", "issuer", "name"} line: the folder yarn's runtime maps the name to from the
// issuer folder (pnpapi.resolveToUnqualified, no exports or files involved), or null when it throws.
"use strict";
const fs = require("fs");
const pnp = require("module").findPnpApi(process.argv[3]);
const out = [];
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const query = JSON.parse(line);
  let folder = null;
  try {
    folder = pnp.resolveToUnqualified(query.name, query.issuer);
  } catch {}
  out.push(JSON.stringify({ id: query.id, folder: folder && folder.replace(/\/$/, "") }));
}
process.stdout.write(out.join("\n") + "\n");
