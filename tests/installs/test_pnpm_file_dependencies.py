"""``file:`` dependencies on project folders under real pnpm (issue 14): pnpm copies such a folder
into its store (``node_modules/.pnpm/<name>@file+<folder>``) and lockfile 9 keys it
``<name>@file:<folder>`` with no version, where lockfile 5.4 keyed it ``file:<folder>`` with the
folder's name and version. After a fresh install, ``verify``, ``check`` and ``check --lockfile``
find nothing, and the lockfile model has the installed packages, versions and edges.

Seen on a real monorepo (vitejs/vite, 121 false missing-dependency errors in lockfile mode and
lockfile-drift errors after a clean install).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.fidelity_scenarios import FIDELITY_PACKAGES
from tests.installs.managers import OLD_PNPM, TOOLS, install, tools_available
from tests.installs.registry import Registry
from tests.installs.test_lockfile_fidelity import _lock, _model, _not_info

MODES = ("pnpm-isolated", "pnpm9-isolated", "pnpm7-isolated")

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not all((TOOLS / tool).exists() for tool in OLD_PNPM.values()),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
]

MANIFEST = {"name": "app", "version": "1.0.0", "dependencies": {"@v/a": "file:./vendor/a", "inner": "^2.0.0"}}
FILES = {
    # a copied folder that depends on another copied folder and on an older `inner` than the root's
    "vendor/a/package.json": json.dumps(
        {"name": "@v/a", "version": "1.0.0", "dependencies": {"b": "file:../b", "inner": "^1.0.0"}}
    ),
    "vendor/a/index.js": "require('b');\nrequire('inner');\n",
    "vendor/b/package.json": json.dumps({"name": "b", "version": "0.1.0"}),
    "vendor/b/index.js": "module.exports = 1;\n",
    "index.js": "require('@v/a');\nrequire('inner');\n",
}


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pnpm-file").resolve()
    with Registry(FIDELITY_PACKAGES) as registry:
        return {mode: install(MANIFEST, FILES, mode, registry.url, root / mode) for mode in MODES}


@pytest.mark.parametrize("mode", MODES)
def test_a_fresh_install_with_file_dependencies_is_clean(installs: dict[str, Path], mode: str) -> None:
    project = installs[mode]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    assert {item.label for item in graph.instances} >= {"@v/a@1.0.0", "b@0.1.0", "inner@1.0.0", "inner@2.0.0"}
    lock = _lock(project, graph)
    assert _not_info(verify_tree(graph, lock)) == []
    assert _not_info(check(graph, fs=fs, lockfile=lock)) == []
    assert _not_info(check(load_graph(str(project), from_lockfile=True), fs=fs)) == []


@pytest.mark.parametrize("mode", MODES)
def test_the_lockfile_model_has_the_copied_folders_with_their_versions(installs: dict[str, Path], mode: str) -> None:
    project = installs[mode]
    installed = load_project(str(project))
    locked = load_graph(str(project), from_lockfile=True)
    assert _model(locked, skip=set(), peers=True) == _model(installed, skip=set(), peers=True)
    assert {item.path for item in locked.instances} == {item.path for item in installed.instances}
