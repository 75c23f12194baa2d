"""A large npm-shaped tree written straight to disk, for the report's browser tests.

Packages ``pkg-0000`` ... are hoisted to the top; every tenth one also has a second major version,
nested under each of its dependents that asks for it (so the same name@version sits in several
folders: doppelgangers, as npm's hoisting leaves them). Deterministic for a given size.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

__all__ = ["write_big_tree"]


def _write(folder: Path, manifest: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(json.dumps(manifest))
    (folder / "index.js").write_text(f"module.exports = {json.dumps(manifest['name'])};\n")


def write_big_tree(root: Path, packages: int = 2800, seed: int = 7) -> int:
    """Write the project under ``root``; return how many package folders it holds."""
    rng = random.Random(seed)
    names = [f"pkg-{number:04d}" for number in range(packages)]
    twice = set(names[::10])
    wants: dict[str, dict[str, str]] = {name: {} for name in names}
    for position, name in enumerate(names[60:], start=60):
        # Each package is wanted by an earlier one not far above it, so every one is reachable and
        # chains stay a few dozen levels deep; a few more edges make the graph a graph.
        parents = rng.sample(names[max(0, position - 300) : position], 2)
        for parent in parents[: 1 + (rng.random() < 0.4)]:
            wants[parent][name] = "^2.0.0" if name in twice and rng.random() < 0.5 else "^1.0.0"
    top = {name: "^1.0.0" for name in names[:60]}
    (root / "node_modules").mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"name": "big-app", "version": "1.0.0", "dependencies": top}))
    (root / "node_modules" / ".package-lock.json").write_text(json.dumps({"name": "big-app", "lockfileVersion": 3}))
    folders = 0
    for name in names:
        _write(root / "node_modules" / name, {"name": name, "version": "1.0.0", "dependencies": wants[name]})
        folders += 1
        for dep, spec in wants[name].items():
            if spec == "^2.0.0":
                nested = root / "node_modules" / name / "node_modules" / dep
                _write(nested, {"name": dep, "version": "2.0.0", "dependencies": {}})
                folders += 1
    return folders
