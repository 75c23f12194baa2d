"""yarn berry adds dependencies to packages when it reads yarn.lock: the built-in extensions of its
compat plugin (``terser@<=5.10.0`` gets ``acorn``) and the project's ``packageExtensions``. The
lockfile records neither, so nmdoctor adds them; the real yarn 4's ``yarn info -AR --json`` after a
real install is the reference, and the lockfile's listing equals the installed tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.field.lockfile_sets import berry_sets, ours_berry
from tests.installs.managers import TOOLS, install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "terser", "version": "4.8.1", "files": {"index.js": "module.exports = require('acorn');\n"}},
    {"name": "acorn", "version": "8.5.0"},
    {"name": "acorn", "version": "7.4.1"},
    {"name": "helper", "version": "1.0.0"},
    {"name": "host", "version": "1.0.0", "files": {"index.js": "module.exports = require('helper');\n"}},
]
MANIFEST = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {"terser": "4.8.1", "host": "1.0.0", "acorn": "7.4.1"},
}
YARNRC = {"packageExtensions": {"host@*": {"dependencies": {"helper": "^1.0.0"}}}}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("yarn-extensions").resolve()
    with Registry(PACKAGES) as registry:
        return install(
            MANIFEST, {"index.js": "require('terser');\n"}, "yarn-berry-nm", registry.url, root / "app", yarnrc=YARNRC
        )


def _yarn_info(project: Path) -> str:
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": tempfile.mkdtemp(prefix="nmd-home-"), "YARN_IGNORE_PATH": "1", "YARN_ENABLE_OFFLINE_MODE": "1"})
    command = ["node", str(TOOLS / "@yarnpkg/cli-dist/bin/yarn.js"), "info", "-AR", "--json"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=True).stdout


def test_the_lockfile_model_has_the_edges_yarn_lists(project: Path) -> None:
    fs = DiskFS()
    lock = read_lockfile(fs, find_lockfile(fs, str(project)) or "", manifest_json(fs, str(project)))
    packages, edges = berry_sets(_yarn_info(project))
    assert ours_berry(lock) == (packages, edges)
    assert any(edge.startswith("terser@npm:4.8.1 > acorn > acorn@npm:8.5.0") for edge in edges)
    assert any(edge.startswith("host@npm:1.0.0 > helper > helper@npm:1.0.0") for edge in edges)


def _places(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {item["path"]: (item["name"], item["version"]) for item in document["instances"]}


def test_the_lockfile_places_acorn_where_yarn_did(project: Path) -> None:
    installed = _places(ls_document(load_graph(str(project))))
    planned = _places(ls_document(load_graph(str(project), from_lockfile=True)))
    assert planned == installed
    # yarn nested acorn 8 under terser (the root holds acorn 7): terser's own require finds it
    assert (project / "node_modules/terser/node_modules/acorn/package.json").exists()


def test_check_has_no_error_from_the_lockfile(project: Path) -> None:
    fs = DiskFS()
    for from_lockfile in (False, True):
        findings = check(load_project(str(project), fs=fs, from_lockfile=from_lockfile), fs=fs)
        assert [item.code for item in findings if item.severity.value == "error"] == []
