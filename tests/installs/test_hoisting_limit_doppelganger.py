"""Copies yarn's node-modules linker keeps one per workspace because of a hoisting limit
(``nmHoistingLimits: workspaces``) are not a dedupe's to remove: with real yarn 4, ``yarn dedupe``
leaves every copy, and the install without the limit shares one. ``doppelganger``'s fix for them
names the setting. honojs/vite-plugins (four workspaces under the limit): 99 of 124 doppelganger
warnings were such copies, each with the dedupe as its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, install_in, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0"},
    {"name": "needs-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
    {"name": "also-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
    {"name": "shared", "version": "1.0.0"},
]
# shared: one copy per workspace under the limit; c: two nested copies of 1.0.0 in workspace a, under
# its own c 2.0.0 (versions keep those apart, whatever the limit)
PROJECT = {"name": "root", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]}
FILES = {
    "packages/a/package.json": json.dumps(
        {
            "name": "a",
            "version": "1.0.0",
            "dependencies": {"shared": "1.0.0", "c": "2.0.0", "needs-c1": "1.0.0", "also-c1": "1.0.0"},
        }
    ),
    "packages/b/package.json": json.dumps({"name": "b", "version": "1.0.0", "dependencies": {"shared": "1.0.0"}}),
}


def _fixes(project: Path) -> dict[str, str]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--no-cache", "--format", "json", "--select", "doppelganger"]
    )
    return {item["package"]["name"]: item["fix"] for item in json.loads(result.stdout)["findings"]}


def _yarn(project: Path, *args: str) -> None:
    env: dict[str, Any] = {
        key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))
    }
    env.update({"HOME": str(project.parent / f".home-{project.name}"), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    subprocess.run(
        ["node", str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), *args],
        cwd=project,
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )


def _copies(project: Path, name: str) -> list[str]:
    return sorted(str(path.parent.relative_to(project)) for path in project.rglob(f"node_modules/{name}/package.json"))


def test_copies_one_per_workspace_name_the_limit(tmp_path: Path) -> None:
    with Registry(PACKAGES) as registry:
        project = install(
            PROJECT, FILES, "yarn-berry-nm", registry.url, tmp_path / "app", yarnrc={"nmHoistingLimits": "workspaces"}
        )
        fixes = _fixes(project)
        assert "`nmHoistingLimits: workspaces` in .yarnrc.yml" in fixes["shared"]
        # c's copies: a's own c 2.0.0 holds the folder both of their dependents search
        assert fixes["c"].startswith(
            "align the versions that keep the copies apart: packages/a/node_modules/c holds `c@2.0.0` (used by a@1.0.0)"
        )
        # the real yarn: its dedupe keeps the copies, the install without the limit shares one
        _yarn(project, "dedupe")
        assert _copies(project, "shared") == ["packages/a/node_modules/shared", "packages/b/node_modules/shared"]
        nested = [path for path in _copies(project, "c") if path.count("node_modules") == 2]
        assert len(nested) == 2  # and c's two copies of 1.0.0, which no version serves with a's 2.0.0
        # .yarnrc.yml written again without the limit; the lockfile unchanged (an immutable install)
        install_in(project, "yarn-berry-nm", registry.url, cache=tmp_path / ".cache-app", frozen=True)
    assert _copies(project, "shared") == ["node_modules/shared"]
    assert "shared" not in _fixes(project)
