"""`workspace-not-linked`: a workspace package declared by a range its version satisfies, which pnpm
installed from the registry (real pnpm 10.34.8 and 12.26.0 link it only for `workspace:` or with
`linkWorkspacePackages`). Each fix printed, followed, makes node load the workspace's own code."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, install, install_in, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

# The registry has a package of the same name: pnpm takes it, and its code says so.
PACKAGES = [
    {"name": "w", "version": "1.0.0", "files": {"index.js": "module.exports = 'registry';\n"}},
    {"name": "w", "version": "2.5.0", "files": {"index.js": "module.exports = 'registry';\n"}},
]
ROOT = {"name": "mono", "version": "1.0.0", "private": True}
WORKSPACE_YAML = "packages:\n  - packages/*\n"


def _files(workspace_version: str) -> dict[str, str]:
    app = {"name": "app", "version": "1.0.0", "dependencies": {"w": "^1.0.0"}}
    return {
        "pnpm-workspace.yaml": WORKSPACE_YAML,
        "packages/w/package.json": json.dumps({"name": "w", "version": workspace_version}),
        "packages/w/index.js": "module.exports = 'workspace';\n",
        "packages/app/package.json": json.dumps(app, indent=2),
        "packages/app/index.js": "console.log(require('w'));\n",
    }


def _loads(project: Path) -> str:
    run = subprocess.run(["node", "index.js"], cwd=project / "packages/app", capture_output=True, text=True, check=True)
    return run.stdout.strip()


def _findings(project: Path, *extra: str) -> list[dict[str, object]]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--no-cache", "--format", "json", "--select", "workspace-not-linked", *extra]
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("mode", ["pnpm-isolated", "pnpm-hoisted", "pnpm12-isolated"])
def test_a_workspace_installed_from_the_registry_is_reported_and_each_fix_links_it(tmp_path: Path, mode: str) -> None:
    if mode in NEW_PNPM and not new_pnpm_ready(mode):
        pytest.skip(f"{mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    with Registry(PACKAGES) as registry:
        project = install(ROOT, _files("1.0.0"), mode, registry.url, tmp_path / "today")
        assert _loads(project) == "registry"
        for extra in ((), ("--lockfile",)):
            [item] = _findings(project, *extra)
            assert (item["severity"], item["from"], item["line"], item["request"]) == (
                "warning",
                "packages/app/package.json",
                5,
                "w",
            )
            assert "packages/w" in str(item["message"])
        assert item["fix"] == 'declare "w": "workspace:^1.0.0" in packages/app/package.json, then pnpm install'

        # Followed: the workspace protocol links it.
        manifest = project / "packages/app/package.json"
        manifest.write_text(manifest.read_text().replace('"^1.0.0"', '"workspace:^1.0.0"'))
        install_in(project, mode, registry.url)
        assert _loads(project) == "workspace"
        assert _findings(project) == []

        # Set before the lockfile was written, linkWorkspacePackages links it too (set afterwards, pnpm
        # keeps the registry copy it locked, which is why the fix does not offer it).
        files = {**_files("1.0.0"), "pnpm-workspace.yaml": WORKSPACE_YAML + "linkWorkspacePackages: true\n"}
        linked = install(ROOT, files, mode, registry.url, tmp_path / "setting")
        assert _loads(linked) == "workspace"
        assert re.search(
            r"w:\n\s+specifier: \^1\.0\.0\n\s+version: link:\.\./w", (linked / "pnpm-lock.yaml").read_text()
        )
        assert _findings(linked) == []
        assert _findings(linked, "--lockfile") == []


def test_a_range_the_workspace_does_not_satisfy_is_the_registry_on_purpose(tmp_path: Path) -> None:
    """The workspace is w 2.0.0, the app asks for ^1.0.0: even with linkWorkspacePackages pnpm takes
    the registry's 1.x, as npm and yarn would."""
    with Registry(PACKAGES) as registry:
        project = install(ROOT, _files("2.0.0"), "pnpm-isolated", registry.url, tmp_path / "p")
        assert _loads(project) == "registry"
        assert _findings(project) == []
        assert _findings(project, "--lockfile") == []
