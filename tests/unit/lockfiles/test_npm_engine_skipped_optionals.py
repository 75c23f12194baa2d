"""npm skips an optional package whose ``engines.node`` the running node does not satisfy, and what
only it brings: arborist's reify checks the engine of every optional node before extracting it,
whatever --force or engine-strict say, and rolls back its optional set on failure (lib/arborist/
reify.js). Checked with the real npm 11.19.1 under node 20.20.2 (`npm ci --ignore-scripts`) on a
create-react-app 3.4.1 lockfile rewritten to v3 by `npm install --package-lock-only`:
watchpack-chokidar2@2.0.0 (``engines: {node: <8.10.0}``, optional under watchpack 1.7) and its
nested chokidar 2.1.8 are not installed, while nmdoctor's model counted them (4 false doppelganger
warnings, field batch 27)."""

from __future__ import annotations

import json

import pytest

from nmdoctor.api import load_project
from nmdoctor.lockfiles import to_graph
from nmdoctor.vfs import MemoryFS

LOCK = {
    "name": "app",
    "lockfileVersion": 3,
    "requires": True,
    "packages": {
        "": {"name": "app", "dependencies": {"host": "1.0.0"}},
        "node_modules/host": {
            "version": "1.0.0",
            "optionalDependencies": {"old-watcher": "2.0.0", "any-watcher": "1.0.0"},
        },
        "node_modules/old-watcher": {
            "version": "2.0.0",
            "optional": True,
            "dependencies": {"inner": "2.0.0"},
            "engines": {"node": "<8.10.0"},
        },
        "node_modules/old-watcher/node_modules/inner": {"version": "2.0.0", "optional": True},
        "node_modules/any-watcher": {"version": "1.0.0", "optional": True, "engines": {"node": ">=6"}},
    },
}


@pytest.mark.parametrize(
    ("node", "installed"),
    [("20.20.2", {"any-watcher"}), ("8.9.0", {"any-watcher", "old-watcher", "inner"})],
)
def test_an_optional_package_for_other_node_versions_is_not_installed_by_npm(
    monkeypatch: pytest.MonkeyPatch, node: str, installed: set[str]
) -> None:
    monkeypatch.setattr(to_graph, "node_here", lambda: node)
    fs = MemoryFS()
    fs.add_file("/p/package.json", json.dumps({"name": "app", "dependencies": {"host": "1.0.0"}}).encode())
    fs.add_file("/p/package-lock.json", json.dumps(LOCK).encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    names = {item.name for item in graph.instances} - {"app", "host"}
    assert names == installed


def test_a_required_package_is_kept_whatever_its_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """npm only warns (EBADENGINE) for a non-optional package outside its engines: it is installed."""
    monkeypatch.setattr(to_graph, "node_here", lambda: "20.20.2")
    lock = json.loads(json.dumps(LOCK))
    lock["packages"]["node_modules/host"]["engines"] = {"node": "<8.10.0"}
    fs = MemoryFS()
    fs.add_file("/p/package.json", json.dumps({"name": "app", "dependencies": {"host": "1.0.0"}}).encode())
    fs.add_file("/p/package-lock.json", json.dumps(lock).encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    assert "host" in {item.name for item in graph.instances}
