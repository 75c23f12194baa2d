"""npm's linked install strategy with two lockfile entries of one name@version that lock different
dependencies: npm gives each its own store folder (``node_modules/.store/g@1.0.0-<hash>``), and
``verify`` matches packages by name and version there, so a copy cannot be told from the other
entry. Each copy's dependency is judged against what any entry of that name@version locks
(webpack/webpack-cli under ``install-strategy=linked``: two glob@13.0.6, one locking minimatch
10.2.4, one 10.2.5, drew two false lockfile-drift errors), and a copy resolving a version no entry
locks is still drift.

The registry holds ``m`` 1.0.0 and 1.0.1, ``g`` 1.0.0 (``m@^1.0.0``) and 2.0.0; ``x`` declares
``g@1.0.0`` and ``m@1.0.1``, ``y`` declares ``g@1.0.0``; the project declares ``g@2.0.0`` and
``m@1.0.0``, so g 1.0.0 sits under x (with m 1.0.1) and under y (with the root's m 1.0.0).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.verify import verify_tree
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry
from tests.installs.test_lockfile_fidelity import _lock, _not_info

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "m", "version": "1.0.0"},
    {"name": "m", "version": "1.0.1"},
    {"name": "m", "version": "1.1.0"},
    {"name": "g", "version": "1.0.0", "dependencies": {"m": "^1.0.0"}},
    {"name": "g", "version": "2.0.0"},
    {"name": "x", "version": "1.0.0", "dependencies": {"g": "1.0.0", "m": "1.0.1"}},
    {"name": "y", "version": "1.0.0", "dependencies": {"g": "1.0.0"}},
]
PROJECT = {"name": "app", "version": "1.0.0", "dependencies": {"g": "2.0.0", "m": "1.0.0", "x": "1.0.0", "y": "1.0.0"}}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("linked").resolve()
    with Registry(PACKAGES) as registry:
        return install(PROJECT, {}, "npm-linked", registry.url, root / "app")


def test_two_store_copies_of_one_version_verify_clean(project: Path) -> None:
    stores = list((project / "node_modules" / ".store").glob("g@1.0.0-*"))
    assert len(stores) == 2  # npm made a store folder per lockfile entry
    graph = load_graph(str(project))
    assert graph.layout == "npm-linked"
    assert _not_info(verify_tree(graph, _lock(project, graph))) == []


def test_a_version_no_entry_locks_is_still_drift(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "app"
    shutil.copytree(project, copy, symlinks=True)
    [store] = (copy / "node_modules" / ".store").glob("m@1.0.1-*")
    manifest = store / "node_modules" / "m" / "package.json"
    manifest.write_text(manifest.read_text().replace('"1.0.1"', '"1.1.0"'))
    graph = load_graph(str(copy))
    codes = {code for code, _message in _not_info(verify_tree(graph, _lock(copy, graph)))}
    assert "lockfile-drift" in codes
