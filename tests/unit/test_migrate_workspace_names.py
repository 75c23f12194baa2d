"""A workspace named like a registry package the project also installs (bvaughn/react-window's
integrations `next` and `vite`, beside next@16 and vite@7): planning npm or yarn 1 crashed with
"is a directory" where the workspace's link met the package's folder. npm 11 links the workspace
first (the project's own `c` is then the workspace, the workspace's `c` goes into its folder); yarn
1.22.22 keeps the package and leaves the workspace unlinked (tests/installs/scenarios.py,
"workspace-named-like-a-dependency", compares both with the real installs)."""

from __future__ import annotations

import json

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      c:
        specifier: ^1.0.0
        version: 1.0.0

  packages/cw:
    dependencies:
      c:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  c@1.0.0:
    resolution: {integrity: sha512-one}

  c@2.0.0:
    resolution: {integrity: sha512-two}

snapshots:

  c@1.0.0: {}

  c@2.0.0: {}
"""


def _project() -> MemoryFS:
    fs = MemoryFS()
    fs.add_file(
        "/p/package.json",
        json.dumps(
            {"name": "twin", "private": True, "workspaces": ["packages/*"], "dependencies": {"c": "^1.0.0"}}
        ).encode(),
    )
    fs.add_file("/p/pnpm-workspace.yaml", b"packages:\n  - packages/*\n")
    fs.add_file("/p/pnpm-lock.yaml", LOCK.encode())
    manifest = {"name": "c", "version": "0.0.0", "dependencies": {"c": "^2.0.0"}}
    fs.add_file("/p/packages/cw/package.json", json.dumps(manifest).encode())
    return fs


def _changes(target: str) -> list[tuple[str, str, str | None]]:
    fs = _project()
    graph = load_project("/p", fs=fs, from_lockfile=True)
    result = migrate(graph, fs, target)
    return sorted((item.code, item.from_ or "", item.request) for item in result.findings)


def test_npm_links_the_workspace_first_and_the_project_gets_it() -> None:
    for target in ("npm", "nested", "npm-linked"):
        assert _changes(target) == [("resolution-changed", ".", "c")], target


def test_yarn_1_keeps_the_package_and_leaves_the_workspace_unlinked() -> None:
    fs = _project()
    graph = load_project("/p", fs=fs, from_lockfile=True)
    result = migrate(graph, fs, "yarn")
    assert result.findings == []
    assert result.plan.fs.lstat("/p/node_modules/c") is not None
    assert "/p/node_modules/c" not in {str(path) for path in result.plan.binds.values()}
    planned = {item.path: item.version for item in result.planned.instances if item.name == "c"}
    assert planned == {
        "/p/node_modules/c": "1.0.0",
        "/p/packages/cw": "0.0.0",
        "/p/packages/cw/node_modules/c": "2.0.0",
    }
