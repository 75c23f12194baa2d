"""A copy installed under an alias (``"sw-cjs": "npm:sw@^1.0.0"``, as @isaacs/cliui's
``string-width-cjs``) beside a copy of the same version under the package's own name is no
doppelganger: node finds each by its folder name, so every hoisted layout keeps two folders, and the
manager's dedupe keeps them (real npm 11.19.1's ``npm dedupe`` leaves both; alex8088/
electron-vite-boilerplate's string-width-cjs, strip-ansi-cjs and wrap-ansi-cjs were reported with
``npm dedupe`` as their fix). Copies under one name are still reported.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "sw", "version": "1.0.0"},
    {"name": "sw", "version": "2.0.0"},
    # takes sw 2 under its own name and sw 1 under an alias, as @isaacs/cliui does
    {"name": "ui", "version": "1.0.0", "dependencies": {"sw": "^2.0.0", "sw-cjs": "npm:sw@^1.0.0"}},
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0"},
    {"name": "needs-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
    {"name": "also-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
]
PROJECT = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {"sw": "^1.0.0", "ui": "^1.0.0", "c": "2.0.0", "needs-c1": "1.0.0", "also-c1": "1.0.0"},
}


def _copies(project: Path) -> list[str]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--no-cache", "--format", "json", "--select", "doppelganger"]
    )
    return sorted(item["package"]["name"] for item in json.loads(result.stdout)["findings"])


def test_a_copy_under_an_alias_is_not_a_doppelganger(tmp_path: Path) -> None:
    with Registry(PACKAGES) as registry:
        project = install(PROJECT, {}, "npm-hoisted", registry.url, tmp_path / "app")
        env = {key: value for key, value in os.environ.items() if not key.lower().startswith("npm_config")}
        env.update({"HOME": str(tmp_path / ".home"), "npm_config_registry": registry.url})
        # the real npm: its dedupe keeps the alias folder beside the package's own
        subprocess.run(
            ["npm", "dedupe", "--ignore-scripts", "--no-audit", "--no-fund", f"--cache={tmp_path / '.cache'}"],
            cwd=project,
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
    for folder in ("node_modules/sw", "node_modules/sw-cjs"):
        assert json.loads((project / folder / "package.json").read_text())["version"] == "1.0.0"
    # c 1.0.0 twice under its own name (c 2.0.0 holds the top slot): still reported
    assert _copies(project) == ["c"]
