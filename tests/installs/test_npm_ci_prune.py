"""Real npm: the npm lockfile model is what ``npm ci`` installs from a lockfile with stale entries
(lockfiles/npm_ci.py). Each project is installed with ``npm install``, then package.json and the
lockfile's workspace entry are changed together (the nested entries left as they were, as in a
merge that kept them), and ``npm ci`` installs it. The model's locations must be the installed
ones, and verify must report exactly the edges ``npm ls`` marks invalid."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.api import load_project
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install_in
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(shutil.which("npm") is None, reason="npm"),
]

PACKAGES = [
    {"name": "sub", "version": "1.0.0"},
    {"name": "sub", "version": "2.0.0"},
    {"name": "leaf", "version": "1.0.0", "dependencies": {"sub": "^1.0.0"}},
    {"name": "leaf", "version": "1.1.0", "dependencies": {"sub": "^2.0.0"}},
    {"name": "leaf", "version": "1.2.0", "dependencies": {"sub": "^2.0.0"}},
    {"name": "user", "version": "1.0.0", "dependencies": {"leaf": "^1.1.0"}},
    {"name": "extra", "version": "1.0.0"},
]


@pytest.fixture(scope="module")
def registry_url() -> Iterator[str]:
    with Registry(PACKAGES) as registry:
        yield registry.url


def _read(dest: Path) -> dict[str, Any]:
    return json.loads((dest / "package-lock.json").read_text())


def _write(dest: Path, data: dict[str, Any]) -> None:
    data["packages"] = dict(sorted(data["packages"].items(), key=lambda item: (item[0] != "", item[0])))
    (dest / "package-lock.json").write_text(json.dumps(data, indent=2))


def _declare(dest: Path, workspace: str, deps: dict[str, str]) -> None:
    """A workspace's dependencies changed in package.json and in its lockfile entry."""
    path = dest / "packages" / workspace / "package.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "dependencies": deps}))
    data = _read(dest)
    data["packages"][f"packages/{workspace}"]["dependencies"] = deps
    _write(dest, data)


def _nest(dest: Path, workspace: str, name: str) -> None:
    """Move a hoisted entry under a workspace (a lockfile nesting it there, none at the root)."""
    data = _read(dest)
    data["packages"][f"packages/{workspace}/node_modules/{name}"] = data["packages"].pop(f"node_modules/{name}")
    _write(dest, data)


def _add(dest: Path, entries: dict[str, dict[str, Any]]) -> None:
    data = _read(dest)
    data["packages"].update(entries)
    _write(dest, data)


def _project(dest: Path, root: dict[str, Any], workspaces: dict[str, dict[str, str]]) -> None:
    manifest = {"name": "root", "version": "1.0.0", "private": True, "workspaces": ["packages/*"], **root}
    dest.mkdir(parents=True)
    (dest / "package.json").write_text(json.dumps(manifest))
    for name, deps in workspaces.items():
        (dest / "packages" / name).mkdir(parents=True)
        (dest / "packages" / name / "package.json").write_text(
            json.dumps({"name": name, "version": "1.0.0", "dependencies": deps})
        )


def _entries(url: str, tmp: Path) -> dict[str, dict[str, Any]]:
    """leaf 1.0.0 and sub 1.0.0 as npm locks them, to place elsewhere."""
    dest = tmp / "probe"
    _project(dest, {"dependencies": {"leaf": "1.0.0", "extra": "1.0.0"}}, {})
    install_in(dest, "npm-hoisted", url)
    return {key.removeprefix("node_modules/"): value for key, value in _read(dest)["packages"].items() if key}


Mutation = Callable[[Path, dict[str, dict[str, Any]]], None]

