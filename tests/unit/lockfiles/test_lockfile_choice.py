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
