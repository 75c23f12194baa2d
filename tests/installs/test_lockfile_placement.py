"""``ls --lockfile`` before an install lists the tree the install makes (issue 14, item 7).

Each project is installed once by the real manager to write its lockfile; the project and the
lockfile are then copied to a fresh folder, ``ls --json --lockfile`` is taken there, and the
manager installs from the lockfile alone (``npm ci``, ``--frozen-lockfile``, yarn berry's immutable
install). ``ls --json`` of that install must equal the lockfile's listing: every package at the
same path and version, with the same links and dependents. ``verify`` is clean on it and ``check``
reports no error. Layouts: npm (lockfile v3), pnpm 10 and pnpm 9 isolated (with the hidden and
public hoisting), pnpm 10 ``node-linker=hoisted`` (from .npmrc), yarn 1, yarn 4 with
``nodeLinker: node-modules`` (and ``nmHoistingLimits``).

What a lockfile does not say is left out of the comparison and pinned by strict xfails below:
pnpm-lock.yaml names bundled dependencies without their versions, and yarn.lock v1 records neither
peer dependencies nor the platforms of optional packages.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.diagnostics.model import Finding
from nmdoctor.inspect.overrides import project_overrides
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.fidelity_scenarios import BERRY, BERRY_YARNRC, FIDELITY_PACKAGES, WORKSPACES, fidelity_project
from tests.installs.managers import (
    NEW_PNPM,
    OLD_PNPM,
    PNPM12_PIN,
    TOOLS,
    install,
    install_in,
    new_pnpm_ready,
    tools_available,
)
from tests.installs.registry import Registry
from tests.installs.scenarios import DEP_AND_PEER_PROJECT, PACKAGES, PLANNER_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not all((TOOLS / tool).exists() for tool in OLD_PNPM.values()),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
]

MODES = (
    "npm-hoisted",
    "pnpm-isolated",
    "pnpm9-isolated",
    "pnpm11-isolated",
    "pnpm12-isolated",
    "pnpm8-isolated",
    "pnpm-hoisted",
    "yarn-classic",
    "yarn-berry-nm",
)
# Projects of tests/installs/scenarios.py (contested hoisting, peers, workspaces with conflicts)
# and of fidelity_scenarios.py (bundled packages, platform-skipped optionals, optional peers, links
# to plain folders, prereleases, workspaces).
SCENARIO_PROJECTS = ("phantom", "dopple", "contested", "contested-order", "workspaces-conflict")
FIDELITY_PROJECTS = ("fidelity", "workspaces")
# (project, mode, variant): a variant adds project settings the placement must read.
VARIANTS: dict[str, dict[str, Any]] = {
    "": {},
    "public-hoist": {"files": {".npmrc": "public-hoist-pattern[]=c\npublic-hoist-pattern[]=d\n"}},
    "hoist-none": {"files": {".npmrc": "hoist=false\n"}},
    # the same settings where pnpm 11 and later read them
    "public-hoist-yaml": {"files": {"pnpm-workspace.yaml": "publicHoistPattern:\n  - c\n  - d\n"}},
    "hoist-none-yaml": {"files": {"pnpm-workspace.yaml": "hoist: false\n"}},
    "hoisted-yaml": {"files": {"pnpm-workspace.yaml": "nodeLinker: hoisted\n"}},
    # pnpm 11 and 12's hoisted linker links workspace packages into the project's node_modules too
    "hoisted-workspaces-yaml": {
        "files": {
            "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\nlinkWorkspacePackages: true\nnodeLinker: hoisted\n'
        }
    },
    "hoisted-workspaces-off-yaml": {
        "files": {
            "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\nlinkWorkspacePackages: true\nnodeLinker: hoisted\n'
            "hoistWorkspacePackages: false\n"
        }
    },
    "limits": {"yarnrc": {"nmHoistingLimits": "workspaces"}},
    # pnpm writes an overridden direct dependency with the override as its specifier (not drift)
    "override-direct": {"files": {"pnpm-workspace.yaml": "overrides:\n  a: 1.0.0\n"}},
    # a workspace package.json without a name (unocss's bench and test fixtures): pnpm's hoister
    # links it nowhere
    "nameless-workspace": {
        "files": {"packages/tools/package.json": '{"private": true, "dependencies": {"b": "^1.0.0"}}'}
    },
    # zod's pnpm-workspace.yaml: the hoister links no workspace package (pnpm 8's default too)
    "hoist-workspaces-off": {
        "files": {
            "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\nlinkWorkspacePackages: true\n'
            "hoistWorkspacePackages: false\n"
        }
    },
    # a link: override names a folder from the root; pnpm writes it from each importer's folder
    # (unjs/nitro's examples: `nitropack: link:.` is `link:../..` there), not drift
    "override-link": {
        "files": {
            "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\nlinkWorkspacePackages: true\n'
            "overrides:\n  lib: link:./packages/lib\n"
        }
    },
}
CASES = [
    *[(project, mode, "") for project in (*SCENARIO_PROJECTS, *FIDELITY_PROJECTS) for mode in MODES],
    ("berry", "yarn-berry-nm", ""),
    ("phantom", "pnpm-isolated", "public-hoist"),
    ("phantom", "pnpm-isolated", "hoist-none"),
    ("phantom", "pnpm-isolated", "override-direct"),
    ("workspaces", "pnpm-isolated", "override-link"),
    ("workspaces", "pnpm-isolated", "hoist-workspaces-off"),
    ("workspaces", "pnpm-isolated", "nameless-workspace"),
    # pnpm 12.26.0 (the npm registry's `latest` on 2026-12-06): its settings from pnpm-workspace.yaml
    ("phantom", "pnpm12-isolated", "public-hoist-yaml"),
    ("phantom", "pnpm12-isolated", "hoist-none-yaml"),
    ("contested", "pnpm12-isolated", "hoisted-yaml"),
    ("workspaces", "pnpm12-isolated", "hoisted-workspaces-yaml"),
    ("workspaces-conflict", "pnpm12-isolated", "hoisted-workspaces-yaml"),
    ("workspaces", "pnpm12-isolated", "hoisted-workspaces-off-yaml"),
    ("workspaces", "pnpm-isolated", "hoisted-workspaces-yaml"),
    ("phantom", "pnpm12-isolated", "override-direct"),
    ("workspaces", "pnpm12-isolated", "override-link"),
    ("workspaces", "pnpm12-isolated", "hoist-workspaces-off"),
    ("workspaces", "pnpm12-isolated", "nameless-workspace"),
    ("dep-and-peer", "pnpm12-isolated", ""),
    ("workspaces-conflict", "yarn-berry-nm", "limits"),
    # react-redux's yarn.lock: yarn 4.18 installs vitest's vite (a dependency and a peer the
    # project does not provide) and not ajv-formats' locked ajv 8.17.1 (the parent's ajv answers
    # the peer); before, the lockfile placement left both unplaced and check reported errors
    ("dep-and-peer", "yarn-berry-nm", ""),
    ("dep-and-peer", "npm-hoisted", ""),
    # create-t3-turbo's pnpm install: expo-router's dependency-and-peer takes expo's copy
    ("dep-and-peer", "pnpm-isolated", ""),
]


def _project(name: str, mode: str) -> tuple[dict[str, Any], dict[str, str]]:
    manifest, files = _scenario(name, mode)
    if mode in OLD_PNPM or mode in NEW_PNPM:  # the store folders are named as the project's pnpm names them
        version = json.loads((TOOLS / {**OLD_PNPM, **NEW_PNPM}[mode] / "package.json").read_text())["version"]
        manifest = {**manifest, "packageManager": f"pnpm@{version}"}
    return manifest, files


def _scenario(name: str, mode: str) -> tuple[dict[str, Any], dict[str, str]]:
    if name == "berry":
        return BERRY
    if name == "dep-and-peer":
        return DEP_AND_PEER_PROJECT
    if name == "fidelity":
        manager = "npm" if mode.startswith("npm") else "pnpm" if mode.startswith("pnpm") else "yarn"
        return fidelity_project("berry" if mode == "yarn-berry-nm" else manager)
    if name == "workspaces" and name not in SCENARIO_PROJECTS:
        return WORKSPACES
    return PLANNER_PROJECTS.get(name) or PROJECTS[name]


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], tuple[Path, dict[str, Any]]]:
    """case -> (the fresh install from the lockfile, ``ls --json --lockfile`` taken before it)."""
    root = tmp_path_factory.mktemp("placement").resolve()
    done = {}
    for packages, names in (
        ([*PACKAGES, PNPM12_PIN], (*SCENARIO_PROJECTS, "dep-and-peer")),
        ([*FIDELITY_PACKAGES, PNPM12_PIN], (*FIDELITY_PROJECTS, "berry")),
    ):
        with Registry(packages) as registry:
            for project, mode, variant in CASES:
                if project not in names or (mode in NEW_PNPM and not new_pnpm_ready(mode)):
                    continue
                manifest, files = _project(project, mode)
                settings = VARIANTS[variant]
                files = {**files, **settings.get("files", {})}
                if mode == "pnpm-hoisted":
                    files[".npmrc"] = "node-linker=hoisted\n"
                yarnrc = {**(BERRY_YARNRC if project == "berry" else {}), **settings.get("yarnrc", {})}
                label = f"{project}-{mode}-{variant or 'default'}"
                first = install(manifest, files, mode, registry.url, root / f"{label}-first", yarnrc=yarnrc or None)
                fresh = root / label
                shutil.copytree(first, fresh, symlinks=True, ignore=shutil.ignore_patterns("node_modules"))
                before = ls_document(load_graph(str(fresh), from_lockfile=True))
                install_in(fresh, mode, registry.url, yarnrc=yarnrc or None, frozen=True)
                done[(project, mode, variant)] = (fresh, before)
    return done


def _placed(
    placed: dict[tuple[str, str, str], tuple[Path, dict[str, Any]]], project_name: str, mode: str, variant: str
) -> tuple[Path, dict[str, Any]]:
    if (project_name, mode, variant) not in placed:
        pytest.skip(f"{mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    return placed[(project_name, mode, variant)]


def _without(graph: DependencyGraph, *, paths: set[str], peers: bool) -> DependencyGraph:
    """The graph less the given instances (and edges to them), and less peer edges unless ``peers``."""
    instances = [item for item in graph.instances if item.path not in paths]
    edges = [
        edge
        for edge in graph.edges
        if edge.source.path not in paths
        and (edge.target is None or edge.target.path not in paths)
        and (peers or edge.kind is not DependencyKind.PEER)
    ]
    return DependencyGraph(graph.project, graph.layout, instances, edges)


def _unlockable(project: Path, graph: DependencyGraph, mode: str) -> set[str]:
    """Instances the lockfile cannot describe: pnpm's bundled copies (no versions), and for yarn 1
    the optional packages for other platforms (yarn.lock v1 has no os/cpu)."""
    if mode.startswith("pnpm"):
        holders = [
            item.path + "/node_modules/"
            for item in graph.instances
            if (item.manifest.raw or {}).get("bundleDependencies")
        ]
        return {item.path for item in graph.instances if holders and item.path.startswith(tuple(holders))}
    if mode == "yarn-classic":
        return {item.path for item in graph.instances if item.name.startswith("native-")}
    return set()


def _listing(document: dict[str, Any]) -> dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    return {
        item["path"]: (
            item["name"],
            item["version"],
            tuple(item["links"]),
            tuple(sorted(dependent["path"] for dependent in item["dependents"])),
        )
        for item in document["instances"]
    }


@pytest.mark.parametrize(("project_name", "mode", "variant"), CASES)
def test_ls_lockfile_before_the_install_is_ls_of_the_install(
    placed: dict[tuple[str, str, str], tuple[Path, dict[str, Any]]], project_name: str, mode: str, variant: str
) -> None:
    project, before = _placed(placed, project_name, mode, variant)
    installed = load_project(str(project))
    locked = load_graph(str(project), from_lockfile=True)
    assert ls_document(locked) == before, "the install changed the lockfile model"
    if not mode.startswith("npm"):  # npm's lockfile does not say which install strategy wrote it
        assert before["layout"] == installed.layout
    skip = _unlockable(project, installed, mode)
    peers = mode != "yarn-classic"
    expected = _listing(ls_document(_without(installed, paths=skip, peers=peers)))
    actual = _listing(ls_document(_without(locked, paths=_unlockable(project, locked, mode), peers=peers)))
    assert actual == expected


@pytest.mark.parametrize(("project_name", "mode", "variant"), CASES)
def test_verify_and_check_are_clean_after_the_install_from_the_lockfile(
    placed: dict[tuple[str, str, str], tuple[Path, dict[str, Any]]], project_name: str, mode: str, variant: str
) -> None:
    project, _before = _placed(placed, project_name, mode, variant)
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    path = find_lockfile(fs, str(project), graph.layout)
    assert path is not None
    lock = read_lockfile(fs, path, manifest_json(fs, str(project)))
    overrides = project_overrides(fs, str(project))  # as `nmdoctor verify` reads them (pnpm-workspace.yaml too)
    verified = verify_tree(graph, lock, overrides=overrides)
    assert [(item.code, item.message) for item in verified if item.severity.value != "info"] == []
    assert _errors(check(graph, fs=fs, lockfile=lock), project_name) == []
    locked = load_graph(str(project), from_lockfile=True)
    assert _errors(check(locked, fs=fs), project_name) == []


def test_verify_says_nothing_of_a_locked_version_yarn_answers_with_the_parent_copy(
    placed: dict[tuple[str, str, str], tuple[Path, dict[str, Any]]],
) -> None:
    """yarn 4 does not install the locked version of a name a package takes as both dependency and
    peer when its parent brings a copy in the peer range: the install is as yarn makes it, so not
    even a note (airbnb/visx's fresh install: @modelcontextprotocol/sdk's zod 4.4.3)."""
    project, _before = placed[("dep-and-peer", "yarn-berry-nm", "")]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    path = find_lockfile(fs, str(project), graph.layout)
    assert path is not None
    lock = read_lockfile(fs, path, manifest_json(fs, str(project)))
    assert [(item.code, item.message) for item in verify_tree(graph, lock)] == []


def _errors(findings: list[Finding], project_name: str) -> list[tuple[str, str]]:
    """Errors, less the one the phantom project plants: its source imports `d`, which it does not
    declare (an error wherever `d` is not hoisted)."""
    planted = {"unresolvable-import"} if project_name == "phantom" else set()
    errors = [item for item in findings if item.severity.value == "error"]
    return [(item.code, item.message) for item in errors if item.code not in planted]


UNLOCKED = [
    pytest.param(
        project,
        mode,
        marks=pytest.mark.xfail(strict=True, reason=reason),
    )
    for project, mode, reason in [
        ("fidelity", "pnpm-isolated", "pnpm-lock.yaml names bundled dependencies without their versions"),
        ("fidelity", "pnpm-hoisted", "pnpm-lock.yaml names bundled dependencies without their versions"),
        ("fidelity", "yarn-classic", "yarn.lock v1 records no peers and no os/cpu of optional packages"),
        ("workspaces", "yarn-classic", "yarn.lock v1 records no os/cpu: yarn 1 fetches the package, then skips it"),
        ("contested", "yarn-classic", "yarn.lock v1 records no peer dependencies (plug's peer host)"),
    ]
]


@pytest.mark.parametrize(("project_name", "mode"), UNLOCKED)
def test_what_the_lockfile_does_not_say(
    placed: dict[tuple[str, str, str], tuple[Path, dict[str, Any]]], project_name: str, mode: str
) -> None:
    project, before = placed[(project_name, mode, "")]
    assert _listing(before) == _listing(ls_document(load_project(str(project))))
