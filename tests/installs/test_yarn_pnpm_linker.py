"""Yarn 4's ``nodeLinker: pnpm``: every package in ``node_modules/.store`` with links to what it
resolved, the project's own dependencies linked into its ``node_modules``, nothing hoisted.

Real yarn 4.18.1 installs each project. The installed tree is named ``yarn-berry-pnpm`` (it was
taken for npm's linked strategy, which also uses ``.store``); ``check --lockfile`` of the project
without node_modules must resolve what the install resolves (the same packages, each dependency to
the same version) and report the same findings; the phantom import of the "phantom" project is the
error real node throws on the install.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PLANNER_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

CASES = {**PROJECTS, **{name: PLANNER_PROJECTS[name] for name in ("contested", "workspaces", "workspaces-conflict")}}


def _resolved(graph: DependencyGraph) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The packages of a tree and, per package, what each of its dependencies resolves to."""
    packages = {instance.label for instance in graph.instances if not instance.is_project}
    edges = {(edge.source.label, edge.name, edge.target.label if edge.target else "-") for edge in graph.edges}
    return packages, edges


def _findings(graph: DependencyGraph) -> list[tuple[str, str, str | None, str | None]]:
    """The findings on the project's own files (a lockfile holds no package's files to read)."""
    found = check(graph, fs=DiskFS())
    own = [item for item in found if "node_modules/" not in (item.from_ or "")]
    return sorted((item.code, item.severity.value, item.request, item.from_) for item in own)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_lockfile_resolves_as_yarns_pnpm_linker_installs(tmp_path: Path, name: str) -> None:
    manifest, files = CASES[name]
    with Registry(PACKAGES) as registry:
        installed = install(manifest, files, "yarn-berry-pnpm", registry.url, tmp_path / "installed")
    assert (installed / "node_modules" / ".store").is_dir()
    fs = DiskFS()
    graph = load_project(str(installed), fs=fs)
    assert graph.layout == "yarn-berry-pnpm"
    bare = tmp_path / "bare"
    shutil.copytree(installed, bare, ignore=shutil.ignore_patterns("node_modules"))
    planned = load_project(str(bare), fs=fs, from_lockfile=True)
    assert planned.layout == "yarn-berry-pnpm"
    assert _resolved(planned) == _resolved(graph)
    assert _findings(planned) == _findings(graph)


def test_a_phantom_is_the_error_node_throws_on_the_install(tmp_path: Path) -> None:
    manifest, files = PROJECTS["phantom"]  # requires d, which only a and b depend on
    with Registry(PACKAGES) as registry:
        installed = install(manifest, files, "yarn-berry-pnpm", registry.url, tmp_path / "installed")
    run = subprocess.run(["node", "src/index.js"], cwd=installed, capture_output=True, text=True, check=False)
    assert run.returncode != 0 and "Cannot find module 'd'" in run.stderr
    bare = tmp_path / "bare"
    shutil.copytree(installed, bare, ignore=shutil.ignore_patterns("node_modules"))
    planned = load_project(str(bare), from_lockfile=True)
    [finding] = [item for item in check(planned) if item.request == "d"]
    assert (finding.code, finding.severity.value) == ("unresolvable-import", "error")
    assert finding.fix is not None and "yarn add d" in finding.fix
