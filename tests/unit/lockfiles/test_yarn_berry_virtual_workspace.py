"""A workspace that depends on a workspace with peer dependencies (an example app on the library at
the repository's root, ``"lib": "workspace:*"``) gets a virtual locator of it, as yarn 4 makes one
per set of peers. yarn's buildNodeModulesTree (@yarnpkg/nm 4) maps only the top-level locator
itself to the tree's root: the virtual one is a separate node, a link it does not descend into.
The planner used the tree's root there, so the root's whole dependency tree sat below the example
workspace and changed what was hoisted into it (lodev09/react-native-true-sheet: ora 3 stayed under
@expo/cli where yarn 4.18.1 puts it in example/expo/node_modules, and chalk 2 lost its
ansi-styles 3: three false version-mismatch errors; with this rule the planned example/expo
layout of that project is the one real yarn 4.18.1 installs, package for package).

The layout asserted below is what real yarn 4.18.1 installed for this lockfile
(nmHoistingLimits: workspaces, local registry): o@3 (cli's) at w/node_modules/o with its s@5 inside
it. The planner had o@9 (hoisted to the root from rel) block o@3 from w in its first round, so s@5
left o@3 for cli's folder and o@3 then stayed there too (w/node_modules/cli/node_modules/{o,s})."""

from __future__ import annotations

import json

from nmdoctor.api import load_project
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.yarn_berry import BerrySettings, _Infos, _TreeBuilder
from nmdoctor.vfs import MemoryFS

LOCK = """\
__metadata:
  version: 10
  cacheKey: 10c0

"app@workspace:*, app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    p: "npm:1.0.0"
    rel: "npm:1.0.0"
  peerDependencies:
    p: "*"
  languageName: unknown
  linkType: soft

"cli@npm:1.0.0":
  version: 1.0.0
  resolution: "cli@npm:1.0.0"
  dependencies:
    o: "npm:^3.0.0"
  languageName: node
  linkType: hard

"o@npm:9.0.0":
  version: 9.0.0
  resolution: "o@npm:9.0.0"
  languageName: node
  linkType: hard

"o@npm:^3.0.0":
  version: 3.0.0
  resolution: "o@npm:3.0.0"
  dependencies:
    s: "npm:^5.0.0"
  languageName: node
  linkType: hard

"p@npm:1.0.0":
  version: 1.0.0
  resolution: "p@npm:1.0.0"
  languageName: node
  linkType: hard

"rel@npm:1.0.0":
  version: 1.0.0
  resolution: "rel@npm:1.0.0"
  dependencies:
    o: "npm:9.0.0"
  languageName: node
  linkType: hard

"s@npm:6.0.0":
  version: 6.0.0
  resolution: "s@npm:6.0.0"
  languageName: node
  linkType: hard

"s@npm:^5.0.0":
  version: 5.0.0
  resolution: "s@npm:5.0.0"
  languageName: node
  linkType: hard

"w@workspace:w":
  version: 0.0.0-use.local
  resolution: "w@workspace:w"
  dependencies:
    app: "workspace:*"
    cli: "npm:1.0.0"
    s: "npm:6.0.0"
  languageName: unknown
  linkType: soft
"""

# real yarn 4.18.1's install of this lockfile
REAL = {
    "/p/node_modules/o": "o@9.0.0",
    "/p/node_modules/p": "p@1.0.0",
    "/p/node_modules/rel": "rel@1.0.0",
    "/p/w/node_modules/cli": "cli@1.0.0",
    "/p/w/node_modules/o": "o@3.0.0",
    "/p/w/node_modules/o/node_modules/s": "s@5.0.0",
    "/p/w/node_modules/s": "s@6.0.0",
}


def _project() -> MemoryFS:
    fs = MemoryFS()
    root = {
        "name": "app",
        "version": "1.0.0",
        "private": True,
        "workspaces": ["w"],
        "peerDependencies": {"p": "*"},
        "devDependencies": {"p": "1.0.0", "rel": "1.0.0"},
    }
    workspace = {"name": "w", "version": "1.0.0", "dependencies": {"app": "workspace:*", "cli": "1.0.0", "s": "6.0.0"}}
    fs.add_file("/p/package.json", json.dumps(root).encode())
    fs.add_file("/p/w/package.json", json.dumps(workspace).encode())
    fs.add_file("/p/yarn.lock", LOCK.encode())
    fs.add_file("/p/.yarnrc.yml", b"nodeLinker: node-modules\nnmHoistingLimits: workspaces\n")
    return fs


def test_a_dependency_on_the_root_workspace_with_peers_is_a_link_not_the_tree_root() -> None:
    graph = logical_graph(load_project("/p", fs=_project(), from_lockfile=True))
    settings = BerrySettings(hoisting_limits="workspaces")
    root = _TreeBuilder(graph, _Infos(graph, settings), settings).build()
    workspace = root.deps["w$wsroot$"]
    dependency = workspace.deps["app"]
    assert dependency is not root
    assert dependency.locator.startswith("app@virtual:")
    assert dependency.deps == {}


def test_the_planned_layout_is_real_yarns() -> None:
    graph = load_project("/p", fs=_project(), from_lockfile=True)
    placed = {item.path: item.label for item in graph.instances if "/node_modules/" in item.path}
    assert placed == REAL
