"""A package that bundles a dependency (``bundleDependencies``) under the real managers: the
tarball's copy is installed in the package's own node_modules whatever the lockfile resolves for that
name. yarn 1 locks ``host``'s ``b@^1.0.0`` as 1.1.0 (the project's own b) and leaves the tarball's
b 1.0.0 in host/node_modules; ``verify`` and ``check`` report no drift for it
(aws-amplify/amplify-ui's @aws-amplify/data-construct, which bundles its AWS SDK: 596 false
lockfile-drift errors).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import install, install_in, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "b", "version": "1.0.0"},
    {"name": "b", "version": "1.1.0"},
    {
        "name": "host",
        "version": "1.0.0",
        "dependencies": {"b": "^1.0.0"},
        "bundleDependencies": ["b"],
        "files": {
            "index.js": "require('b');\n",
            "node_modules/b/package.json": json.dumps({"name": "b", "version": "1.0.0"}),
            "node_modules/b/index.js": "",
        },
    },
]
PROJECT = {"name": "app", "version": "1.0.0", "dependencies": {"host": "1.0.0", "b": "1.1.0"}}
MODES = ("yarn-classic", "npm-hoisted")


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bundled").resolve()
    with Registry(PACKAGES) as registry:
        return {mode: install(PROJECT, {}, mode, registry.url, root / mode) for mode in MODES}


@pytest.mark.parametrize("mode", MODES)
def test_the_tarball_s_bundled_copy_is_no_drift(installs: dict[str, Path], mode: str) -> None:
    project = installs[mode]
    bundled = json.loads((project / "node_modules" / "host" / "node_modules" / "b" / "package.json").read_text())
    assert bundled["version"] == "1.0.0"  # what the manager installed: the tarball's copy
    verify = CliRunner().invoke(main, ["verify", str(project), "--json"])
    assert (verify.exit_code, json.loads(verify.output)["findings"]) == (0, [])
    check = CliRunner().invoke(main, ["check", str(project), "--format", "json", "--no-cache"])
    assert [item for item in json.loads(check.output)["findings"] if item["severity"] == "error"] == []


# The publisher bundled b 1.0.0 with a package that asks for b ^1.1.0: the copy node loads is outside
# the range, and a frozen reinstall (npm ci, removing node_modules first) unpacks the same copy again.
OUT_OF_RANGE = [
    {"name": "b", "version": "1.1.0"},
    {
        "name": "host",
        "version": "1.0.0",
        "dependencies": {"b": "^1.1.0"},
        "bundleDependencies": ["b"],
        "files": {
            "index.js": "require('b');\n",
            "node_modules/b/package.json": json.dumps({"name": "b", "version": "1.0.0"}),
            "node_modules/b/index.js": "",
        },
    },
]


def test_a_bundled_copy_outside_the_range_is_not_fixed_by_a_reinstall(tmp_path: Path) -> None:
    with Registry(OUT_OF_RANGE) as registry:
        project = install(
            {"name": "app", "version": "1.0.0", "dependencies": {"host": "1.0.0"}},
            {},
            "npm-hoisted",
            registry.url,
            tmp_path / "app",
        )
        bundled = project / "node_modules" / "host" / "node_modules" / "b" / "package.json"
        assert json.loads(bundled.read_text())["version"] == "1.0.0"
        shutil.rmtree(project / "node_modules")
        install_in(project, "npm-hoisted", registry.url, frozen=True)
    assert json.loads(bundled.read_text())["version"] == "1.0.0"  # the reinstall brought the same copy back
    check = CliRunner().invoke(
        main, ["check", str(project), "--format", "json", "--no-cache", "--select", "version-mismatch"]
    )
    [item] = json.loads(check.output)["findings"]
    assert (item["request"], item["from"]) == ("b", "node_modules/host")
    assert item["fix"].startswith(
        "nothing to reinstall: node_modules/host/node_modules/b comes in the tarball of `host@1.0.0`"
    )
