"""Benchmark: `nmdoctor resolve --batch` against node's own `createRequire(from).resolve` loop.

Builds a pnpm-style tree of generated packages (a virtual store of real folders, symlinked
dependencies, `main` and `exports` variants), writes a batch of CommonJS queries, then resolves the
same batch with node and with nmdoctor and prints per-query rates and their ratio. Both sides
answer every query; the answers are compared, so the figures are for identical work.

    python benchmarks/resolve_batch.py [--packages 400] [--queries 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NODE_LOOP = r"""
const { createRequire } = require('module');
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const answers = [];
const start = process.hrtime.bigint();
for (const q of lines) {
  let resolved = null, error = null;
  try { resolved = createRequire(q.from).resolve(q.request); } catch (e) { error = e.code ?? 'ERROR'; }
  answers.push([q.id, resolved, error]);
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
fs.writeFileSync(process.argv[3], JSON.stringify({ elapsed, answers }));
"""


def build_tree(root: Path, packages: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """A pnpm-style store; returns (real folder, dependency names) per package."""
    store = root / "node_modules" / ".pnpm"
    names = [f"pkg{index}" if index % 5 else f"@scope/pkg{index}" for index in range(packages)]
    created = []
    for index, name in enumerate(names):
        folder = store / f"{name.replace('/', '+')}@1.0.{index}" / "node_modules" / name
        (folder / "lib").mkdir(parents=True)
        manifest: dict[str, object] = {"name": name, "version": f"1.0.{index}"}
        style = index % 4
        if style == 1:
            manifest["main"] = "lib/main"
        elif style == 2:
            manifest["exports"] = {
                ".": {"require": "./lib/main.js", "import": "./lib/main.mjs"},
                "./*": "./lib/*.js",
            }
        elif style == 3:
            manifest["exports"] = {".": "./lib/main.js", "./feature": {"node": "./lib/feature.js"}}
        (folder / "package.json").write_text(json.dumps(manifest))
        for file in ("index.js", "lib/main.js", "lib/main.mjs", "lib/feature.js", "lib/util.js"):
            (folder / file).write_text("")
        later = names[index + 1 :]
        deps = rng.sample(later, min(4, len(later)))
        created.append((str(folder), deps, name, str(folder.parent)))
    for _folder, deps, _name, node_modules in created:
        for dep in deps:
            target = next(item for item in created if item[2] == dep)[0]
            link = Path(node_modules) / dep
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                os.symlink(os.path.relpath(target, link.parent), link)
    for dep in names[:20]:
        target = next(item for item in created if item[2] == dep)[0]
        link = root / "node_modules" / dep
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.path.relpath(target, link.parent), link)
    (root / "index.js").write_text("")
    (root / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0"}))
    return [(folder, deps) for folder, deps, _name, _nm in created]


def make_queries(root: Path, tree: list[tuple[str, list[str]]], count: int, rng: random.Random) -> list[dict]:
    queries = []
    while len(queries) < count:
        folder, deps = rng.choice(tree)
        parent = f"{folder}/lib/util.js" if rng.random() < 0.5 else f"{folder}/index.js"
        roll = rng.random()
        if deps and roll < 0.55:
            request = rng.choice(deps)
        elif deps and roll < 0.65:
            request = rng.choice(deps) + rng.choice(["/lib/util", "/feature", "/package.json"])
        elif roll < 0.8:
            request = rng.choice(["./lib/main", "../package.json", "./index", "./lib/util.js", "./missing"])
        elif roll < 0.9:
            request = rng.choice(["fs", "node:path", "os", "not-installed-anywhere"])
        else:
            parent = str(root / "index.js")
            request = f"pkg{rng.randrange(1, 40)}"
        queries.append({"id": len(queries), "from": parent, "request": request, "mode": "cjs"})
    return queries


def run_node(batch: Path, out: Path) -> tuple[float, float, dict[int, tuple[str | None, str | None]]]:
    script = batch.parent / "loop.js"
    script.write_text(NODE_LOOP)
    start = time.perf_counter()
    subprocess.run(["node", str(script), str(batch), str(out)], check=True)
    wall = time.perf_counter() - start
    data = json.loads(out.read_text())
    answers = {}
    for query_id, resolved, error in data["answers"]:
        if resolved is not None and not resolved.startswith("/"):
            resolved = "node:" + resolved.removeprefix("node:")
        answers[query_id] = (resolved, error)
    return data["elapsed"], wall, answers


def run_nmdoctor(batch: Path) -> tuple[float, float, dict[int, tuple[str | None, str | None]]]:
    from nmdoctor.cli.resolve_cmd import run_batch

    buffer = io.StringIO()
    start = time.perf_counter()
    run_batch(str(batch), buffer)
    in_process = time.perf_counter() - start
    executable = Path(sys.executable).with_name("nmdoctor")
    start = time.perf_counter()
    subprocess.run([str(executable), "resolve", "--batch", str(batch)], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    answers = {}
    for line in buffer.getvalue().splitlines():
        row = json.loads(line)
        answers[row["id"]] = (row["resolved"], row["error"])
    return in_process, wall, answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=400)
    parser.add_argument("--queries", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary).resolve() / "app"
        tree = build_tree(root, args.packages, rng)
        queries = make_queries(root, tree, args.queries, rng)
        batch = root.parent / "queries.jsonl"
        batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
        node_loop, node_wall, node_answers = run_node(batch, root.parent / "node.json")
        ours_loop, ours_wall, our_answers = run_nmdoctor(batch)
    disagreements = sum(1 for key, value in node_answers.items() if our_answers.get(key) != value)
    count = len(queries)
    print(f"tree: {args.packages} packages (pnpm-style store with symlinks); queries: {count} (CommonJS)")
    print(f"answers that differ from node: {disagreements}")
    print(f"node createRequire().resolve loop: {count / node_loop:10.0f} queries/s  ({node_loop:.3f} s)")
    print(f"nmdoctor batch resolver:           {count / ours_loop:10.0f} queries/s  ({ours_loop:.3f} s)")
    print(f"ratio per query (nmdoctor / node):  {ours_loop / node_loop:.2f}x")
    print(
        f"whole processes, wall clock: node {node_wall:.3f} s, nmdoctor resolve --batch {ours_wall:.3f} s "
        f"(ratio {ours_wall / node_wall:.2f}x)"
    )


if __name__ == "__main__":
    main()
