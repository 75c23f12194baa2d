"""A yarn 1 lockfile entry nothing reaches is not installed (yarn prunes it), so the hoister does not
place it and the model leaves it out: its dependencies are no missing-dependency errors (they were,
looked up from a folder that will not exist, on a lockfile whose package.json had dropped a
dependency, in a fleet)."""

from __future__ import annotations

import json

from nmdoctor.api import check, load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
# yarn lockfile v1


a@1.0.0:
  version "1.0.0"

orphan@1.0.0:
  version "1.0.0"
  dependencies:
    leaf "1.0.0"

leaf@1.0.0:
  version "1.0.0"
"""


def test_an_orphan_entry_keeps_its_lockfile_edges() -> None:
    fs = MemoryFS()
    fs.add_file(
        "/p/package.json", json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}).encode()
    )
    fs.add_file("/p/yarn.lock", LOCK.encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    placed = {item.label: item.path for item in graph.instances}
    assert placed["a@1.0.0"] == "/p/node_modules/a"
    assert "orphan@1.0.0" not in placed
    codes = {item.code for item in check(graph, fs=fs)}
    assert "missing-dependency" not in codes
