"""``migrate --to yarn-pnp`` from a real npm install against a real yarn 4 PnP install of the same
project: every require it says fails does fail under ``node -r ./.pnp.cjs``, and every one it does
not report (or reports as working only through yarn's fallback) resolves."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.inspect.pnp_tree import read_pnp_tree
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.migrate.pnp import migrate_to_pnp
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, tools_available
from tests.installs.registry import Registry
from tests.installs.test_pnp_runtime import ORACLE, install_pnp

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
    pytest.mark.skipif(not (TOOLS / "@yarnpkg" / "cli-dist").exists(), reason="tests/node_tools installed"),
]


def _requiring(name: str, peer: str, **declared: dict[str, str]) -> dict[str, Any]:
    return {"name": name, "version": "1.0.0", **declared, "files": {"index.js": f"require('{peer}');\n"}}


LAZY = """'use strict';
function _e() {
  const data = require('e');
  _e = function () {
    return data;
  };
  return data;
}
module.exports = function lazy() { return 1; };
"""

PACKAGES: list[dict[str, Any]] = [
    {"name": "a", "version": "1.0.0", "dependencies": {"c": "^1.0.0", "d": "^1.0.0"}},
    {"name": "c", "version": "1.0.0"},
    {"name": "d", "version": "1.0.0"},
    {"name": "e", "version": "1.0.0"},
    {"name": "has-e", "version": "1.0.0", "dependencies": {"e": "^1.0.0"}},
    {"name": "sneaky", "version": "1.0.0", "files": {"index.js": "require('c');\n"}},
    {"name": "sneaky2", "version": "1.0.0", "files": {"index.js": "require('e');\n"}},
    {"name": "host", "version": "1.0.0"},
    _requiring("plug", "host", peerDependencies={"host": "*"}),
    _requiring("mid", "plug", dependencies={"plug": "^1.0.0"}),
    _requiring("plug2", "e", peerDependencies={"e": "*"}),
    _requiring("mid2", "plug2", dependencies={"plug2": "^1.0.0"}),
    # Babel's lazy interop helper, left for an import used only as a type: nothing calls it
    # (jest-resolve-dependencies 25's `_jestResolve`), so its require of e never runs
    {"name": "lazy", "version": "1.0.0", "files": {"index.js": LAZY}},
]  # fmt: skip
PROJECT = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {
        "a": "^1.0.0", "c": "^1.0.0", "has-e": "^1.0.0", "sneaky": "^1.0.0", "sneaky2": "^1.0.0",
        "host": "^1.0.0", "mid": "^1.0.0", "mid2": "^1.0.0", "lazy": "^1.0.0",
    },
}  # fmt: skip
FILES = {"src/index.js": "require('a');\nrequire('d');\nrequire('c');\n"}

# Judged by hand before running (package requiring, request): what yarn's runtime does.
# d: undeclared in the workspace, no fallback for workspaces; e from sneaky2: undeclared and the
# project does not declare e; e from plug2 (a peer mid2 does not provide, not in the fallback).
FAILS = {("app", "d"), ("sneaky2", "e"), ("plug2", "e")}
# c from sneaky and host from plug: undeclared / unprovided, but the project declares them.
FALLBACK = {("sneaky", "c"), ("plug", "host")}
WORKS = {("app", "a"), ("app", "c")}
# e from lazy fails to resolve, but the require never runs: loading lazy works (a note)
NEVER_RUNS = {("lazy", "e")}


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("pnp-migrate").resolve()
    with Registry(PACKAGES) as registry:
        npm = install(PROJECT, FILES, "npm-hoisted", registry.url, root / "npm")
        pnp = install_pnp(PROJECT, FILES, {}, registry.url, root / "pnp")
    return npm, pnp


def test_migrate_to_pnp_names_what_fails(projects: tuple[Path, Path], tmp_path: Path) -> None:
    npm, pnp = projects
    disk = DiskFS()
    result = migrate_to_pnp(read_installed_tree(disk, str(npm)), disk)
    predicted = {
        (finding.package.name if finding.package else "", str(finding.request)): finding.severity.value
        for finding in result.findings
    }
    assert predicted == {
        ("app", "d"): "error",
        ("sneaky2", "e"): "error",
        ("plug2", "e"): "error",  # its peer, unprovided by mid2, required by its code
        ("sneaky", "c"): "warning",
        ("lazy", "e"): "info",
    }
    # The same requires, asked of yarn's runtime in the real PnP install.
    graph = read_pnp_tree(disk, str(pnp))
    folder = {instance.name: instance.path for instance in graph.instances}
    folder["app"] = f"{pnp}/src"
    queries = [
        {"id": index, "from": f"{folder[source]}/index.js", "request": request}
        for index, (source, request) in enumerate(sorted(FAILS | FALLBACK | WORKS | NEVER_RUNS))
    ]
    batch = tmp_path / "queries.jsonl"
    batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
    answers = subprocess.run(
        ["node", "-r", str(pnp / ".pnp.cjs"), str(ORACLE), str(batch)],
        cwd=pnp,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    outcome = {
        pair: json.loads(line)["error"] is None
        for pair, line in zip(sorted(FAILS | FALLBACK | WORKS | NEVER_RUNS), answers, strict=True)
    }
    assert {pair for pair, works in outcome.items() if not works} == FAILS | NEVER_RUNS
    loaded = subprocess.run(
        ["node", "-r", str(pnp / ".pnp.cjs"), "-e", "require('lazy')"], cwd=pnp, capture_output=True, check=False
    )
    assert loaded.returncode == 0, loaded.stderr  # the helper is never called: nothing throws
    errors = {pair for pair, severity in predicted.items() if severity == "error"}
    assert errors == FAILS  # exactly what fails is named as an error
    assert all(outcome[pair] for pair in FALLBACK | WORKS)


def test_migrate_command_to_yarn_pnp(projects: tuple[Path, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nmdoctor.cli.main import main

    npm, _ = projects
    runner = CliRunner()
    answered = runner.invoke(main, ["migrate", str(npm), "--to", "yarn-pnp", "--json"])
    assert answered.exit_code == 1, answered.output
    document = json.loads(answered.output)
    assert document["summary"]["error"] == 3
    refused = runner.invoke(main, ["migrate", str(npm), "--to", "yarn-pnp", "--materialize", str(tmp_path / "x")])
    assert refused.exit_code == 2
