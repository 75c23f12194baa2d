"""Planned layouts against the real managers' installs of the same graph."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import LogicalGraph, logical_graph
from nmdoctor.linkers.nested import plan_nested
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm import plan_pnpm
from nmdoctor.linkers.yarn_berry import BerrySettings, HoistingLimits, plan_yarn_berry
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.random_graphs import random_graph
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PLANNER_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

PLANNERS = {
    "npm-hoisted": plan_npm_hoisted,
    "npm-nested": plan_nested,
    "yarn-classic": plan_yarn_classic,
    "pnpm-isolated": plan_pnpm,
    "yarn-berry-nm": plan_yarn_berry,
}


def layout(graph: object) -> set[tuple[str, str, tuple[str, ...]]]:
    document = ls_document(graph)  # type: ignore[arg-type]
    return {
        (item["name"] + "@" + item["version"], item["path"], tuple(item["links"])) for item in document["instances"]
    }


def without_hidden_hoisting(rows: set[tuple[str, str, tuple[str, ...]]]) -> set[tuple[str, str, tuple[str, ...]]]:
    return {
        (label, path, tuple(link for link in links if "/.pnpm/node_modules/" not in link))
        for label, path, links in rows
    }


def assert_plan_equals_install(project: Path, mode: str, planner: Callable[[LogicalGraph], Plan] | None = None) -> None:
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    plan = (planner or PLANNERS[mode])(logical_graph(real))
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds), str(project)
    )
    assert planned.layout == real.layout
    if mode == "pnpm-isolated":  # pnpm's hidden hoisting is compared elsewhere; here the store and its links
        assert without_hidden_hoisting(layout(planned)) == without_hidden_hoisting(layout(real))
    else:
        assert layout(planned) == layout(real)
    real_edges = {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in real.edges}
    planned_edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in planned.edges
    }
    assert planned_edges == real_edges


PROJECT_NAMES = ["phantom", "dopple", "wrapper", *PLANNER_PROJECTS]


@pytest.mark.parametrize("mode", list(PLANNERS))
@pytest.mark.parametrize("project_name", PROJECT_NAMES)
def test_plan_equals_the_real_layout(
    request: pytest.FixtureRequest, tmp_path: Path, mode: str, project_name: str
) -> None:
    if project_name.startswith("workspaces") and mode == "pnpm-isolated":
        pytest.skip("pnpm workspaces are not planned yet")
    if project_name == "contested" and mode == "pnpm-isolated":
        reason = "pnpm writes one copy of plug per resolved peer (host 1 and 2); the planner keeps one"
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
    manifest, files = PLANNER_PROJECTS.get(project_name) or PROJECTS[project_name]
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "p")
    assert_plan_equals_install(project, mode)


@pytest.mark.parametrize("limits", ["workspaces", "dependencies"])
@pytest.mark.parametrize("project_name", ["contested", "workspaces", "workspaces-conflict"])
def test_berry_hoisting_limits(tmp_path: Path, limits: HoistingLimits, project_name: str) -> None:
    manifest, files = PLANNER_PROJECTS[project_name]
    with Registry(PACKAGES) as registry:
        project = install(
            manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p", yarnrc={"nmHoistingLimits": limits}
        )
    assert_plan_equals_install(
        project, "yarn-berry-nm", lambda graph: plan_yarn_berry(graph, BerrySettings(hoisting_limits=limits))
    )


def test_berry_workspace_install_config_overrides_the_limit(tmp_path: Path) -> None:
    """``installConfig.hoistingLimits`` in one workspace's package.json, none elsewhere."""
    manifest, files = PLANNER_PROJECTS["workspaces-conflict"]
    app = json.loads(files["packages/app/package.json"])
    app["installConfig"] = {"hoistingLimits": "workspaces"}
    files = {**files, "packages/app/package.json": json.dumps(app)}
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p")
    assert_plan_equals_install(project, "yarn-berry-nm")


@pytest.mark.parametrize("seed", [4, 60, 81])  # with workspaces (one on the other), peers, cycles
def test_berry_plan_of_random_graphs(tmp_path: Path, seed: int) -> None:
    """A few of the random graphs of tests/installs/random_graphs.py (cycles, peers, workspaces);
    ``python -m tests.installs.random_graphs`` runs many more."""
    packages, manifest, files = random_graph(seed, workspace_share=0.5, cycles=True)
    with Registry(packages) as registry:
        project = install(manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p")
    assert_plan_equals_install(project, "yarn-berry-nm")
