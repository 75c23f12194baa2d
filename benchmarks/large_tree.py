"""Benchmark: `nmdoctor ls --json` on a large real tree against the managers' own listings.

Installs one pinned project (about 1,700 packages) with real npm and real pnpm (the pinned copy in
tests/node_tools) into a cache folder, once, then times, on each tree:
  - `nmdoctor ls --json` (whole process),
  - `npm ls --all --json` (npm tree) / `pnpm list --depth Infinity --json` (pnpm tree),
  - the floor: a bare Python process that finds every package folder and reads its package.json
    once, nothing else,
and prints seconds and ratios. Needs the npm registry the first time.

    python benchmarks/large_tree.py [--cache .cache/bench] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PNPM = REPO / "tests" / "node_tools" / "node_modules" / ".bin" / "pnpm"
PROJECT = {
    "name": "large-tree-benchmark",
    "version": "1.0.0",
    "private": True,
    "dependencies": {
        "react-scripts": "5.0.1",
        "react": "18.3.1",
        "react-dom": "18.3.1",
        "express": "4.21.2",
        "lodash": "4.17.21",
        "eslint": "9.14.0",
        "jest": "29.7.0",
        "webpack": "5.96.1",
        "typescript": "4.9.5",
        "firebase-tools": "13.25.0",
    },
}


def install(folder: Path, manager: str) -> None:
    marker = folder / ".installed"
    if marker.exists():
        return
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps(PROJECT, indent=2))
    env = {**os.environ, "npm_config_cache": str(folder.parent / "npm-cache")}
    if manager == "npm":
        command = ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    else:
        command = [
            str(PNPM),
            "install",
            "--ignore-scripts",
            "--store-dir",
            str(folder.parent / "pnpm-store"),
            "--reporter=silent",
        ]
    subprocess.run(command, cwd=folder, check=True, env=env)
    marker.write_text("ok")


def timed(command: list[str], cwd: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


FLOOR_SCRIPT = r"""
import json, os, sys

def listdir(folder):
    try:
        return os.listdir(folder)
    except OSError:
        return []

def walk(folder, seen):
    for name in listdir(folder):
        path = os.path.join(folder, name)
        if name in (".pnpm", ".store"):
            for entry in listdir(path):
                walk(os.path.join(path, entry, "node_modules"), seen)
        elif name.startswith("@"):
            for child in listdir(path):
                visit(os.path.join(path, child), seen)
        elif not name.startswith("."):
            visit(path, seen)

def visit(path, seen):
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        with open(os.path.join(real, "package.json"), "rb") as handle:
            json.loads(handle.read())
    except OSError:
        return
    walk(os.path.join(real, "node_modules"), seen)

walk(os.path.join(sys.argv[1], "node_modules"), set())
"""


def manifest_floor(folder: Path, repeat: int) -> float:
    """A whole Python process that finds every package folder and reads its package.json once."""
    return timed([sys.executable, "-c", FLOOR_SCRIPT, str(folder)], folder, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    nmdoctor = str(Path(sys.executable).with_name("nmdoctor"))
    rows = []
    extra = []
    for manager in ("npm", "pnpm"):
        folder = cache / manager
        install(folder, manager)
        ours = timed([nmdoctor, "ls", "--json"], folder, args.repeat)
        listing = (
            ["npm", "ls", "--all", "--json"]
            if manager == "npm"
            else [str(PNPM), "list", "--depth", "Infinity", "--json"]
        )
        theirs = timed(listing, folder, args.repeat)
        document = json.loads(
            subprocess.run([nmdoctor, "ls", "--json"], cwd=folder, capture_output=True, check=True, text=True).stdout
        )
        floor = manifest_floor(folder, args.repeat)
        check = timed([nmdoctor, "check", "--format", "json"], folder, 1)
        target = "pnpm" if manager == "npm" else "npm"
        started = time.perf_counter()
        migrated = json.loads(
            subprocess.run(
                [nmdoctor, "migrate", "--to", target, "--json"], cwd=folder, capture_output=True, text=True, check=False
            ).stdout
        )
        migrate_seconds = time.perf_counter() - started
        rows.append((manager, len(document["instances"]), ours, theirs, floor))
        extra.append((manager, check, target, migrate_seconds, migrated["summary"]["edges_compared"]))
    startup = timed([sys.executable, "-c", "import nmdoctor.cli.main"], REPO, args.repeat)
    print(f"python start-up with nmdoctor imported: {startup:.3f} s (part of every nmdoctor figure)")
    for manager, instances, ours, theirs, floor in rows:
        tool = "npm ls --all --json" if manager == "npm" else "pnpm list --depth Infinity --json"
        print(f"{manager} tree: {instances} package instances")
        print(f"  nmdoctor ls --json      {ours:7.3f} s")
        print(f"  {tool:<24}{theirs:7.3f} s   ratio nmdoctor/manager {ours / theirs:.2f}x")
        print(f"  floor: find + read all  {floor:7.3f} s   ratio nmdoctor/floor   {ours / floor:.2f}x")
    for manager, check, target, migrate_seconds, edges in extra:
        ls_time = next(row[2] for row in rows if row[0] == manager)
        print(
            f"{manager} tree: nmdoctor check (everything) {check:.3f} s = {check / ls_time:.1f}x ls; "
            f"migrate --to {target} {migrate_seconds:.3f} s ({edges} edges compared)"
        )


if __name__ == "__main__":
    main()
