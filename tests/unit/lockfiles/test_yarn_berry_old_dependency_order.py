"""Yarn 4 before 4.8.0 lists a package's virtual dependencies (those with peers) after its other
ones, so the node-modules hoister meets them last and a tie between two versions goes the other
way. Real installs of this project (p peer-depends on q and depends on x@1, z depends on x@2):
yarn 4.4.1 and 4.7.0 put x@2.0.0 at node_modules/x and x@1.0.0 under p; yarn 4.8.0 and 4.18.1 put
x@1.0.0 at the top and x@2.0.0 under z. The plan follows the yarn the project runs: the release
``yarnPath`` names, else ``packageManager``'s, else the current one. redux-thunk (yarn 4.4.1) had
three top folders planned with the other version (eslint-visitor-keys, ignore, @esbuild/linux-x64)."""

from __future__ import annotations

import json

import pytest

from nmdoctor.api import load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    p: "npm:1.0.0"
    q: "npm:1.0.0"
    z: "npm:1.0.0"
  languageName: unknown
  linkType: soft

"p@npm:1.0.0":
  version: 1.0.0
  resolution: "p@npm:1.0.0"
  dependencies:
    x: "npm:^1.0.0"
  peerDependencies:
    q: ^1.0.0
  languageName: node
  linkType: hard

"q@npm:1.0.0":
  version: 1.0.0
  resolution: "q@npm:1.0.0"
  languageName: node
  linkType: hard

"x@npm:^1.0.0":
  version: 1.0.0
  resolution: "x@npm:1.0.0"
  languageName: node
  linkType: hard

"x@npm:^2.0.0":
  version: 2.0.0
  resolution: "x@npm:2.0.0"
  languageName: node
  linkType: hard

"z@npm:1.0.0":
  version: 1.0.0
  resolution: "z@npm:1.0.0"
  dependencies:
    x: "npm:^2.0.0"
  languageName: node
  linkType: hard
"""


def _top_x(yarnrc: str, manifest_extra: dict[str, str]) -> str:
    fs = MemoryFS()
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"p": "1.0.0", "q": "1.0.0", "z": "1.0.0"}}
    fs.add_file("/p/package.json", json.dumps({**manifest, **manifest_extra}).encode())
    fs.add_file("/p/yarn.lock", LOCK.encode())
    fs.add_file("/p/.yarnrc.yml", f"nodeLinker: node-modules\n{yarnrc}".encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    placed = {item.path: item.version for item in graph.instances if item.name == "x"}
    return placed["/p/node_modules/x"]


@pytest.mark.parametrize(
    ("yarnrc", "extra", "top"),
    [
        ("yarnPath: .yarn/releases/yarn-4.4.1.cjs\n", {}, "2.0.0"),
        ("", {"packageManager": "yarn@4.7.0"}, "2.0.0"),
        ("", {"packageManager": "yarn@4.8.0"}, "1.0.0"),
        ("yarnPath: .yarn/releases/yarn-4.18.1.cjs\n", {"packageManager": "yarn@4.4.1"}, "1.0.0"),
        ("", {}, "1.0.0"),
    ],
)
def test_the_tie_goes_as_the_yarn_that_installs_breaks_it(yarnrc: str, extra: dict[str, str], top: str) -> None:
    assert _top_x(yarnrc, extra) == top
