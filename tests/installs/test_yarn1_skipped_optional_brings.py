"""yarn.lock v1 records no os/cpu, so a package yarn 1 skips for this platform (fsevents on linux)
can only be named as a note ("skipped for this platform?") unless its name names the platform (as
pnpm 11 reads names, os and cpu only: yarn 1 does not check libc); what only it brings (fsevents 1.2.7's
nan and node-pre-gyp with their dependencies) is skipped with it, and gets no note of its own: real
yarn 1.22.22 installs none of it. Seen on redux-saga/redux-saga: 25 notes calling abbrev, tar and
the other dependencies of fsevents 1.2.7's node-pre-gyp platform-skipped packages.
"""

from __future__ import annotations

import json
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
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

PACKAGES = [
    {"name": "helper-leaf", "version": "1.0.0"},
    {"name": "helper", "version": "1.0.0", "dependencies": {"helper-leaf": "1.0.0"}},
    {"name": "native-mac", "version": "1.0.0", "os": ["darwin"], "dependencies": {"helper": "1.0.0"}},
    {"name": "tool-win32-x64", "version": "1.0.0", "os": ["win32"], "cpu": ["x64"]},
    {"name": "tool-linux-x64-musl", "version": "1.0.0", "os": ["linux"], "cpu": ["x64"], "libc": ["musl"]},
    {
        "name": "watcher",
        "version": "1.0.0",
        "optionalDependencies": {"native-mac": "1.0.0", "tool-win32-x64": "1.0.0", "tool-linux-x64-musl": "1.0.0"},
    },
]
MANIFEST = {"name": "app", "version": "1.0.0", "dependencies": {"watcher": "1.0.0"}}


def test_what_only_a_skipped_package_brings_gets_no_note(tmp_path: Path) -> None:
    """Nor a package whose name names another os and cpu (`@esbuild/darwin-arm64`: 41 notes on
    react-bootstrap/react-bootstrap's yarn 1 install), which yarn skips for its os/cpu; a name
    naming nothing (native-mac, fsevents) keeps its note."""
    with Registry(PACKAGES) as registry:
        project = install(MANIFEST, {}, "yarn-classic", registry.url, tmp_path / "app")
    installed = sorted(item.name for item in (project / "node_modules").iterdir() if not item.name.startswith("."))
    # what the real yarn 1 installed: native-mac skipped, and helper with it; the win32 binary
    # skipped; the musl one installed on glibc (yarn 1 does not check libc)
    assert installed == ["tool-linux-x64-musl", "watcher"]
    assert "helper-leaf@1.0.0" in (project / "yarn.lock").read_text()
    verified = CliRunner(mix_stderr=False).invoke(main, ["verify", str(project), "--json"])
    found = [(item["severity"], item["package"]["name"]) for item in json.loads(verified.stdout)["findings"]]
    assert found == [("info", "native-mac")]
    assert verified.exit_code == 0
