"""A peer the lockfile leaves unresolved (yarn 1 records none, a workspace's peers are its manifest's)
is found by node wherever the install puts it: a workspace peer-depending on react, which a sibling
workspace's dependency has hoisted to the root, gets it (it was reported as not resolving); a
peer nothing installs stays unmet, and a dependency the lockfile lacks stays missing."""

from __future__ import annotations

import json

from nmdoctor.api import check, load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
# yarn lockfile v1


react@19.0.0:
  version "19.0.0"
"""


def _project(lib_peers: dict[str, str], lib_dependencies: dict[str, str] | None = None) -> MemoryFS:
    fs = MemoryFS()
    root = {"name": "mono", "version": "1.0.0", "private": True, "workspaces": ["app", "lib"]}
    app = {"name": "app", "version": "1.0.0", "dependencies": {"react": "19.0.0", "lib": "1.0.0"}}
    lib = {"name": "lib", "version": "1.0.0", "peerDependencies": lib_peers, "dependencies": lib_dependencies or {}}
    for path, manifest in (("/p", root), ("/p/app", app), ("/p/lib", lib)):
        fs.add_file(f"{path}/package.json", json.dumps(manifest).encode())
    fs.add_file("/p/yarn.lock", LOCK.encode())
    return fs


def _findings(fs: MemoryFS) -> list[tuple[str, str | None]]:
    graph = load_project("/p", fs=fs, from_lockfile=True)
    return [(item.code, item.request) for item in check(graph, fs=fs)]


def test_a_workspace_peer_hoisted_by_a_sibling_resolves() -> None:
    graph = load_project("/p", fs=_project({"react": "^18.2.0 || ^19.0.0"}), from_lockfile=True)
    [edge] = [edge for edge in graph.edges if edge.source.name == "lib" and edge.name == "react"]
    assert edge.target is not None and edge.target.path == "/p/node_modules/react"
    assert ("unmet-peer-dependency", "react") not in _findings(_project({"react": "^18.2.0 || ^19.0.0"}))


def test_a_hoisted_peer_of_another_version_is_unmet_with_the_version_it_gets() -> None:
    assert ("unmet-peer-dependency", "react") in _findings(_project({"react": "^18.0.0"}))


def test_a_peer_nothing_installs_stays_unmet() -> None:
    assert ("unmet-peer-dependency", "vue") in _findings(_project({"vue": "^3.0.0"}))


def test_a_dependency_the_lockfile_lacks_stays_missing() -> None:
    found = _findings(_project({}, {"react": "19.0.0"}))
    assert ("missing-dependency", "react") not in found  # locked: react@19.0.0 answers it
    found = _findings(_project({}, {"left-pad": "1.0.0"}))
    assert ("missing-dependency", "left-pad") in found
