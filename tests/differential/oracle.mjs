// Ground truth for the differential suite: asks the real node how it resolves each query.
//
//   node tests/differential/oracle.mjs < queries.jsonl > answers.jsonl
//
// Input lines:  {"id", "from", "request", "mode": "cjs"|"esm", "conditions": [...], "preserveSymlinks": bool}
// Output lines: {"id", "resolved", "error"} (+ "message" when error is not null), in input order.
//
// --conditions and --preserve-symlinks are process-wide, so the parent groups the queries by
// (conditions, preserveSymlinks) and runs one child node per group with the real flags.
//
// CommonJS: createRequire(from).resolve(request) (a folder `from` is createRequire(from + "/")).
// ESM: the default resolver, as import() runs it. import.meta.resolve on node 20 does not check
// that the file exists, so a module customization hook intercepts a probe specifier carrying
// {specifier, parentURL}, calls nextResolve (existence checks, realpath, every ESM error), and
// short-circuits with a data: module exporting the outcome: nothing from the tree is loaded.
//
// Normalised answers: `resolved` is an absolute path (file: URLs, query and hash dropped) or
// "node:NAME" for a builtin; `error` is the thrown error's code. CommonJS reports invalid JSON in a
// package.json as a code-less "Error parsing ..." error: reported as ERR_INVALID_PACKAGE_CONFIG
// (the documented nmdoctor spelling). Other code-less errors: "UNKNOWN_ERROR".

