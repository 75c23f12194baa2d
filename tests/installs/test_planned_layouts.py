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
from nmdoctor.linkers.yarn_berry import BerrySettings, HoistingLimits, plan_yarn_berry
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS
from tests.conftest import requires_node
from tests.installs.managers import install, new_pnpm_ready, tools_available
from tests.installs.peer_scenarios import PEER_PACKAGES, PEER_PROJECTS
from tests.installs.random_graphs import random_graph
from tests.installs.registry import Registry
from tests.installs.scenarios import CYCLE_PROJECT, PACKAGES, PLANNER_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

# mode -> planner(graph, registry URL): npm's linked store folder names hash the tarball URLs.
PLANNERS: dict[str, Callable[[LogicalGraph, str], Plan]] = {
    "npm-hoisted": lambda graph, _registry: plan_npm_hoisted(graph),
    "npm-nested": lambda graph, _registry: plan_nested(graph),
    "npm-linked": plan_npm_linked,
    "yarn-classic": lambda graph, _registry: plan_yarn_classic(graph),
    "yarn-berry-nm": lambda graph, _registry: plan_yarn_berry(graph),
    "pnpm-isolated": lambda graph, _registry: plan_pnpm(graph),
    "pnpm-hoisted": lambda graph, _registry: plan_pnpm_hoisted(graph),
}
# pnpm 12.26.0 (the npm registry's `latest` on 2026-12-06), planned with pnpm 12's defaults; its
# tests are skipped where tests/node_tools/pnpm12 or node 24 is not installed.
PNPM12 = "pnpm12-isolated"
ISOLATED = {"pnpm-isolated": 10, PNPM12: 12}
# pnpm 11 and 12 link workspace packages into the project's node_modules under node-linker=hoisted too
PLANNERS_12 = {
    "pnpm12-hoisted": lambda graph, _registry: plan_pnpm_hoisted(graph, link_workspaces_at_root=True),
}


def _ready(mode: str) -> None:
    if mode.startswith("pnpm12") and not new_pnpm_ready(mode):
        pytest.skip(f"{mode}: tests/node_tools/pnpm12 or node 24 (tests/node_tools/versions) is not installed")


HIDDEN = "node_modules/.pnpm/node_modules/"


def layout(graph: object) -> set[tuple[str, str, tuple[str, ...]]]:
    """Each package's folder and links. A link of pnpm's hidden hoisting (node_modules/.pnpm/node_modules)
    counts by the name@version it leads to, not by which of that version's peer variants holds it:
    pnpm 10.34.8 linked the host@2 variant of plugin@1.0.0 there in one CI run and the host@1 one
    in the others (the tie between variants of one version follows the order packages are met)."""
    document = ls_document(graph)  # type: ignore[arg-type]
    found: set[tuple[str, str, tuple[str, ...]]] = set()
    for item in document["instances"]:
        label = item["name"] + "@" + item["version"]
        found.add((label, item["path"], tuple(link for link in item["links"] if not link.startswith(HIDDEN))))
        found.update((label, link, ()) for link in item["links"] if link.startswith(HIDDEN))
    return found


def pnpm_settings(fs: DiskFS, project: Path, major: int = 10) -> PnpmSettings:
    """pnpm's defaults with the project's own packageExtensions, as `migrate` reads them."""
    return PnpmSettings(package_extensions=package_extensions(fs, str(project), major), pnpm_major=major)


def assert_plan_equals_real(
    project: Path, mode: str, registry: str, planner: Callable[[LogicalGraph], Plan] | None = None
) -> None:
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    if planner is not None:
        plan = planner(logical_graph(real))
    elif mode in ISOLATED:
        plan = plan_pnpm(logical_graph(real), pnpm_settings(fs, project, ISOLATED[mode]))
    else:
        plan = {**PLANNERS, **PLANNERS_12}[mode](logical_graph(real), registry)
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds), str(project)
    )
    assert planned.layout == real.layout
    # pnpm's hidden hoisting (node_modules/.pnpm/node_modules) included
    assert layout(planned) == layout(real)
    real_edges = {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in real.edges}
    planned_edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in planned.edges
    }
    assert planned_edges == real_edges


PROJECT_NAMES = ["phantom", "dopple", "wrapper", *PLANNER_PROJECTS]


@pytest.mark.parametrize("mode", [*PLANNERS, PNPM12, *PLANNERS_12])
@pytest.mark.parametrize("project_name", PROJECT_NAMES)
def test_plan_equals_the_real_layout(tmp_path: Path, mode: str, project_name: str) -> None:
    _ready(mode)
    manifest, files = PLANNER_PROJECTS.get(project_name) or PROJECTS[project_name]
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "p")
        url = registry.url
    assert_plan_equals_real(project, mode, url)


def test_yarn_classic_cycle_member_hoisted_away_gets_its_own_copy(tmp_path: Path) -> None:
    # vue-realworld-example-app's yarn.lock: yarn 1.22.22 puts babel-register@6 at the top and
    # babel-core@6.26.3 in node_modules/babel-register/node_modules (the top has 7.0.0-bridge.0).
    manifest, files = CYCLE_PROJECT
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, "yarn-classic", registry.url, tmp_path / "p")
        url = registry.url
    nested = project / "node_modules" / "cyc-register" / "node_modules" / "cyc-core" / "package.json"
    assert json.loads(nested.read_text())["version"] == "6.0.0"
    assert_plan_equals_real(project, "yarn-classic", url)


