"""A yarn berry project that depends on the registry's package of its own name (prettier's repository,
named prettier, formats itself with `"prettier": "3.9.6"`): yarn's node-modules linker registers a
package's self reference first and each dependency after it, so the dependency replaces the self
reference and `node_modules/prettier` is the registry's copy. It was planned as the project itself,
the dependency as missing (an error) and a peer on it as unmet."""

from __future__ import annotations

import json

from nmdoctor.api import check, load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
__metadata:
  version: 8
  cacheKey: 10

"fmt@npm:2.0.0":
  version: 2.0.0
  resolution: "fmt@npm:2.0.0"
  languageName: node
  linkType: hard

"fmt@workspace:.":
  version: 0.0.0-use.local
  resolution: "fmt@workspace:."
  dependencies:
    fmt: "npm:2.0.0"
    fmt-cli: "npm:1.0.0"
  languageName: unknown
  linkType: soft

"fmt-cli@npm:1.0.0":
  version: 1.0.0
  resolution: "fmt-cli@npm:1.0.0"
  peerDependencies:
    fmt: ^2.0.0
  languageName: node
  linkType: hard
"""


def _project() -> MemoryFS:
    fs = MemoryFS()
    manifest = {"name": "fmt", "version": "3.0.0-dev", "devDependencies": {"fmt": "2.0.0", "fmt-cli": "1.0.0"}}
    fs.add_file("/p/package.json", json.dumps(manifest).encode())
    fs.add_file("/p/yarn.lock", LOCK.encode())
    fs.add_file("/p/.yarnrc.yml", b"nodeLinker: node-modules\n")
    return fs


def test_a_dependency_on_the_projects_own_name_is_installed_at_the_top() -> None:
    fs = _project()
    graph = load_project("/p", fs=fs, from_lockfile=True)
    placed = {item.path: item.label for item in graph.instances}
    assert placed["/p/node_modules/fmt"] == "fmt@2.0.0"
    codes = {item.code for item in check(graph, fs=fs)}
    assert "missing-dependency" not in codes
    assert "unmet-peer-dependency" not in codes