import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { availableParallelism } from 'node:os';
import { createRequire, isBuiltin, register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHILD_FLAG = '--nmdoctor-oracle-child';
const PROBE = 'nmdoctor-oracle-probe:';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function parseLines(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

function errorAnswer(id, error) {
  const message = String(error?.message ?? error).split('\n')[0];
  let code = error?.code;
  if (typeof code !== 'string' || code === '') {
    code = message.startsWith('Error parsing ') ? 'ERR_INVALID_PACKAGE_CONFIG' : 'UNKNOWN_ERROR';
  }
  return { id, resolved: null, error: code, message };
}

// ---------------------------------------------------------------------------------------- child

function resolveCjs(query) {
  const base = query.fromIsDir ? query.from.replace(/\/*$/, '/') : query.from;
  try {
    const found = createRequire(base).resolve(query.request);
    if (isAbsolute(found)) return { id: query.id, resolved: found, error: null };
    // require.resolve answers a builtin by its id: "fs", or "node:test" for prefix-only builtins.
    return { id: query.id, resolved: found.startsWith('node:') ? found : `node:${found}`, error: null };
  } catch (error) {
    return errorAnswer(query.id, error);
  }
}

const HOOKS = `
const PROBE = ${JSON.stringify(PROBE)};
export async function resolve(specifier, context, nextResolve) {
  if (!specifier.startsWith(PROBE)) return nextResolve(specifier, context);
  const probe = JSON.parse(decodeURIComponent(specifier.slice(PROBE.length)));
  let outcome;
  try {
    const result = await nextResolve(probe.specifier, { ...context, parentURL: probe.parentURL });
    outcome = { url: result.url };
  } catch (error) {
    outcome = { code: error?.code ?? null, message: String(error?.message ?? error) };
  }
  return {
    url: 'data:text/javascript,export default ' + encodeURIComponent(JSON.stringify(outcome)),
    shortCircuit: true,
  };
}
`;

async function resolveEsm(query) {
  const parentURL = pathToFileURL(query.fromIsDir ? `${query.from.replace(/\/*$/, '')}/x` : query.from).href;
  const payload = encodeURIComponent(JSON.stringify({ id: query.id, specifier: query.request, parentURL }));
  let outcome;
  try {
    outcome = (await import(PROBE + payload)).default;
  } catch (error) {
    return errorAnswer(query.id, error);
  }
  if (outcome.url === undefined) {
    return errorAnswer(query.id, { code: outcome.code, message: outcome.message });
  }
  const url = new URL(outcome.url);
  if (url.protocol === 'file:') {
    url.search = '';
    url.hash = '';
    return { id: query.id, resolved: fileURLToPath(url), error: null };
  }
  if (url.protocol === 'node:') {
    // import() rejects a node: URL that names no builtin (the loader checks, not the resolver).
    if (!isBuiltin(outcome.url)) {
      return errorAnswer(query.id, {
        code: 'ERR_UNKNOWN_BUILTIN_MODULE',
        message: `No such built-in module: ${outcome.url}`,
      });
    }
    return { id: query.id, resolved: outcome.url, error: null };
  }
  if (url.protocol === 'data:') return { id: query.id, resolved: outcome.url, error: null };
  // Other schemes (a bare "lodash:fp" parses as a URL) pass the node 20 resolver; import() then
  // rejects them while loading.
  return errorAnswer(query.id, {
    code: 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
    message: `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${url.protocol}'`,
  });
}

async function child() {
  const queries = parseLines(await readStdin());
  const { statSync } = await import('node:fs');
  for (const query of queries) {
    try {
      query.fromIsDir = statSync(query.from).isDirectory();
    } catch {
      query.fromIsDir = false;
    }
  }
  const answers = new Array(queries.length);
  queries.forEach((query, index) => {
    if (query.mode !== 'esm') answers[index] = resolveCjs(query);
  });
  const esm = queries.map((query, index) => [query, index]).filter(([query]) => query.mode === 'esm');
  if (esm.length > 0) {
    register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
    const WIDTH = 32;
    for (let start = 0; start < esm.length; start += WIDTH) {
      const slice = esm.slice(start, start + WIDTH);
      const results = await Promise.all(slice.map(([query]) => resolveEsm(query)));
      slice.forEach(([, index], offset) => {
        answers[index] = results[offset];
      });
    }
  }
  process.stdout.write(answers.map((answer) => JSON.stringify(answer)).join('\n') + (answers.length ? '\n' : ''));
}

// --------------------------------------------------------------------------------------- parent

function flagsFor(conditions, preserveSymlinks) {
  const flags = ['--no-warnings'];
  for (const condition of conditions) flags.push(`--conditions=${condition}`);
  if (preserveSymlinks) flags.push('--preserve-symlinks');
  return flags;
}

function runChild(flags, queries) {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), CHILD_FLAG], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    proc.stdout.on('data', (chunk) => out.push(chunk));
    proc.stderr.on('data', (chunk) => err.push(chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        reject(new Error(`oracle child ${flags.join(' ')} exited with ${code}:\n${stderr}`));
        return;
      }
      resolvePromise(parseLines(Buffer.concat(out).toString('utf8')));
    });
    proc.stdin.end(queries.map((query) => JSON.stringify(query)).join('\n') + '\n');
  });
}

async function parent() {
  const queries = parseLines(await readStdin());
  const groups = new Map();
  for (const query of queries) {
    const conditions = query.conditions ?? [];
    const preserve = query.preserveSymlinks === true;
    const key = JSON.stringify([conditions, preserve]);
    if (!groups.has(key)) groups.set(key, { flags: flagsFor(conditions, preserve), queries: [] });
    groups.get(key).queries.push(query);
  }
  const byId = new Map();
  const pending = [...groups.values()];
  const width = Math.max(1, Math.min(availableParallelism(), pending.length));
  async function worker() {
    while (pending.length > 0) {
      const group = pending.shift();
      const answers = await runChild(group.flags, group.queries);
      if (answers.length !== group.queries.length) {
        throw new Error(`oracle child ${group.flags.join(' ')}: ${answers.length} answers for ${group.queries.length} queries`);
      }
      for (const answer of answers) byId.set(answer.id, answer);
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
  const lines = queries.map((query) => JSON.stringify(byId.get(query.id)));
  process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
}

if (process.argv.includes(CHILD_FLAG)) {
  await child();
} else {
  await parent();
}
