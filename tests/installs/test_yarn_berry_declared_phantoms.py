"""In a tree yarn 4's node-modules linker installed, a package's require of a name yarn adds to its
manifest is no phantom: the built-in extensions of yarn's compat plugin (``debug@<4.2.0`` gets
``supports-color`` as an optional peer), the project's ``.yarnrc.yml`` ``packageExtensions``, and a
name only ``peerDependenciesMeta`` lists. The reference is the real yarn 4: the same project
installed with its Plug'n'Play linker, whose runtime lists what each package may require
(``packageDependencies``). ``check --lockfile`` of the install judges the same code: the entry
points come from each package folder's own package.json, not from the lockfile's record."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry
from tests.installs.test_pnp_runtime import install_pnp

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]


def _requiring(name: str, version: str, dependency: str, **fields: object) -> dict[str, object]:
    return {
        "name": name,
        "version": version,
        "files": {"index.js": f"module.exports = require('{dependency}');\n"},
        **fields,
    }


# each package requires one name; its `requires` row is (package, name)
REQUIRES = [("debug", "supports-color"), ("parser", "typescript"), ("host", "helper"), ("mz", "graceful-fs")]
PACKAGES = [
    _requiring("debug", "3.2.7", "supports-color"),
    _requiring("parser", "1.0.0", "typescript", peerDependenciesMeta={"typescript": {"optional": True}}),
    _requiring("host", "1.0.0", "helper"),
    # its require is reached only through an `exports` subpath, which the lockfile does not record
    {
        "name": "mz",
        "version": "2.7.0",
        "exports": {".": "./index.js", "./fs": "./fs.js"},
        "files": {"index.js": "module.exports = 1;\n", "fs.js": "module.exports = require('graceful-fs');\n"},
    },
    {"name": "supports-color", "version": "5.5.0"},
    {"name": "typescript", "version": "5.0.0"},
    {"name": "helper", "version": "1.0.0"},
    {"name": "graceful-fs", "version": "4.2.11"},
    # installs (and hoists) the required names without the project declaring them
    {
        "name": "other",
        "version": "1.0.0",
        "dependencies": {"supports-color": "5.5.0", "typescript": "5.0.0", "graceful-fs": "4.2.11"},
    },
]
MANIFEST = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {"debug": "3.2.7", "parser": "1.0.0", "host": "1.0.0", "mz": "2.7.0", "other": "1.0.0"},
}
EXTENSIONS = {"host@*": {"dependencies": {"helper": "^1.0.0"}}}


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("yarn-declared").resolve()
    with Registry(PACKAGES) as registry:
        modules = install(
            MANIFEST, {}, "yarn-berry-nm", registry.url, root / "nm", yarnrc={"packageExtensions": EXTENSIONS}
        )
        pnp = install_pnp(MANIFEST, {}, {"packageExtensions": EXTENSIONS}, registry.url, root / "pnp")
    return modules, pnp


def _undeclared_by_yarn(pnp: Path) -> list[tuple[str, str]]:
    """The rows of REQUIRES whose name yarn's runtime does not give the package."""
    script = (
        "const pnp = require('./.pnp.cjs');"
        "const rows = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(rows.filter(([name, dependency]) => !pnp.getAllLocators().some("
        "(locator) => locator.name === name && pnp.getPackageInformation(locator).packageDependencies.has(dependency)"
        "))));"
    )
    output = subprocess.run(
        ["node", "-e", script, json.dumps(REQUIRES)], cwd=pnp, capture_output=True, text=True, check=True
    ).stdout
    return [tuple(row) for row in json.loads(output)]


@pytest.mark.parametrize("from_lockfile", [False, True], ids=["install", "lockfile"])
def test_only_what_yarn_does_not_declare_is_a_phantom(installs: tuple[Path, Path], from_lockfile: bool) -> None:
    modules, pnp = installs
    assert (modules / "node_modules/.yarn-state.yml").exists()
    fs = DiskFS()
    findings = check(load_project(str(modules), fs=fs, from_lockfile=from_lockfile), fs=fs)
    phantoms = sorted(
        (item.package.name, item.request or "")
        for item in findings
        if item.code == "phantom-dependency" and item.package is not None
    )
    assert phantoms == sorted(_undeclared_by_yarn(pnp)) == [("mz", "graceful-fs")]
