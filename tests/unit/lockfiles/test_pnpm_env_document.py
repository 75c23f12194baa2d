"""pnpm 11 writes the lockfile of its own install (``packageManagerDependencies``, the pnpm that the
``packageManager`` field names, and ``configDependencies``) as a first YAML document, opened by
``---``, before the project's lockfile (typescript-eslint's pnpm-lock.yaml under pnpm 12.0.0-rc.7).
check stopped on it ("not valid YAML: expected a single document"); pnpm reads the second document as
the project's lockfile."""

from __future__ import annotations

import json

from nmdoctor.api import check, load_project
from nmdoctor.lockfiles.pnpm import main_document, read_pnpm_lockfile
from nmdoctor.vfs import MemoryFS

PROJECT = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      a:
        specifier: ^1.0.0
        version: 1.0.0

packages:

  a@1.0.0:
    resolution: {integrity: sha512-aaaa}

snapshots:

  a@1.0.0: {}
"""

ENV = """\
---
lockfileVersion: '9.0'

importers:

  .:
    configDependencies: {}
    packageManagerDependencies:
      pnpm:
        specifier: 12.0.0
        version: 12.0.0

packages:

  pnpm@12.0.0:
    resolution: {integrity: sha512-pppp}

snapshots:

  pnpm@12.0.0: {}

---
"""


def test_the_project_lockfile_is_the_document_after_pnpms_own() -> None:
    lock = read_pnpm_lockfile(ENV + PROJECT, "/p/pnpm-lock.yaml")
    assert "a@1.0.0" in lock.packages
    assert "pnpm@12.0.0" not in lock.packages
    assert main_document(PROJECT) == PROJECT
    assert main_document((ENV + PROJECT).replace("\n", "\r\n")) == PROJECT


def test_check_reads_a_lockfile_with_pnpms_own_document() -> None:
    fs = MemoryFS()
    fs.add_file("/p/package.json", json.dumps({"name": "app", "dependencies": {"a": "^1.0.0"}}).encode())
    fs.add_file("/p/pnpm-lock.yaml", (ENV + PROJECT).encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    assert {item.label for item in graph.instances} >= {"a@1.0.0"}
    assert "pnpm@12.0.0" not in {item.label for item in graph.instances}
    assert [item for item in check(graph, fs=fs) if item.severity.value == "error"] == []
