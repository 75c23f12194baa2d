"""Benchmark: `nmdoctor ls --json` on a large real tree against the managers' own listings.

Installs one pinned project (about 1,700 packages) with real npm and real pnpm (the pinned copy in
tests/node_tools) into a cache folder, once, then times, on each tree:
  - `nmdoctor ls --json` (whole process),
  - `npm ls --all --json` (npm tree) / `pnpm list --depth Infinity --json` (pnpm tree),
  - the floor: reading every package.json of the tree once, in Python, nothing else,
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


def manifest_floor(folder: Path, paths: list[str], repeat: int) -> float:
    """Read and parse the package.json of every instance once: what any listing must at least do."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            with open(folder / path / "package.json", "rb") as handle:
                json.loads(handle.read())
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    nmdoctor = str(Path(sys.executable).with_name("nmdoctor"))
    rows = []
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
        paths = [item["path"] for item in document["instances"]]
        floor = manifest_floor(folder, paths, args.repeat)
        rows.append((manager, len(paths), ours, theirs, floor))
    startup = timed([sys.executable, "-c", "import nmdoctor.cli.main"], REPO, args.repeat)
    print(f"python start-up with nmdoctor imported: {startup:.3f} s (part of every nmdoctor figure)")
    for manager, instances, ours, theirs, floor in rows:
        tool = "npm ls --all --json" if manager == "npm" else "pnpm list --depth Infinity --json"
        print(f"{manager} tree: {instances} package instances")
        print(f"  nmdoctor ls --json      {ours:7.3f} s")
        print(f"  {tool:<24}{theirs:7.3f} s   ratio nmdoctor/manager {ours / theirs:.2f}x")
        print(
            f"  floor: read manifests   {floor:7.3f} s   ratio nmdoctor/floor   {ours / floor:.2f}x"
            f"  (without start-up {(ours - startup) / floor:.2f}x)"
        )


if __name__ == "__main__":
    main()
