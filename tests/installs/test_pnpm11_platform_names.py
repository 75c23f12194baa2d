"""pnpm 11 reads the os/cpu/libc an optional package leaves out from its name (from 11.6.0; from
11.28.12 only a name with a cpu or libc token besides the os one, when the package declares
nothing): ``sherif-linux-x64-musl`` 1.11.1 declares os and cpu only, and pnpm 11.29.0 skips it on
glibc where pnpm 10.34.8 installs it. The lockfile records the declared fields alone; verify must
be clean after either install (TanStack/store: one note for the musl binary pnpm 11 skipped) and
``ls --lockfile`` must list what each installed.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, TOOLS, install, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not (TOOLS / NEW_PNPM["pnpm11-isolated"]).exists(),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
    pytest.mark.skipif(
        platform.system() != "Linux" or platform.machine() != "x86_64" or platform.libc_ver()[0] != "glibc",
        reason="the expected installs are those of linux x64 with glibc",
    ),
]

BINARIES = {
    "tool-linux-x64-musl": {"os": ["linux"], "cpu": ["x64"]},  # libc read from the name by pnpm 11
    "tool-linux-x64-gnu": {"os": ["linux"], "cpu": ["x64"]},
    "tool-win32-x64": {},  # declares nothing: os and cpu read from the name by pnpm 11
    "watch-linux": {},  # an os token alone, nothing declared: no platform read (11.28.12)
}
PACKAGES = [
    *({"name": name, "version": "1.0.0", **fields} for name, fields in BINARIES.items()),
    {"name": "tool", "version": "1.0.0", "optionalDependencies": dict.fromkeys(BINARIES, "1.0.0")},
]
MANIFEST = {"name": "app", "version": "1.0.0", "dependencies": {"tool": "1.0.0"}}
INSTALLED = {
    "pnpm-isolated": ["tool", *BINARIES],
    "pnpm11-isolated": ["tool", "tool-linux-x64-gnu", "watch-linux"],
    "pnpm12-isolated": ["tool", "tool-linux-x64-gnu", "watch-linux"],  # pnpm 12.26.0 as pnpm 11
}


@pytest.mark.parametrize("mode", sorted(INSTALLED))
def test_verify_and_the_lockfile_model_follow_what_each_pnpm_skips(tmp_path: Path, mode: str) -> None:
    if mode in NEW_PNPM and not new_pnpm_ready(mode):
        pytest.skip(f"{mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    with Registry(PACKAGES) as registry:
        project = install(MANIFEST, {}, mode, registry.url, tmp_path / "app")
    store = sorted(item.name.removesuffix("@1.0.0") for item in (project / "node_modules" / ".pnpm").iterdir())
    assert sorted(name for name in store if name in INSTALLED["pnpm-isolated"]) == sorted(INSTALLED[mode])  # real pnpm
    runner = CliRunner(mix_stderr=False)
    verified = runner.invoke(main, ["verify", str(project), "--json"])
    assert json.loads(verified.stdout)["findings"] == []
    planned = json.loads(runner.invoke(main, ["ls", str(project), "--json", "--lockfile"]).stdout)
    assert sorted(item["name"] for item in planned["instances"]) == sorted(INSTALLED[mode])
