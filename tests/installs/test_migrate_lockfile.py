"""`migrate --lockfile --to pnpm` where nothing is installed, against real pnpm installs.

The ground truth is pnpm itself: the project installed by npm, then its node_modules removed (a
checkout with its package-lock.json, as fleet reads repositories). Planned from the lockfile alone,
every package finds in the planned layout what it finds in the real pnpm install of the same
project, and the prediction is the one made from npm's installed tree (no error the installed tree
does not show: a lockfile names packages whose folders are not on disk).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PLANNER_PROJECTS, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

ALL = {**PROJECTS, **PLANNER_PROJECTS}


def _edges(graph: object, project: Path) -> set[tuple[str, str, str | None]]:
    return {
        (edge.source.label, edge.name, edge.target.label if edge.target else None)
        for edge in graph.edges  # type: ignore[attr-defined]
        if not edge.source.is_project and not edge.source.is_workspace
    }


def _findings(graph: object, fs: DiskFS) -> list[tuple[str, str, str | None]]:
    result = migrate(graph, fs, "pnpm")  # type: ignore[arg-type]
    return sorted((item.code, item.severity.value, item.request) for item in result.findings)


@pytest.mark.parametrize("project_name", sorted(ALL))
def test_migrate_from_the_lockfile_alone_equals_a_real_pnpm_install(tmp_path: Path, project_name: str) -> None:
    manifest, files = ALL[project_name]
    with Registry(PACKAGES) as registry:
        npm_project = install(manifest, files, "npm-hoisted", registry.url, tmp_path / "npm")
        pnpm_project = install(manifest, files, "pnpm-isolated", registry.url, tmp_path / "pnpm")
    checkout = tmp_path / "checkout"
    shutil.copytree(npm_project, checkout, ignore=shutil.ignore_patterns("node_modules"))
    fs = DiskFS()
    from_lock = load_project(str(checkout), fs=fs, from_lockfile=True)
    planned = migrate(from_lock, fs, "pnpm").planned
    real = load_project(str(pnpm_project), fs=fs)
    # Packages' own dependency edges: what each one finds in the planned layout and in pnpm's.
    assert _edges(planned, checkout) == _edges(real, pnpm_project)
    # No finding the installed tree does not give: nothing is lost only because nothing is installed.
    installed = load_project(str(npm_project), fs=fs)
    edge_codes = ("missing-dependency", "unmet-peer-dependency", "resolution-changed")
    assert [item for item in _findings(from_lock, fs) if item[0] in edge_codes] == [
        item for item in _findings(installed, fs) if item[0] in edge_codes
    ]
