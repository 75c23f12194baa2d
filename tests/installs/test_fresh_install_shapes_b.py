"""Fresh installs of shapes the field batch of 2026-12-07 (tests/field/blind/fresh-installs-2026-12-07b.json)
found reported falsely, each installed by the real manager from the loopback registry: ``verify``
and ``check`` must find nothing after it.

- A ``link:`` dependency on a folder with no package.json (colinhacks/zshy: ``"my-pkg": "link:./test"``,
  a folder of fixtures imported as ``my-pkg/<file>``): pnpm links it as declared, and node loads its
  files through the link.
- A ``require`` behind the UMD guard (``if (typeof exports === "object") require("x")``) in an ES
  module (turbotobias/mono's packages/utils, ``"type": "module"``, installed by bun 1.2.15): node
  never runs it there, whatever is installed.
- An npm lockfile entry marked ``"extraneous": true`` (downshift-js/downshift, npm 11.19.1 with no
  lockfile before: typescript 4.9.5 under kcd-scripts, placed for eslint-config-kentcdodds's optional
  peer ``typescript@^4``, which the root's 5.9.3 does not satisfy): ``npm install`` leaves the copy on
  disk and records it so, and ``npm ls`` resolves the peer to it; ``npm ci`` leaves it out.
- A dependency pnpm links beside a package whose manifest does not declare it (a packageExtensions
  entry, the project's or the compatibility list pnpm applies itself: vite-pwa/vite-plugin-pwa's
  @babel/parser -> @babel/types under pnpm 10.18.2): ``pnpm list`` shows the package as its
  dependent, and so do ``ls`` and ``why``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import requires_node
from tests.installs.managers import install, new_pnpm_node, pnpm_bin, tools_available
from tests.installs.registry import Registry
from tests.installs.test_fresh_install_shapes import _findings, _run

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "ts", "version": "4.0.0"},
    {"name": "ts", "version": "5.0.0"},
    {
        "name": "cfg",
        "version": "1.0.0",
        "peerDependencies": {"ts": "^4.0.0"},
        "peerDependenciesMeta": {"ts": {"optional": True}},
    },
    {"name": "cfg", "version": "2.0.0"},
    {"name": "host", "version": "1.0.0", "dependencies": {"cfg": "^1.0.0"}},
]


@pytest.fixture(scope="module")
def registry() -> Any:
    with Registry(PACKAGES) as running:
        yield running


@pytest.mark.parametrize("mode", ["pnpm-isolated", "pnpm11-isolated"])
def test_a_link_to_a_folder_without_package_json(registry: Registry, tmp_path: Path, mode: str) -> None:
    if mode == "pnpm11-isolated" and new_pnpm_node() is None:
        pytest.skip("pnpm 11 needs node 24 from tests/node_tools/versions")
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"inner": "^1.0.0"},
        "devDependencies": {"my-pkg": "link:./fixtures"},
    }
    files = {"fixtures/hello.js": "module.exports = 'hello';\n", "index.js": "require('my-pkg/hello');\n"}
    project = install(manifest, files, mode, registry.url, tmp_path / "app")
    # what node does: the link is there, and a file of the folder loads through it
    assert (project / "node_modules" / "my-pkg").resolve() == (project / "fixtures").resolve()
    loaded = subprocess.run(
        ["node", "-p", "require('my-pkg/hello')"], cwd=project, capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "hello"
    assert _findings(project) == []
    installed = {(item["name"], item["path"]) for item in _run("ls", str(project), "--json")["instances"]}
    assert ("my-pkg", "fixtures") in installed


UMD = (
    "export const value = 1;\n"
    "let serializer = null;\n"
    "if (typeof exports === 'object' && typeof process === 'object') {\n"
    "  serializer = require('absent-xml');\n"
    "}\n"
)


def test_a_require_behind_the_umd_guard_of_an_es_module(registry: Registry, tmp_path: Path) -> None:
    manifest = {"name": "app", "version": "1.0.0", "type": "module", "dependencies": {"inner": "^1.0.0"}}
    project = install(
        manifest,
        {"src/lib.js": UMD, "src/lib.cjs": UMD.replace("export ", "")},
        "npm-hoisted",
        registry.url,
        tmp_path / "app",
    )
    # what node does: the ES module loads (the branch never runs); the CommonJS copy throws
    esm = subprocess.run(["node", "src/lib.js"], cwd=project, capture_output=True, text=True, check=False)
    assert esm.returncode == 0, esm.stderr
    cjs = subprocess.run(["node", "src/lib.cjs"], cwd=project, capture_output=True, text=True, check=False)
    assert cjs.returncode != 0 and "absent-xml" in cjs.stderr
    errors = [item for item in _findings(project) if " error " in item]
    assert errors == [
        "check: error unresolvable-import `absent-xml` is imported by `app@1.0.0` but `absent-xml` is not declared "
        "nor installed"
    ]


def test_a_copy_npm_install_leaves_extraneous(registry: Registry, tmp_path: Path) -> None:
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "devDependencies": {"ts": "^5.0.0", "cfg": "^2.0.0", "host": "^1.0.0"},
    }
    project = install(manifest, {}, "npm-hoisted", registry.url, tmp_path / "app")
    lock = json.loads((project / "package-lock.json").read_text())
    # what npm does: it places ts 4.0.0 beside the nested cfg 1.0.0, marks it extraneous, and resolves
    # the optional peer to it
    assert lock["packages"]["node_modules/host/node_modules/ts"] == {
        **lock["packages"]["node_modules/host/node_modules/ts"],
        "version": "4.0.0",
        "extraneous": True,
    }
    listed = subprocess.run(["npm", "ls", "--all", "--json"], cwd=project, capture_output=True, text=True, check=True)
    cfg = json.loads(listed.stdout)["dependencies"]["host"]["dependencies"]["cfg"]
    assert cfg["dependencies"]["ts"]["version"] == "4.0.0"
    found = _findings(project)
    assert found == [
        "verify: info extraneous-package `ts@4.0.0` is installed at node_modules/host/node_modules/ts, which the "
        "lockfile marks extraneous: `npm install` leaves it there, `npm ci` and `npm prune` do not"
    ]


def _pnpm_pairs(project: Path) -> set[tuple[str, str]]:
    """(dependent name@version, dependency name@version) of every edge `pnpm list` shows."""
    listed = subprocess.run(
        ["node", str(pnpm_bin("pnpm-isolated")), "list", "--json", "--depth", "Infinity"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "HOME": str(project.parent / f".home-{project.name}")},
    )
    pairs: set[tuple[str, str]] = set()

    def walk(parent: str, node: dict[str, Any]) -> None:
        for field in ("dependencies", "devDependencies", "optionalDependencies"):
            for name, child in (node.get(field) or {}).items():
                label = f"{name}@{child['version']}"
                pairs.add((parent, label))
                walk(label, child)

    for importer in json.loads(listed.stdout):
        walk(f"{importer['name']}@{importer['version']}", importer)
    return pairs


def test_a_dependency_pnpm_links_without_a_declaration(registry: Registry, tmp_path: Path) -> None:
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"host": "1.0.0"},
        "pnpm": {"packageExtensions": {"host@1": {"dependencies": {"inner": "^1.0.0"}}}},
    }
    project = install(manifest, {}, "pnpm-isolated", registry.url, tmp_path / "app")
    assert ("host@1.0.0", "inner@1.0.0") in _pnpm_pairs(project)
    [inner] = _run("why", "inner", str(project), "--json")["instances"]
    assert [(item["name"], item["version"]) for item in inner["dependents"]] == [("host", "1.0.0")]
    listed = {item["name"]: item for item in _run("ls", str(project), "--json")["instances"]}
    assert [item["name"] for item in listed["inner"]["dependents"]] == ["host"]
    assert _findings(project) == []
