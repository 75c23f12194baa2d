// Prints, as JSON, the package extensions yarn berry's bundled compat plugin registers
// (@yarnpkg/plugin-compat, always on): [[selector, {dependencies?, peerDependencies?,
// peerDependenciesMeta?}], ...] in yarn's order. Read from the pinned bundle given as argv[2].
//   node tests/tools/yarn_package_extensions.js tests/node_tools/node_modules/@yarnpkg/cli-dist/bin/yarn.js
"use strict";
const fs = require("fs");

const bundle = fs.readFileSync(process.argv[2], "utf8");
const hook = bundle.indexOf("registerPackageExtensions:async");
if (hook === -1) throw new Error("no registerPackageExtensions hook in the bundle");
// The hook iterates one array by name: `for(let[r,s]of NAME)`.
const loop = /for\(let\[\w+,\w+\]of (\w+)\)/.exec(bundle.slice(hook, hook + 200));
const declaration = new RegExp(`(?:var |,)${loop[1]}=\\[\\[`).exec(bundle);
const start = declaration.index + declaration[0].length - 2;
let depth = 0;
let quote = null;
let end = start;
for (; end < bundle.length; end++) {
  const char = bundle[end];
  if (quote) {
    if (char === "\\") end++;
    else if (char === quote) quote = null;
  } else if (char === '"' || char === "'" || char === "`") quote = char;
  else if (char === "[") depth++;
  else if (char === "]" && --depth === 0) break;
}
const text = bundle.slice(start, end + 1);
// Shared constants the array names (`Ut={optional:!0}`): declared just before it.
const before = bundle.slice(Math.max(0, declaration.index - 400), declaration.index + 1);
const constants = {};
for (const match of before.matchAll(/(\w+)=(\{[^{}]*\})/g)) constants[match[1]] = Function(`return ${match[2]}`)();
const names = Object.keys(constants);
const extensions = Function(...names, `return ${text}`)(...names.map((name) => constants[name]));
process.stdout.write(JSON.stringify(extensions));
