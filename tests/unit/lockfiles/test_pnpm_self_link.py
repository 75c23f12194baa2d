"""A workspace that depends on itself (``"@keystone-6/core": "workspace:^"`` in its own
package.json, locked as ``version: 'link:'``) gets a symlink to itself in its node_modules: the real
pnpm 10.34.8 made packages/core/node_modules/@keystone-6/core on keystonejs/keystone."""

from __future__ import annotations

import json

from nmdoctor.api import load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

importers:

  .: {}

  packages/core:
    devDependencies:
      '@k/core':
        specifier: workspace:^
        version: 'link:'
"""


def test_a_workspace_depending_on_itself_is_linked_into_its_node_modules() -> None:
    fs = MemoryFS()
    fs.add_file("/p/package.json", json.dumps({"name": "root", "private": True}).encode())
    fs.add_file("/p/pnpm-workspace.yaml", b"packages:\n  - packages/*\n")
    fs.add_file("/p/pnpm-lock.yaml", LOCK.encode())
    manifest = {"name": "@k/core", "version": "1.0.0", "devDependencies": {"@k/core": "workspace:^"}}
    fs.add_file("/p/packages/core/package.json", json.dumps(manifest).encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    core = next(item for item in graph.instances if item.name == "@k/core")
    assert core.path == "/p/packages/core"
    assert "/p/packages/core/node_modules/@k/core" in core.links
