"""pnpm skips an optional package whose ``engines.node`` the installing node does not satisfy (seen
with the real pnpm 10.34.8 on vuejs/core's lockfile under node 20.20.2: @napi-rs/lzma-linux-x64-gnu,
``engines: {node: ^22.20 || ^24.12 || >=25}``, is not installed). The lockfile model leaves it out
as it leaves out optional packages for other platforms."""

from __future__ import annotations

import json

import pytest

from nmdoctor.api import load_project
from nmdoctor.lockfiles import to_graph
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      host:
        specifier: 1.0.0
        version: 1.0.0

packages:

  host@1.0.0:
    resolution: {integrity: sha512-a}

  native-new@1.0.0:
    resolution: {integrity: sha512-b}
    engines: {node: ^22.20 || >=25}

  native-any@1.0.0:
    resolution: {integrity: sha512-c}
    engines: {node: '>=18'}

snapshots:

  host@1.0.0:
    optionalDependencies:
      native-new: 1.0.0
      native-any: 1.0.0

  native-new@1.0.0:
    optional: true

  native-any@1.0.0:
    optional: true
"""


@pytest.mark.parametrize(
    ("node", "installed"), [("20.20.2", {"native-any"}), ("22.23.5", {"native-any", "native-new"})]
)
def test_an_optional_package_for_other_node_versions_is_not_installed(
    monkeypatch: pytest.MonkeyPatch, node: str, installed: set[str]
) -> None:
    monkeypatch.setattr(to_graph, "node_here", lambda: node)
    fs = MemoryFS()
    fs.add_file("/p/package.json", json.dumps({"name": "app", "dependencies": {"host": "1.0.0"}}).encode())
    fs.add_file("/p/pnpm-lock.yaml", LOCK.encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    assert {item.name for item in graph.instances if item.name.startswith("native")} == installed