SCENARIOS: dict[str, tuple[dict[str, Any], dict[str, dict[str, str]], Mutation]] = {
    # The root copy satisfies the new range and is newer: the stale copy and its sub go.
    "satisfied-above": (
        {"dependencies": {"leaf": "1.2.0"}},
        {"a": {"leaf": "1.0.0"}},
        lambda dest, _: _declare(dest, "a", {"leaf": "^1.1.0"}),
    ),
    # The root copy satisfies but is older: the stale copy stays (npm ls: invalid).
    "satisfied-above-older": (
        {"dependencies": {"leaf": "1.1.0"}},
        {"a": {"leaf": "1.2.0"}},
        lambda dest, _: _declare(dest, "a", {"leaf": "1.1.0"}),
    ),
    # No copy above: the stale copy stays.
    "nothing-above": (
        {"dependencies": {"sub": "2.0.0"}},
        {"a": {"leaf": "1.2.0"}},
        lambda dest, _: (_nest(dest, "a", "leaf"), _declare(dest, "a", {"leaf": "1.1.0"})),
    ),
    # A stale entry under a package the root reaches: dropped.
    "transitive-from-root": (
        {"dependencies": {"user": "1.0.0", "leaf": "1.2.0"}},
        {},
        lambda dest, locked: _add(
            dest,
            {
                "node_modules/user/node_modules/leaf": locked["leaf"],
                "node_modules/user/node_modules/sub": locked["sub"],
            },
        ),
    ),
    # Under a package only a workspace reaches: npm does not queue it, the stale copy stays...
    "transitive-via-workspace": (
        {"dependencies": {"leaf": "1.2.0"}},
        {"a": {"user": "1.0.0"}},
        lambda dest, locked: _add(
            dest,
            {
                "node_modules/user/node_modules/leaf": locked["leaf"],
                "node_modules/user/node_modules/sub": locked["sub"],
            },
        ),
    ),
    # ...unless a sweep from the root runs for another stale entry: then it goes too.
    "transitive-via-workspace-swept": (
        {"dependencies": {"leaf": "1.2.0"}},
        {"a": {"user": "1.0.0"}, "b": {"leaf": "1.0.0"}},
        lambda dest, locked: (
            _add(
                dest,
                {
                    "node_modules/user/node_modules/leaf": locked["leaf"],
                    "node_modules/user/node_modules/sub": locked["sub"],
                },
            ),
            _declare(dest, "b", {"leaf": "1.2.0"}),
        ),
    ),
    # An override of every edge of the name judges the workspace's edge.
    "override": (
        {"dependencies": {"leaf": "1.2.0"}},
        {"a": {"leaf": "1.0.0"}},
        lambda dest, _: _override(dest),
    ),
    # An entry nothing reaches, not flagged extraneous: not installed.
    "unreachable": (
        {"dependencies": {"leaf": "1.2.0"}},
        {},
        lambda dest, locked: _add(dest, {"node_modules/extra": locked["extra"]}),
    ),
}


def _override(dest: Path) -> None:
    _declare(dest, "a", {"leaf": "^1.0.0"})
    manifest = json.loads((dest / "package.json").read_text())
    (dest / "package.json").write_text(json.dumps({**manifest, "overrides": {"leaf": "1.2.0"}}))


def _installed(dest: Path) -> set[str]:
    return {
        str(path.parent.relative_to(dest))
        for path in dest.rglob("node_modules/**/package.json")
        if path.parent.parent.name == "node_modules" or path.parent.parent.parent.name == "node_modules"
        if not path.parent.is_symlink() and path.parent.parent.name != ".bin"
    }


@pytest.fixture(scope="module")
def locked(registry_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return _entries(registry_url, tmp_path_factory.mktemp("entries"))


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_model_is_what_npm_ci_installs(
    registry_url: str, locked: dict[str, dict[str, Any]], tmp_path: Path, name: str
) -> None:
    root, workspaces, mutate = SCENARIOS[name]
    dest = tmp_path / name
    _project(dest, root, workspaces)
    install_in(dest, "npm-hoisted", registry_url)
    mutate(dest, locked)
    shutil.rmtree(dest / "node_modules")
    install_in(dest, "npm-hoisted", registry_url, frozen=True)

    fs = DiskFS()
    graph = load_project(str(dest), fs=fs)
    path = find_lockfile(fs, str(dest), graph.layout)
    assert path is not None
    lock = read_lockfile(fs, path, manifest_json(fs, str(dest)))
    modelled = {key for key, package in lock.packages.items() if key and package.link_to is None}
    assert modelled - {f"packages/{item}" for item in workspaces} == _installed(dest)

    listing = subprocess.run(["npm", "ls", "--all", "--json"], cwd=dest, capture_output=True, text=True, check=False)
    invalid = sorted(
        str(Path(item.split()[2]).relative_to(dest))
        for item in json.loads(listing.stdout).get("problems", [])
        if item.startswith("invalid:")
    )
    findings = verify_tree(graph, lock)
    assert {item.code for item in findings} <= {"version-mismatch"}
    assert sorted(item.message.rpartition(" from ")[2] for item in findings) == invalid
