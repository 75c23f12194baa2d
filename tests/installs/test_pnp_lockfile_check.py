"""``check`` of a Yarn Plug'n'Play project from its lockfile alone (a fresh clone: no ``.pnp.cjs``)
against the real yarn 4 PnP install of the same project: the runtime state planned from the
lockfile resolves each workspace's requests as node does under the real ``.pnp.cjs``, and the
findings about the project's own imports are those of the installed project, under both
``pnpFallbackMode: dependencies-only`` (yarn's default) and ``all``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.linkers.pnp import plan_pnp_state
from nmdoctor.project.session import load_graph
from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.node.pnp import PnpResolver
from nmdoctor.resolve.node.pnp_state import read_pnp_state
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.pnpfs import PnpFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, tools_available
from tests.installs.registry import Registry
from tests.installs.test_pnp_runtime import ORACLE, install_pnp

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
    pytest.mark.skipif(not (TOOLS / "@yarnpkg" / "cli-dist").exists(), reason="tests/node_tools installed"),
]

PACKAGES: list[dict[str, Any]] = [
    {"name": "a", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}},
    {"name": "b", "version": "1.0.0", "dependencies": {"c": "^2.0.0"}},
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0"},
    {"name": "top", "version": "1.0.0"},
    {"name": "only-w", "version": "1.0.0"},
]
PROJECT = {
    "name": "app",
    "version": "1.0.0",
    "private": True,
    "workspaces": ["packages/*"],
    "dependencies": {"a": "^1.0.0", "top": "^1.0.0"},
    "devDependencies": {"b": "^1.0.0"},
}
WORKSPACE = {"name": "w", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "only-w": "^1.0.0"}}
FILES = {
    "src/index.js": "require('a');\nrequire('b');\nrequire('c');\nrequire('only-w');\nrequire('nope');\n",
    "packages/w/package.json": json.dumps(WORKSPACE),
    "packages/w/index.js": "require('a');\nrequire('top');\nrequire('c');\nrequire('b');\nrequire('w');\n",
}
NAMES = ["a", "b", "c", "top", "only-w", "w", "app", "nope"]


@pytest.fixture(scope="module", params=["dependencies-only", "all"])
def install(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    mode = request.param
    root = tmp_path_factory.mktemp(f"pnp-lockfile-{mode}").resolve()
    with Registry(PACKAGES) as registry:
        project = install_pnp(PROJECT, FILES, {"pnpFallbackMode": mode}, registry.url, root / "app")
    return project, mode


def _oracle(project: Path, queries: list[tuple[str, str]], scratch: Path) -> list[bool]:
    batch = scratch / "queries.jsonl"
    batch.write_text(
        "".join(
            json.dumps({"id": index, "from": f"{folder}/", "request": name}) + "\n"
            for index, (folder, name) in enumerate(queries)
        )
    )
    answers = subprocess.run(
        ["node", "-r", str(project / ".pnp.cjs"), str(ORACLE), str(batch)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    return [json.loads(line)["error"] is None for line in answers]


def _locator(resolver: PnpResolver, folder: str, name: str) -> tuple[str | None, str | None] | None:
    try:
        found = resolver.resolve_to_unqualified(name, folder + "/")
    except ResolutionError:
        return None
    locator = resolver.find_package_locator(found) if found is not None else None
    if locator is None:
        return None
    reference = str(locator.reference)
    return locator.name, reference.rsplit("#", 1)[-1]  # a virtual package: the package it stands for


def test_the_planned_state_resolves_as_the_real_runtime(install: tuple[Path, str], tmp_path: Path) -> None:
    project, mode = install
    disk = DiskFS()
    graph = load_graph(disk, str(project), from_lockfile=True)
    assert graph.layout == "yarn-berry-pnp"
    planned = PnpResolver(plan_pnp_state(graph, mode), PnpFS(disk))
    real = PnpResolver(read_pnp_state(disk, str(project)), PnpFS(disk))
    folders = [str(project), f"{project}/src", f"{project}/packages/w"]
    queries = [(folder, name) for folder in folders for name in NAMES]
    resolves = _oracle(project, [(folder, f"{name}/package.json") for folder, name in queries], tmp_path)
    for (folder, name), works in zip(queries, resolves, strict=True):
        expected = _locator(real, folder, name)
        assert (expected is not None) == works, (folder, name)  # nmdoctor's reading of .pnp.cjs, checked
        assert _locator(planned, folder, name) == expected, (mode, folder, name)


def _own_findings(arguments: list[str]) -> list[dict[str, Any]]:
    answered = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *arguments])
    assert answered.exit_code in (0, 1), answered.output
    document = json.loads(answered.output)
    return sorted(
        (
            {key: item.get(key) for key in ("code", "severity", "message", "from", "line", "fix")}
            for item in document["findings"]
            if item["code"] in ("phantom-dependency", "unresolvable-import")
            and not str(item.get("from") or "").startswith(".yarn/")
        ),
        key=lambda item: (item["from"] or "", item["line"] or 0, item["code"]),
    )


def test_check_from_the_lockfile_matches_the_install(install: tuple[Path, str], tmp_path: Path) -> None:
    project, mode = install
    installed = _own_findings([str(project)])
    fresh = tmp_path / "clone"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".yarn", ".pnp.*", "node_modules"))
    from_lockfile = _own_findings([str(fresh)])
    assert from_lockfile == installed
    assert _own_findings(["--lockfile", str(project)]) == installed
    errors = {(item["from"], item["line"]) for item in installed if item["severity"] == "error"}
    # c and only-w from the root, c from w: declared by neither it nor the root (no fallback has
    # them); nope: installed nowhere; top and b from w: only the root declares them, and only
    # `all` lets a workspace fall back to the root's dependencies
    expected = {("src/index.js", 3), ("src/index.js", 4), ("src/index.js", 5), ("packages/w/index.js", 3)}
    if mode == "dependencies-only":
        expected |= {("packages/w/index.js", 2), ("packages/w/index.js", 4)}
    assert errors == expected
