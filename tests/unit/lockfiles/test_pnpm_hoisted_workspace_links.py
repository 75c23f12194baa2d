"""Under ``nodeLinker: hoisted``, pnpm 11.29.0 and 12.26.0 link each workspace package into the
project's node_modules by its name where the hoisted tree leaves the name free, unless
``hoistWorkspacePackages: false``; pnpm 10.34.8 links none there (real installs of
tests/installs/scenarios.py's workspaces projects: tests/installs/test_lockfile_placement.py and
test_planned_layouts.py, where a workspace named like a hoisted package gets no link)."""

from __future__ import annotations

import json

import pytest

from nmdoctor.api import load_project
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

importers:

  .: {}

  packages/lib:
    dependencies:
      c:
        specifier: ^1.0.0
        version: 1.0.0

  packages/web:
    dependencies:
      lib:
        specifier: 1.0.0
        version: link:../lib

packages:

  c@1.0.0:
    resolution: {integrity: sha512-AAAA==}

snapshots:

  c@1.0.0: {}
"""


def _links(package_manager: str, settings: str = "") -> dict[str, list[str]]:
    fs = MemoryFS()
    root = {"name": "mono", "private": True, "packageManager": package_manager}
    fs.add_file("/p/package.json", json.dumps(root).encode())
    workspace = f'packages:\n  - "packages/*"\nlinkWorkspacePackages: true\nnodeLinker: hoisted\n{settings}'
    fs.add_file("/p/pnpm-workspace.yaml", workspace.encode())
    fs.add_file("/p/pnpm-lock.yaml", LOCK.encode())
    for name, deps in (("lib", {"c": "^1.0.0"}), ("web", {"lib": "1.0.0"})):
        manifest = {"name": name, "version": "1.0.0", "dependencies": deps}
        fs.add_file(f"/p/packages/{name}/package.json", json.dumps(manifest).encode())
    graph = load_project("/p", fs=fs, from_lockfile=True)
    return {item.name: sorted(item.links) for item in graph.instances if item.path.startswith("/p/packages/")}


@pytest.mark.parametrize("package_manager", ["pnpm@11.29.0", "pnpm@12.26.0"])
def test_pnpm_11_and_later_link_workspaces_at_the_root(package_manager: str) -> None:
    assert _links(package_manager) == {
        "lib": ["/p/node_modules/lib", "/p/packages/web/node_modules/lib"],
        "web": ["/p/node_modules/web"],
    }
    assert _links(package_manager, "hoistWorkspacePackages: false\n") == {
        "lib": ["/p/packages/web/node_modules/lib"],
        "web": [],
    }


def test_pnpm_10_links_no_workspace_at_the_root() -> None:
    assert _links("pnpm@10.34.8") == {"lib": ["/p/packages/web/node_modules/lib"], "web": []}
