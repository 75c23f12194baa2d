"""A yarn berry lockfile that resolves a range to a version outside it, as ``yarn set resolution``
writes it (twilio-labs/paste pins ``next@npm:15.2.6`` to 15.5.19): every install, ``--immutable``
ones too, brings that version again, so neither ``check`` of the install nor ``check --lockfile``
reports a version-mismatch whose fix is a reinstall.

The registry holds ``inner`` 1.0.0 and 2.0.0 and ``old-user``, which declares ``inner@^1.0.0``; the
project installs ``old-user``, then ``yarn set resolution inner@npm:^1.0.0 npm:2.0.0`` and an
immutable install from scratch. The control: the same installed tree, read with a lockfile that
does not hold that entry, is a mismatch."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, install_in, tools_available
from tests.installs.registry import Registry
from tests.installs.test_lockfile_fidelity import _lock, _not_info

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "inner", "version": "2.0.0"},
    {"name": "old-user", "version": "1.0.0", "dependencies": {"inner": "^1.0.0"}},
]


@pytest.fixture(scope="module")
def pinned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("berry-pin").resolve()
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"old-user": "1.0.0"}}
    with Registry(PACKAGES) as registry:
        project = install(manifest, {"index.js": "require('old-user');\n"}, "yarn-berry-nm", registry.url, root / "app")
        env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
        env.update({"HOME": str(root / ".home-app"), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
        yarn = str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js")
        done = subprocess.run(
            ["node", yarn, "set", "resolution", "inner@npm:^1.0.0", "npm:2.0.0"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        shutil.rmtree(project / "node_modules")
        install_in(project, "yarn-berry-nm", registry.url, frozen=True)
    return project


def test_the_immutable_install_brings_the_pinned_version(pinned: Path) -> None:
    assert '"inner@npm:^1.0.0":\n  version: 2.0.0\n' in (pinned / "yarn.lock").read_text()
    graph = load_project(str(pinned), fs=DiskFS())
    edge = next(item for item in graph.edges if item.source.name == "old-user" and item.name == "inner")
    assert edge.target is not None and edge.target.version == "2.0.0" and edge.spec == "^1.0.0"


def test_a_range_the_lockfile_pins_is_no_mismatch(pinned: Path) -> None:
    fs = DiskFS()
    graph = load_project(str(pinned), fs=fs)
    assert _not_info(check(graph, fs=fs, lockfile=_lock(pinned, graph))) == []
    assert _not_info(check(load_graph(str(pinned), from_lockfile=True), fs=fs)) == []


def test_without_the_pinning_entry_the_same_tree_is_a_mismatch(pinned: Path, tmp_path: Path) -> None:
    """The control: the installed tree copied beside a lockfile whose key for ``inner`` is another
    descriptor (what a lockfile written before the range changed would hold)."""
    copy = tmp_path / "app"
    shutil.copytree(pinned, copy, symlinks=True)
    lock = (copy / "yarn.lock").read_text().replace('"inner@npm:^1.0.0":', '"inner@npm:2.0.0":')
    (copy / "yarn.lock").write_text(lock)
    fs = DiskFS()
    graph = load_project(str(copy), fs=fs)
    found = [item.code for item in check(graph, fs=fs) if item.code == "version-mismatch"]
    assert found == ["version-mismatch"]