@pytest.mark.parametrize("limits", ["workspaces", "dependencies"])
@pytest.mark.parametrize("project_name", ["contested", "workspaces", "workspaces-conflict"])
def test_berry_hoisting_limits(tmp_path: Path, limits: HoistingLimits, project_name: str) -> None:
    manifest, files = PLANNER_PROJECTS[project_name]
    with Registry(PACKAGES) as registry:
        project = install(
            manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p", yarnrc={"nmHoistingLimits": limits}
        )
        url = registry.url
    assert_plan_equals_real(
        project, "yarn-berry-nm", url, lambda graph: plan_yarn_berry(graph, BerrySettings(hoisting_limits=limits))
    )


def test_berry_workspace_install_config_overrides_the_limit(tmp_path: Path) -> None:
    """``installConfig.hoistingLimits`` in one workspace's package.json, none elsewhere."""
    manifest, files = PLANNER_PROJECTS["workspaces-conflict"]
    app = json.loads(files["packages/app/package.json"])
    app["installConfig"] = {"hoistingLimits": "workspaces"}
    files = {**files, "packages/app/package.json": json.dumps(app)}
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p")
        url = registry.url
    assert_plan_equals_real(project, "yarn-berry-nm", url)


@pytest.mark.parametrize("seed", [4, 60, 81])  # with workspaces (one on the other), peers, cycles
def test_berry_plan_of_random_graphs(tmp_path: Path, seed: int) -> None:
    """A few of the random graphs of tests/installs/random_graphs.py (cycles, peers, workspaces);
    ``python -m tests.installs.random_graphs`` runs many more."""
    packages, manifest, files = random_graph(seed, workspace_share=0.5, cycles=True)
    with Registry(packages) as registry:
        project = install(manifest, files, "yarn-berry-nm", registry.url, tmp_path / "p")
        url = registry.url
    assert_plan_equals_real(project, "yarn-berry-nm", url)


@pytest.mark.parametrize("mode", list(ISOLATED))
@pytest.mark.parametrize("project_name", list(PEER_PROJECTS))
def test_pnpm_peer_variants_equal_the_real_layout(tmp_path: Path, project_name: str, mode: str) -> None:
    """One .pnpm folder per set of resolved peers, with the links pnpm makes, from the graph alone."""
    _ready(mode)
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        # Real pnpm is not always deterministic here: on a loaded machine one install in about a dozen
        # of peer-workspaces linked its peer variants in another order (pnpm resolves importers
        # concurrently). The plan must equal a real install; a second, fresh install decides.
        for attempt in range(2):
            project = install(manifest, files, mode, registry.url, tmp_path / f"p{attempt}")
            try:
                assert_plan_equals_real(project, mode, registry.url)
            except AssertionError:
                if attempt == 1:
                    raise
            else:
                break


@pytest.mark.parametrize("mode", list(ISOLATED))
@pytest.mark.parametrize("project_name", list(PEER_PROJECTS))
def test_pnpm_peer_variants_planned_from_an_npm_install(tmp_path: Path, project_name: str, mode: str) -> None:
    """Planned from npm's tree (no variants there, as `migrate --to pnpm` does), the .pnpm folders and
    every link are still the ones real pnpm makes for the same project."""
    _ready(mode)
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        npm_project = install(manifest, files, "npm-hoisted", registry.url, tmp_path / "npm")
        fs = DiskFS()
        source = load_project(str(npm_project), fs=fs)
        plan = plan_pnpm(logical_graph(source), pnpm_settings(fs, npm_project, ISOLATED[mode]))
        planned = read_installed_tree(
            OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in source.roots], plan.binds), str(npm_project)
        )
        # pnpm links peer variants in the order it resolves importers, concurrently (see above): when
        # the first real install differs, a second, fresh one decides.
        for attempt in range(2):
            pnpm_project = install(manifest, files, mode, registry.url, tmp_path / f"pnpm{attempt}")
            real = load_project(str(pnpm_project), fs=fs)
            if layout(planned) == layout(real) or attempt == 1:
                break
    assert layout(planned) == layout(real)


LOCKFILE_AMBIGUOUS = {"peer-found-below", "peer-in-graph-only", "peer-cycles"}
# pnpm 12.26.0's install of peer-found-below is the one the reader's reading plans
LOCKFILE_AMBIGUOUS_12 = LOCKFILE_AMBIGUOUS - {"peer-found-below"}


@pytest.mark.parametrize(
    ("mode", "project_name"),
    [
        pytest.param(
            mode,
            name,
            marks=pytest.mark.xfail(
                strict=True,
                reason="pnpm-lock.yaml writes a peerDependenciesMeta-only peer as peerDependencies '*', optional: "
                "the reader takes such an entry for meta-only (debug's supports-color), so a peer declared "
                "exactly so is not seen as one pnpm's resolver hoists",
            ),
        )
        if name in (LOCKFILE_AMBIGUOUS_12 if mode == PNPM12 else LOCKFILE_AMBIGUOUS)
        else pytest.param(mode, name)
        for mode in ISOLATED
        for name in PEER_PROJECTS
    ],
)
def test_pnpm_peer_variants_planned_from_pnpm_lock(tmp_path: Path, project_name: str, mode: str) -> None:
    """From pnpm-lock.yaml alone (`--lockfile`): the same .pnpm folders as pnpm's install."""
    _ready(mode)
    manifest, files = PEER_PROJECTS[project_name]
    with Registry(PACKAGES + PEER_PACKAGES) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "p")
    fs = DiskFS()
    plan = plan_pnpm(
        logical_graph(load_project(str(project), fs=fs, from_lockfile=True)), PnpmSettings(pnpm_major=ISOLATED[mode])
    )
    store = f"{project}/node_modules/.pnpm"
    planned = {name for name in plan.fs.listdir(store) if name != "node_modules"}
    real = {name for name in os.listdir(store) if name not in ("node_modules", "lock.yaml")}
    assert planned == real
