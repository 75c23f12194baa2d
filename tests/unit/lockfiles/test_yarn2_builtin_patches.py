"""Yarn 2.0's lockfile (``__metadata: version: 4``) writes its built-in compatibility patches as
``patch:fsevents@^1.2.7#builtin<compat/fsevents>``, with neither the ``~`` of later yarn 2/3
releases nor yarn 4's ``optional!``. Yarn's compat plugin rewrites every dependency on fsevents,
resolve and typescript to the patched package, so that is the one dependents get; the plain npm
entry is only the patch's source. Read otherwise, chokidar got both and each showed up as a second
copy (docusaurus-yarn-v2-example, field batch check30: fsevents 1 and 2 and resolve were false
doppelganger warnings). Checked against yarn's plugin-compat (its ``reduceDependency`` hook wraps
the descriptor in ``patch:...#builtin<compat/NAME>``) and the lockfile itself, which holds the
patched entry under exactly that descriptor."""

from __future__ import annotations

import json

import pytest

from nmdoctor.api import load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
__metadata:
  version: 4

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    chokidar: ^2.1.8
  languageName: unknown
  linkType: soft

chokidar@^2.1.8:
  version: 2.1.8
  resolution: "chokidar@npm:2.1.8"
  dependencies:
    fsevents: ^1.2.7
  dependenciesMeta:
    fsevents:
      optional: true
  languageName: node
  linkType: hard

fsevents@^1.2.7:
  version: 1.2.13
  resolution: "fsevents@npm:1.2.13"
  languageName: node
  linkType: hard

"fsevents@patch:fsevents@^1.2.7#builtin<compat/fsevents>":
  version: 1.2.13
  resolution: "fsevents@patch:fsevents@npm%3A1.2.13#builtin<compat/fsevents>::version=1.2.13&hash=495457"
  languageName: node
  linkType: hard
"""


@pytest.mark.parametrize("linker", ["pnp", "node-modules"])
def test_dependents_get_the_patched_package_only(linker: str) -> None:
    fs = MemoryFS()
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"chokidar": "^2.1.8"}}
    fs.add_file("/p/package.json", json.dumps(manifest).encode())
    fs.add_file("/p/yarn.lock", LOCK.encode())
    fs.add_file("/p/.yarnrc.yml", f"nodeLinker: {linker}\n".encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    targets = [edge.target for edge in graph.edges if edge.source.name == "chokidar" and edge.name == "fsevents"]
    assert len(targets) == 1 and targets[0] is not None
    fsevents = [item for item in graph.instances if item.name == "fsevents"]
    assert fsevents == [targets[0]]
