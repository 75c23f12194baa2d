"""yarn berry reads a name listed only in ``peerDependenciesMeta`` (debug@4's ``supports-color``,
with no ``peerDependencies``) as an optional peer ``"*"`` (Configuration.normalizePackage). The
package then takes its parent's copy, and the hoister counts it among that copy's peer dependents,
which decides which version gets the root folder. Found on scaffold-eth-2 (yarn 4.13): mocha and
@oclif/core depend on debug and supports-color@8, and yarn gave supports-color@8 the workspace
folder over supports-color@9 (used by npm and weald). The real yarn 4's install is the reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.render.tree_json import ls_document
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

META_ONLY = {"peerDependenciesMeta": {"color": {"optional": True}}}
PACKAGES = [
    {"name": "color", "version": "1.0.0"},
    {"name": "color", "version": "2.0.0"},
    {"name": "dbg", "version": "1.0.0", **META_ONLY},
    {"name": "dbg2", "version": "1.0.0", **META_ONLY},
    # a: color@1 and two packages whose meta-only peer takes it; b and c: color@2. Counted as
    # yarn counts, color@1 has a, dbg and dbg2 (3) against color@2's b and c (2).
    {"name": "a", "version": "1.0.0", "dependencies": {"color": "1.0.0", "dbg": "1.0.0", "dbg2": "1.0.0"}},
    {"name": "b", "version": "1.0.0", "dependencies": {"color": "2.0.0"}},
    {"name": "c", "version": "1.0.0", "dependencies": {"color": "2.0.0"}},
]
MANIFEST = {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0", "b": "1.0.0", "c": "1.0.0"}}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("yarn-meta-peers").resolve()
    with Registry(PACKAGES) as registry:
        return install(MANIFEST, {}, "yarn-berry-nm", registry.url, root / "app")


def _places(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {item["path"]: (item["name"], item["version"]) for item in document["instances"]}


def test_the_lockfile_places_color_where_yarn_did(project: Path) -> None:
    installed = _places(ls_document(load_graph(str(project))))
    planned = _places(ls_document(load_graph(str(project), from_lockfile=True)))
    assert installed["node_modules/color"] == ("color", "1.0.0")
    assert installed["node_modules/b/node_modules/color"] == ("color", "2.0.0")
    assert planned == installed
