"""package.json edited after the lockfile was written: ``check`` of the lockfile alone reports
``lockfile-drift`` exactly where the manager's frozen install refuses the project.

npm 11's ``npm ci`` refuses only what the lockfile lacks: a range some locked copy (or a workspace,
at the version its package.json has now) admits is installed as locked. pnpm 10's
``install --frozen-lockfile`` refuses any specifier the lockfile does not record
(ERR_PNPM_OUTDATED_LOCKFILE).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.project.session import Project
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, install_in, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

ROOT = {
    "name": "mono",
    "version": "1.0.0",
    "private": True,
    "workspaces": ["packages/*"],
    "dependencies": {"a": "^1.0.0"},
}
WORKSPACE = {"name": "w", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}}
# edit -> (file, new package.json)
EDITS: dict[str, tuple[str, dict[str, Any]]] = {
    "workspace-adds-a-package-nothing-locks": (
        "packages/w",
        {**WORKSPACE, "dependencies": {"c": "^1.0.0", "b": "^1.0.0"}},
    ),
    "workspace-range-the-locked-copy-misses": ("packages/w", {**WORKSPACE, "dependencies": {"c": "^2.0.0"}}),
    "workspace-range-raised-within-the-lock": ("packages/w", {**WORKSPACE, "dependencies": {"c": "^1.0.0 || ^3.0.0"}}),
    "root-declares-what-the-tree-holds": (".", {**ROOT, "dependencies": {"a": "^1.0.0", "d": "^1.0.0"}}),
    "workspace-version-bumped-and-required": (".", {**ROOT, "dependencies": {"a": "^1.0.0", "w": "^2.0.0"}}),
}


@pytest.mark.parametrize("manager", ["npm-hoisted", "pnpm-isolated"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_drift_is_reported_where_the_frozen_install_refuses(tmp_path: Path, edit: str, manager: str) -> None:
    folder, manifest = EDITS[edit]
    files = {"packages/w/package.json": json.dumps(WORKSPACE)}
    with Registry(PACKAGES) as registry:
        project = install(ROOT, files, manager, registry.url, tmp_path / "app")
        shutil.rmtree(project / "node_modules")
        (project / folder / "package.json").write_text(json.dumps(manifest))
        if edit == "workspace-version-bumped-and-required":
            (project / "packages/w/package.json").write_text(json.dumps({**WORKSPACE, "version": "2.0.0"}))
        session = Project(str(project), DiskFS(), from_lockfile=True)
        drift = [item for item in session.findings() if item.code == "lockfile-drift"]
        try:
            install_in(project, manager, registry.url, frozen=True)
            refused = False
        except RuntimeError:  # npm: EUSAGE "... are in sync"; pnpm: ERR_PNPM_OUTDATED_LOCKFILE
            refused = True
    assert bool(drift) == refused, [item.message for item in drift]
    assert all(item.severity.value == "error" for item in drift)
