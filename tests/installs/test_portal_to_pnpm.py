"""Yarn 4's `portal:` specs under `migrate --to pnpm`, against real yarn 4.18.1, pnpm 10.34.8 and
12.26.0: pnpm 10 links `node_modules/x` to a folder named `portal:./x`, which does not exist (node:
Cannot find module), pnpm 12 refuses the protocol. The fix, followed, gives a pnpm install where
the project's code runs: `file:` for a folder with dependencies (pnpm's `link:` installs none of
them), `link:` for one without."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, install, install_in, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [{"name": "dep", "version": "1.0.0", "files": {"index.js": "module.exports = 'dep';\n"}}]


def _runs(project: Path) -> bool:
    run = subprocess.run(["node", "index.js"], cwd=project, capture_output=True, text=True, check=False)
    return run.returncode == 0


def _files(with_dependency: bool) -> dict[str, str]:
    local = {"name": "x", "version": "1.0.0", **({"dependencies": {"dep": "^1.0.0"}} if with_dependency else {})}
    code = "module.exports = 'x' + require('dep');\n" if with_dependency else "module.exports = 'x';\n"
    return {"x/package.json": json.dumps(local), "x/index.js": code, "index.js": "console.log(require('x'));\n"}


@pytest.mark.parametrize("pnpm_mode", ["pnpm-isolated", "pnpm12-isolated"])
@pytest.mark.parametrize(("with_dependency", "replacement"), [(True, "file:./x"), (False, "link:./x")])
def test_a_portal_is_an_error_under_pnpm_and_its_fix_installs(
    tmp_path: Path, pnpm_mode: str, with_dependency: bool, replacement: str
) -> None:
    if pnpm_mode in NEW_PNPM and not new_pnpm_ready(pnpm_mode):
        pytest.skip(f"{pnpm_mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"x": "portal:./x"}}
    with Registry(PACKAGES) as registry:
        today = install(manifest, _files(with_dependency), "yarn-berry-nm", registry.url, tmp_path / "yarn")
        assert _runs(today)
        fs = DiskFS()
        findings = migrate(load_project(str(today), fs=fs), fs, "pnpm").findings
        [refused] = [item for item in findings if item.code == "unsupported-dependency-protocol"]
        assert (refused.severity.value, refused.from_, refused.line, refused.request) == (
            "error",
            "package.json",
            5,
            "x",
        )
        assert (refused.fix or "").startswith(f'replace "portal:./x" with "{replacement}" for "x" in package.json')
        assert not [item for item in findings if item.code != "unsupported-dependency-protocol" and item.request == "x"]

        switched = tmp_path / "switched"
        shutil.copytree(today, switched, ignore=shutil.ignore_patterns("node_modules", "yarn.lock", ".yarn*"))
        try:
            install_in(switched, pnpm_mode, registry.url)
        except RuntimeError as refusal:  # pnpm 12
            assert 'Unsupported protocol "portal:"' in str(refusal)
        else:  # pnpm 10: a link to a folder that does not exist
            assert not _runs(switched)

        fixed = tmp_path / "fixed"
        shutil.copytree(today, fixed, ignore=shutil.ignore_patterns("node_modules", "yarn.lock", ".yarn*"))
        (fixed / "package.json").write_text(json.dumps({**manifest, "dependencies": {"x": replacement}}, indent=2))
        install_in(fixed, pnpm_mode, registry.url)
        assert _runs(fixed)
