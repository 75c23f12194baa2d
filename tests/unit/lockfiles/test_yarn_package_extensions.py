"""yarn berry's built-in package extensions: the list nmdoctor ships is the one the pinned yarn
registers, and the lockfile reader adds them (and ``.yarnrc.yml``'s own) as yarn does."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nmdoctor.lockfiles.yarn import read_yarn_lockfile
from nmdoctor.lockfiles.yarn_extensions import PackageExtensions
from tests.conftest import requires_node

ROOT = Path(__file__).resolve().parents[3]
YARN = ROOT / "tests/node_tools/node_modules/@yarnpkg/cli-dist"
SHIPPED = ROOT / "src/nmdoctor/data/yarn_package_extensions.json"


@requires_node
@pytest.mark.skipif(not YARN.exists(), reason="tests/node_tools not installed")
def test_the_shipped_list_is_the_pinned_yarns() -> None:
    extracted = subprocess.run(
        ["node", str(ROOT / "tests/tools/yarn_package_extensions.js"), str(YARN / "bin/yarn.js")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shipped = json.loads(SHIPPED.read_text())
    version = json.loads((YARN / "package.json").read_text())["version"]
    assert shipped["yarn"] == f"@yarnpkg/cli-dist {version}"
    assert shipped["extensions"] == json.loads(extracted)


LOCK = """\
__metadata:
  version: 8
  cacheKey: 10

"acorn@npm:^8.5.0":
  version: 8.5.0
  resolution: "acorn@npm:8.5.0"
  languageName: node
  linkType: hard

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    terser: "npm:4.8.1"
    left: "npm:1.0.0"
  languageName: unknown
  linkType: soft

"terser@npm:4.8.1":
  version: 4.8.1
  resolution: "terser@npm:4.8.1"
  languageName: node
  linkType: hard

"left@npm:1.0.0":
  version: 1.0.0
  resolution: "left@npm:1.0.0"
  dependencies:
    acorn: "npm:^8.5.0"
  languageName: node
  linkType: hard
"""


def edges(extensions: dict[str, object] | None = None) -> set[tuple[str, str, str, str | None]]:
    lock = read_yarn_lockfile(LOCK, "/p/yarn.lock", {"name": "app"}, package_extensions=extensions)
    return {(edge.source, edge.name, edge.kind.value, edge.target) for edge in lock.edges}


def test_a_builtin_extension_adds_the_dependency_yarn_adds() -> None:
    # yarn's compat plugin: terser@<=5.10.0 gets acorn ^8.5.0 (yarn info -AR lists the edge).
    assert ("terser@npm:4.8.1", "acorn", "prod", "acorn@npm:8.5.0") in edges()


def test_a_builtin_extension_the_lockfile_does_not_resolve_was_not_the_writing_yarns() -> None:
    # react-dnd (yarn 3.3.1): babel-preset-react-app@10.0.1 without the
    # @babel/plugin-proposal-private-property-in-object ^7.16.7 that yarn 4's compat list adds. yarn
    # locks every dependency it resolves; none for that descriptor means the yarn that wrote the
    # lockfile did not add it, and installs nothing for it: no edge (a missing-dependency error before).
    acorn = '"acorn@npm:^8.5.0":\n  version: 8.5.0\n  resolution: "acorn@npm:8.5.0"\n'
    lock = LOCK.replace(acorn + "  languageName: node\n  linkType: hard\n\n", "")
    found = {
        (edge.source, edge.name, edge.target)
        for edge in read_yarn_lockfile(lock, "/p/yarn.lock", {"name": "app"}).edges
    }
    assert not any(source == "terser@npm:4.8.1" and name == "acorn" for source, name, _target in found)
    # left declares acorn itself: its edge stays, unresolved (a real missing dependency)
    assert ("left@npm:1.0.0", "acorn", None) in found
    # a project's own extension is kept even when unresolved: the lockfile is behind .yarnrc.yml
    extended = read_yarn_lockfile(
        lock, "/p/yarn.lock", {"name": "app"}, package_extensions={"terser@*": {"dependencies": {"zed": "^1"}}}
    )
    assert any(edge.source == "terser@npm:4.8.1" and edge.name == "zed" for edge in extended.edges)


def test_a_project_extension_adds_dependencies_and_peers() -> None:
    found = edges({"left@*": {"dependencies": {"acorn": "^9"}, "peerDependencies": {"terser": "*"}}})
    # the package already declares acorn: the extension does not replace it
    assert ("left@npm:1.0.0", "acorn", "prod", "acorn@npm:8.5.0") in found
    assert ("left@npm:1.0.0", "terser", "peer", "terser@npm:4.8.1") in found


def test_selectors_match_as_yarn_matches_them() -> None:
    extensions = PackageExtensions({"x@<2.0.0": {"dependencies": {"y": "1"}}})
    assert extensions.apply("x", "1.9.0", {})["dependencies"] == {"y": "1"}
    assert extensions.apply("x", "2.0.0", {}) == {}
    assert extensions.apply("x", "2.0.0-rc.1", {})["dependencies"] == {"y": "1"}  # includePrerelease
    bounded = PackageExtensions({"x@<3.14.0-next.1": {"dependencies": {"y": "1"}}})
    assert bounded.apply("x", "3.14.0-next.0", {})["dependencies"] == {"y": "1"}
    assert bounded.apply("x", "3.13.9", {})["dependencies"] == {"y": "1"}
    assert bounded.apply("x", "3.14.0", {}) == {}
    dropped = PackageExtensions({"x@>=1.0.0 <1.5.0": {"dependencies": {"y": "1"}}})
    assert dropped.apply("x", "1.0.0-beta.1", {})["dependencies"] == {"y": "1"}  # tags dropped: 1.0.0
    described = extensions.apply("x", "1.0.0", {"peerDependenciesMeta": {}})
    assert described["peerDependencies"] == {}
    meta_only = PackageExtensions({"x": {"peerDependenciesMeta": {"z": {"optional": True}}}}).apply("x", "1.0.0", {})
    assert meta_only["peerDependencies"] == {"z": "*"}
