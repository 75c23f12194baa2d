"""A pnpm lockfile entry no importer reaches is not installed (real pnpm 8 to 11 install only what
the importers reach; tests/installs/test_pnpm_orphan_entries.py): the lockfile model leaves it out,
with what only it brings, optional or not."""

from __future__ import annotations

import json

from nmdoctor.api import load_project
from nmdoctor.lockfiles import read_lockfile
from nmdoctor.lockfiles.to_graph import skipped_here
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      a:
        specifier: 1.0.0
        version: 1.0.0

packages:

  a@1.0.0:
    resolution: {integrity: sha512-a}

  leaf@1.0.0:
    resolution: {integrity: sha512-b}

  orphan@1.0.0:
    resolution: {integrity: sha512-c}

snapshots:

  a@1.0.0: {}

  leaf@1.0.0: {}

  orphan@1.0.0:
    dependencies:
      leaf: 1.0.0
"""


def _fs() -> MemoryFS:
    fs = MemoryFS()
    fs.add_file(
        "/p/package.json", json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}).encode()
    )
    fs.add_file("/p/pnpm-lock.yaml", LOCK.encode())
    return fs


def test_entries_no_importer_reaches_are_not_installed() -> None:
    fs = _fs()
    assert skipped_here(read_lockfile(fs, "/p/pnpm-lock.yaml")) == {"orphan@1.0.0", "leaf@1.0.0"}
    graph = load_project("/p", fs=fs, from_lockfile=True)
    assert sorted(item.label for item in graph.instances) == ["a@1.0.0", "app@1.0.0"]
