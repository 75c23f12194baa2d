"""``string-module-reference`` under Plug'n'Play (seed 002 with yarn's PnP linker): a build wrapper's
webpack config names css-loader by string and webpack resolves it from the project, through the
project's locator; checked with yarn's runtime from the project folder (what webpack's PnP
resolution asks: pnpapi from the context folder)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PROJECTS
from tests.installs.test_pnp_runtime import install_pnp

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not (TOOLS / "@yarnpkg" / "cli-dist").exists(), reason="tests/node_tools installed"),
]


def _resolves_from_project(project: Path, name: str) -> bool:
    result = subprocess.run(
        [
            "node",
            "-r",
            str(project / ".pnp.cjs"),
            "-e",
            f"require('module').createRequire('{project}/').resolve('{name}')",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.returncode == 0


def test_wrapper_loader_under_pnp(tmp_path: Path) -> None:
    manifest, files = PROJECTS["wrapper"]
    declared = {**manifest, "dependencies": {**manifest["dependencies"], "css-loader": "^6.0.0"}}
    with Registry(PACKAGES) as registry:
        bare = install_pnp(manifest, files, {}, registry.url, tmp_path / "bare")
        fixed = install_pnp(declared, files, {}, registry.url, tmp_path / "fixed")
    disk = DiskFS()
    found = [
        (finding.code, finding.request)
        for finding in check(load_project(str(bare), fs=disk), fs=disk, select=["string-module-reference"])
    ]
    assert found == [("string-module-reference", "css-loader")]
    assert not _resolves_from_project(bare, "css-loader")
    assert check(load_project(str(fixed), fs=disk), fs=disk, select=["string-module-reference"]) == []
    assert _resolves_from_project(fixed, "css-loader")
