"""Which lockfile a project with several is read by: the manager that wrote the tree, else the one
package.json's ``packageManager`` names. pmndrs/zustand keeps a package-lock.json beside the
pnpm-lock.yaml of its ``pnpm@11.3.0``: `ls --lockfile` modelled npm's lockfile, 507 packages at
hoisted paths pnpm never makes."""

from __future__ import annotations

import json

from nmdoctor.lockfiles import find_lockfile
from nmdoctor.vfs import MemoryFS


def _project(manifest: dict[str, object]) -> MemoryFS:
    return MemoryFS.from_mapping(
        {
            "/p/package.json": json.dumps(manifest),
            "/p/package-lock.json": '{"lockfileVersion": 3, "packages": {}}',
            "/p/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        }
    )


def test_the_declared_manager_chooses_when_nothing_is_installed() -> None:
    fs = _project({"name": "zustand", "packageManager": "pnpm@11.3.0+sha512.2c40"})
    assert find_lockfile(fs, "/p") == "/p/pnpm-lock.yaml"


def test_the_tree_chooses_before_the_declared_manager() -> None:
    fs = _project({"name": "zustand", "packageManager": "pnpm@11.3.0"})
    assert find_lockfile(fs, "/p", "npm-hoisted") == "/p/package-lock.json"


def test_without_a_declared_manager_the_first_lockfile_stands() -> None:
    assert find_lockfile(_project({"name": "app"}), "/p") == "/p/package-lock.json"


def test_lerna_s_npm_client_chooses_when_nothing_else_does() -> None:
    """serverless-lerna-yarn-starter: lerna.json's `"npmClient": "yarn"` (lerna bootstrap installs
    with yarn) beside a stale v1 package-lock.json: `check --lockfile` read the npm lockfile and
    reported 7 root dependencies it lacks as missing (false errors: yarn.lock locks them)."""
    fs = _project({"name": "starter"})
    fs.add_file("/p/lerna.json", b'{"packages": ["packages/*"], "npmClient": "yarn", "useWorkspaces": true}')
    fs.add_file("/p/yarn.lock", b"# yarn lockfile v1\n")
    assert find_lockfile(fs, "/p") == "/p/yarn.lock"
    # packageManager still comes first
    manifest = _project({"name": "starter", "packageManager": "pnpm@9.0.0"})
    manifest.add_file("/p/lerna.json", b'{"npmClient": "yarn"}')
    assert find_lockfile(manifest, "/p") == "/p/pnpm-lock.yaml"
