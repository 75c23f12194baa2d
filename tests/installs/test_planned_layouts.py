"""Planned layouts against the real managers' installs of the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.nested import plan_nested
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
from nmdoctor.linkers.pnpm import plan_pnpm
from nmdoctor.linkers.yarn_berry import plan_yarn_berry
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PROJECTS

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
    },
)
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


@pytest.mark.parametrize("mode", list(PLANNERS))
@pytest.mark.parametrize("project_name", ["phantom", "dopple", "wrapper", "workspaces"])
def test_plan_equals_the_real_layout(tmp_path: Path, mode: str, project_name: str) -> None:
    if project_name == "workspaces" and mode not in ("npm-hoisted", "yarn-berry-nm"):
        pytest.skip("workspaces are planned for npm's hoisted layout only so far")
    manifest, files = WORKSPACES if project_name == "workspaces" else PROJECTS[project_name]
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "p")
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    plan = PLANNERS[mode](logical_graph(real))
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds), str(project)
    )
    if mode == "pnpm-isolated":  # pnpm's hidden hoisting is compared elsewhere; here the store and its links
        assert without_hidden_hoisting(layout(planned)) == without_hidden_hoisting(layout(real))
    else:
        assert layout(planned) == layout(real)
    real_edges = {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in real.edges}
    planned_edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in planned.edges
    }
    assert planned_edges == real_edges
