"""Planned layouts against the real managers' installs of the same graph."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.inspect.pnpm_config import package_extensions
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import LogicalGraph, logical_graph
from nmdoctor.linkers.nested import plan_nested
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
from nmdoctor.linkers.npm_linked import plan_npm_linked
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm import PnpmSettings, plan_pnpm
from nmdoctor.linkers.pnpm_hoisted import plan_pnpm_hoisted
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.peer_scenarios import PEER_PACKAGES, PEER_PROJECTS
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PLANNING_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

WORKSPACES = (
    {"name": "mono", "version": "0.0.0", "private": True, "workspaces": ["packages/*"]},
    {
        "packages/web/package.json": json.dumps(
            {"name": "web", "version": "1.0.0", "dependencies": {"lib": "1.0.0", "b": "^1.0.0"}}
        ),
        "packages/lib/package.json": json.dumps({"name": "lib", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}}),
        # pnpm reads its workspaces from here (npm and yarn ignore the file); "lib": "1.0.0" is the
        # workspace only when pnpm links workspace packages for plain version ranges.
        "pnpm-workspace.yaml": "packages:\n  - packages/*\nlinkWorkspacePackages: true\n",
    },
)
# mode -> planner(graph, registry URL): npm's linked store folder names hash the tarball URLs.
PLANNERS: dict[str, Callable[[LogicalGraph, str], Plan]] = {
    "npm-hoisted": lambda graph, _registry: plan_npm_hoisted(graph),
    "npm-nested": lambda graph, _registry: plan_nested(graph),
    "npm-linked": plan_npm_linked,
    "yarn-classic": lambda graph, _registry: plan_yarn_classic(graph),
    "pnpm-isolated": lambda graph, _registry: plan_pnpm(graph),
    "pnpm-hoisted": lambda graph, _registry: plan_pnpm_hoisted(graph),
}
WORKSPACE_PLANNERS = ("npm-hoisted", "npm-linked", "pnpm-hoisted", "pnpm-isolated")


def layout(graph: object) -> set[tuple[str, str, tuple[str, ...]]]:
    document = ls_document(graph)  # type: ignore[arg-type]
    return {
        (item["name"] + "@" + item["version"], item["path"], tuple(item["links"])) for item in document["instances"]
    }


def pnpm_settings(fs: DiskFS, project: Path) -> PnpmSettings:
    """pnpm's defaults with the project's own packageExtensions, as `migrate` reads them."""
    return PnpmSettings(package_extensions=package_extensions(fs, str(project)))


def assert_plan_equals_real(project: Path, mode: str, registry: str) -> None:
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    if mode == "pnpm-isolated":
        plan = plan_pnpm(logical_graph(real), pnpm_settings(fs, project))
    else:
        plan = PLANNERS[mode](logical_graph(real), registry)
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds), str(project)
    )
    # pnpm's hidden hoisting (node_modules/.pnpm/node_modules) included
    assert layout(planned) == layout(real)
    real_edges = {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in real.edges}
    planned_edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in planned.edges
    }
    assert planned_edges == real_edges


@pytest.mark.parametrize("mode", list(PLANNERS))
@pytest.mark.parametrize("project_name", ["phantom", "dopple", "wrapper", "workspaces", "contested"])
def test_plan_equals_the_real_layout(tmp_path: Path, mode: str, project_name: str) -> None:
    if project_name == "workspaces" and mode not in WORKSPACE_PLANNERS:
        pytest.skip(f"workspaces are planned for {', '.join(WORKSPACE_PLANNERS)} only so far")
    manifest, files = WORKSPACES if project_name == "workspaces" else {**PROJECTS, **PLANNING_PROJECTS}[project_name]
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "p")
        url = registry.url
    assert_plan_equals_real(project, mode, url)


@pytest.mark.parametrize("project_name", list(PEER_PROJECTS))
def test_pnpm_peer_variants_equal_the_real_layout(tmp_path: Path, project_name: str) -> None:
    """One .pnpm folder per set of resolved peers, with the links pnpm makes, from the graph alone."""
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        project = install(manifest, files, "pnpm-isolated", registry.url, tmp_path / "p")
    assert_plan_equals_real(project, "pnpm-isolated", registry.url)


@pytest.mark.parametrize("project_name", list(PEER_PROJECTS))
def test_pnpm_peer_variants_planned_from_an_npm_install(tmp_path: Path, project_name: str) -> None:
    """Planned from npm's tree (no variants there, as `migrate --to pnpm` does), the .pnpm folders and
    every link are still the ones real pnpm makes for the same project."""
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        npm_project = install(manifest, files, "npm-hoisted", registry.url, tmp_path / "npm")
        pnpm_project = install(manifest, files, "pnpm-isolated", registry.url, tmp_path / "pnpm")
    fs = DiskFS()
    source = load_project(str(npm_project), fs=fs)
    plan = plan_pnpm(logical_graph(source), pnpm_settings(fs, npm_project))
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in source.roots], plan.binds), str(npm_project)
    )
    real = load_project(str(pnpm_project), fs=fs)
    assert layout(planned) == layout(real)


LOCKFILE_AMBIGUOUS = {"peer-found-below", "peer-in-graph-only", "peer-cycles"}


@pytest.mark.parametrize(
    "project_name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                strict=True,
                reason="pnpm-lock.yaml writes a peerDependenciesMeta-only peer as peerDependencies '*', optional: "
                "the reader takes such an entry for meta-only (debug's supports-color), so a peer declared "
                "exactly so is not seen as one pnpm's resolver hoists",
            ),
        )
        if name in LOCKFILE_AMBIGUOUS
        else name
        for name in PEER_PROJECTS
    ],
)
def test_pnpm_peer_variants_planned_from_pnpm_lock(tmp_path: Path, project_name: str) -> None:
    """From pnpm-lock.yaml alone (`--lockfile`): the same .pnpm folders as pnpm's install."""
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        project = install(manifest, files, "pnpm-isolated", registry.url, tmp_path / "p")
    fs = DiskFS()
    plan = plan_pnpm(logical_graph(load_project(str(project), fs=fs, from_lockfile=True)))
    store = f"{project}/node_modules/.pnpm"
    planned = {name for name in plan.fs.listdir(store) if name != "node_modules"}
    real = {name for name in os.listdir(store) if name not in ("node_modules", "lock.yaml")}
    assert planned == real
