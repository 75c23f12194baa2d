"""Fresh installs by the real managers are clean (issue 14): ``verify`` and ``check`` find nothing,
and the lockfile model (``ls --lockfile``) has the packages and edges of the installed tree.

The projects (tests/installs/fidelity_scenarios.py) hold what once drew false findings: a package
that bundles its own dependency, optional dependencies for other platforms, an optional peer, a
scoped name with ``_`` (pnpm 5.x keys), a name long enough for pnpm to hash its store folder, a
link to a plain folder, and workspaces. pnpm 7 (lockfile 5.4) and pnpm 9 (pnpm 9's folder hashes)
are pinned in tests/node_tools beside pnpm 10.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import Lockfile, find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.fidelity_scenarios import (
    BERRY,
    BERRY_YARNRC,
    FIDELITY_PACKAGES,
    LONG_NAME,
    WORKSPACES,
    fidelity_project,
)
from tests.installs.managers import NEW_PNPM, OLD_PNPM, TOOLS, Installs, install, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

MODES = {
    "npm-hoisted": "npm",
    "pnpm-isolated": "pnpm",
    "pnpm9-isolated": "pnpm",
    "pnpm8-isolated": "pnpm",
    "pnpm7-isolated": "pnpm",
    "pnpm12-isolated": "pnpm",  # skipped where tests/node_tools/pnpm12 or node 24 is not installed
    "yarn-classic": "yarn",
    "yarn-berry-nm": "berry",
}

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not all((TOOLS / tool).exists() for tool in OLD_PNPM.values()),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
]

PROJECTS = ("fidelity", "workspaces")
# (project, mode) pairs: every project under every manager, and berry's own protocols under yarn 4.
CASES = [(project, mode) for project in PROJECTS for mode in MODES] + [("berry", "yarn-berry-nm")]


@pytest.fixture(scope="module")
def registry_url() -> object:
    with Registry(FIDELITY_PACKAGES) as registry:
        yield registry.url


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory, registry_url: str) -> dict[tuple[str, str], Path]:
    root = tmp_path_factory.mktemp("fidelity").resolve()
    done = Installs()
    for mode, manager in MODES.items():
        if mode in NEW_PNPM and not new_pnpm_ready(mode):
            continue
        for project_name in PROJECTS:
            manifest, files = fidelity_project(manager) if project_name == "fidelity" else WORKSPACES
            done[(project_name, mode)] = install(manifest, files, mode, registry_url, root / f"{project_name}-{mode}")
    done[("berry", "yarn-berry-nm")] = install(
        *BERRY, "yarn-berry-nm", registry_url, root / "berry-yarn-berry-nm", yarnrc=BERRY_YARNRC
    )
    return done


def _lock(project: Path, graph: DependencyGraph) -> Lockfile:
    fs = DiskFS()
    path = find_lockfile(fs, str(project), graph.layout)
    assert path is not None
    return read_lockfile(fs, path, manifest_json(fs, str(project)))


def _not_info(findings: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return sorted((item.code, item.message) for item in findings if item.severity.value != "info")


@pytest.mark.parametrize(("project_name", "mode"), CASES)
def test_verify_and_check_are_clean_after_a_fresh_install(
    installs: dict[tuple[str, str], Path], mode: str, project_name: str
) -> None:
    project = installs[(project_name, mode)]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    lock = _lock(project, graph)
    assert _not_info(verify_tree(graph, lock)) == []
    assert _not_info(check(graph, fs=fs, lockfile=lock)) == []
    assert _not_info(check(load_graph(str(project), from_lockfile=True), fs=fs)) == []


@pytest.mark.parametrize("mode", [mode for mode in MODES if mode != "yarn-classic"])
def test_verify_says_nothing_of_optional_packages_locked_for_other_platforms(
    installs: dict[tuple[str, str], Path], mode: str
) -> None:
    """native-win and native-arm are locked with their os/cpu (yarn 1's lockfile records neither):
    every manager skips them here, so their absence is not even a note (the field's fresh installs
    printed one per platform binary: 29 for modelcontextprotocol/servers)."""
    project = installs[("fidelity", mode)]
    graph = load_project(str(project), fs=DiskFS())
    assert not any(item.name.startswith("native-") for item in graph.instances)
    found = [item.message for item in verify_tree(graph, _lock(project, graph)) if "native-" in item.message]
    assert found == []


def _bundled(graph: DependencyGraph) -> set[str]:
    """Paths of copies shipped inside a package's tarball (pnpm's lockfile names them, without versions)."""
    holders = [
        item.path + "/node_modules/" for item in graph.instances if (item.manifest.raw or {}).get("bundleDependencies")
    ]
    return {item.path for item in graph.instances if item.path.startswith(tuple(holders))}


def _model(graph: DependencyGraph, *, skip: set[str], peers: bool) -> tuple[set[str], set[tuple[str, str, str]]]:
    packages = {item.label for item in graph.instances if item.path not in skip}
    edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else "-")
        for edge in graph.edges
        if (edge.target is None or edge.target.path not in skip) and (peers or edge.kind is not DependencyKind.PEER)
    }
    return packages, edges


@pytest.mark.parametrize(("project_name", "mode"), CASES)
def test_lockfile_model_has_the_installed_packages_and_edges(
    installs: dict[tuple[str, str], Path], mode: str, project_name: str
) -> None:
    project = installs[(project_name, mode)]
    installed = load_project(str(project))
    locked = load_graph(str(project), from_lockfile=True)
    skip = _bundled(installed) if mode.startswith("pnpm") else set()
    if mode == "yarn-classic":
        # yarn.lock v1 records neither os/cpu nor peers: the optional packages for other platforms
        # stay in the model (yarn tries them and skips them), peers are not compared.
        locked_packages, locked_edges = _model(
            locked, skip={item.path for item in locked.instances if item.name.startswith("native-")}, peers=False
        )
        installed_packages, installed_edges = _model(installed, skip=skip, peers=False)
        installed_edges = {edge for edge in installed_edges if not edge[1].startswith("native-")}
        locked_edges = {edge for edge in locked_edges if not edge[1].startswith("native-")}
    else:
        locked_packages, locked_edges = _model(locked, skip=set(), peers=True)
        installed_packages, installed_edges = _model(installed, skip=skip, peers=True)
    assert locked_packages == installed_packages
    assert locked_edges == installed_edges
    if mode == "npm-hoisted":  # npm records every location: ls --lockfile is ls of the install
        assert ls_document(locked)["instances"] == ls_document(installed)["instances"]
    if mode.startswith("pnpm"):
        paths = {
            item["path"] for item in ls_document(installed)["instances"] if f"{project}/{item['path']}" not in skip
        }
        assert {item["path"] for item in ls_document(locked)["instances"]} == paths


@pytest.mark.parametrize(
    "mode", ["pnpm-isolated", "pnpm9-isolated", "pnpm8-isolated", "pnpm7-isolated", "pnpm12-isolated"]
)
def test_pnpm_store_folders_are_named_as_the_installing_pnpm_names_them(
    installs: dict[tuple[str, str], Path], mode: str
) -> None:
    """pnpm 7 keeps 50 characters before an MD5 hash, pnpm 8 and 9 keep 93 (pnpm 8.15.9's
    .modules.yaml records no virtualStoreDirMaxLength: shadcn-ui/taxonomy's fresh install drew 4
    false errors), pnpm 10 hashes with SHA-256; pnpm 7's lockfile 5.4 spells
    `/@types/babel__core/7.1.0`."""
    project = installs[("fidelity", mode)]
    lock = _lock(project, load_project(str(project)))
    for name in (LONG_NAME, "@types/babel__core"):
        (package,) = [item for item in lock.packages.values() if item.name == name]
        assert package.version == ("1.0.0" if name == LONG_NAME else "7.1.0")
        assert (project / str(package.path) / "package.json").is_file(), package.path


def test_npm_extraneous_entries_are_not_installed_by_npm_ci(
    installs: dict[tuple[str, str], Path], registry_url: str, tmp_path: Path
) -> None:
    """An entry marked `"extraneous": true` (older npm wrote them) is skipped by the real `npm ci`;
    verify must not ask for it."""
    source = installs[("fidelity", "npm-hoisted")]
    project = tmp_path / "extraneous"
    project.mkdir()
    for name in ("package.json", "vendor"):
        subprocess.run(["cp", "-a", str(source / name), str(project / name)], check=True)
    lockfile = json.loads((source / "package-lock.json").read_text())
    lockfile["packages"]["node_modules/maybe"] = {
        "version": "1.0.0",
        "resolved": f"{registry_url}maybe/-/maybe-1.0.0.tgz",
        "extraneous": True,
    }
    (project / "package-lock.json").write_text(json.dumps(lockfile, indent=2))
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", f"--cache={tmp_path / 'cache'}"],
        cwd=project,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "npm_config_registry": registry_url},
        capture_output=True,
        check=True,
    )
    assert not (project / "node_modules/maybe").exists()
    graph = load_project(str(project))
    assert _not_info(verify_tree(graph, _lock(project, graph))) == []
