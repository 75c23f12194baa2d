"""Version overrides under the real managers: npm ``overrides``, ``pnpm.overrides`` and yarn
``resolutions`` make the manager install a version outside a dependent's declared range on purpose.
After such an install, ``check``, ``check --lockfile`` and ``verify`` report no mismatch, as the
managers' own listings do (seen on a real project: hackathon-starter overrides ``fetch-blob`` with a
git fork, and drew two false version-mismatch errors).

The registry holds ``inner`` 1.0.0 and 2.0.0 and ``old-user``, which declares ``inner@^1.0.0``; the
project overrides ``inner`` to 2.0.0 everywhere (the root declares it too), or, for npm, under
``old-user`` only (nested: nmdoctor does not judge that edge).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.overrides import project_overrides
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, tools_available
from tests.installs.registry import Registry
from tests.installs.test_lockfile_fidelity import _lock, _not_info

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "inner", "version": "2.0.0"},
    {"name": "old-user", "version": "1.0.0", "dependencies": {"inner": "^1.0.0"}},
]
DEPENDENCIES = {"old-user": "1.0.0", "inner": "2.0.0"}
CASES = {
    "npm-hoisted": {"overrides": {"inner": "2.0.0"}},
    "npm-nested-override": {"overrides": {"old-user": {"inner": "2.0.0"}}},
    "pnpm-isolated": {"pnpm": {"overrides": {"inner": "2.0.0"}}},
    "pnpm-resolutions": {"resolutions": {"inner": "2.0.0"}},  # pnpm reads yarn's field too
    # a selector whose range holds `>=`: pnpm's `>` between parent and child is one that follows
    # neither a space, `|` nor `@` (kysely-org/kysely's pnpm-workspace.yaml: 5 false mismatches)
    "pnpm-ranged-selector": {"pnpm": {"overrides": {"inner@>=1.0.0 <2.0.0": "2.0.0"}}},
    "yarn-classic": {"resolutions": {"inner": "2.0.0"}},
    "yarn-berry-nm": {"resolutions": {"inner": "2.0.0"}},
}
# npm does not read yarn's field (vendure's package-lock.json project sets `resolutions`): old-user
# keeps inner 1.0.0, which its ^1.0.0 admits; judged by the ignored field it was a false mismatch.
IGNORED = {"npm-ignores-resolutions": {"resolutions": {"inner": "2.0.0"}}}
MODES = {
    "npm-nested-override": "npm-hoisted",
    "pnpm-resolutions": "pnpm-isolated",
    "pnpm-ranged-selector": "pnpm-isolated",
    "npm-ignores-resolutions": "npm-hoisted",
}


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("overrides").resolve()
    done = {}
    with Registry(PACKAGES) as registry:
        for case, settings in {**CASES, **IGNORED}.items():
            mode = MODES.get(case, case)
            manifest = {"name": "app", "version": "1.0.0", "dependencies": DEPENDENCIES, **settings}
            done[case] = install(manifest, {"index.js": "require('old-user');\n"}, mode, registry.url, root / case)
    return done


@pytest.mark.parametrize("case", CASES)
def test_an_overridden_version_is_not_a_mismatch(installs: dict[str, Path], case: str) -> None:
    project = installs[case]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    # the manager did install 2.0.0 for old-user, outside its declared ^1.0.0
    edge = next(item for item in graph.edges if item.source.name == "old-user" and item.name == "inner")
    assert edge.target is not None and edge.target.version == "2.0.0" and edge.spec == "^1.0.0"
    lock = _lock(project, graph)
    assert _not_info(verify_tree(graph, lock, overrides=project_overrides(fs, str(project), layout=graph.layout))) == []
    assert _not_info(check(graph, fs=fs, lockfile=lock)) == []
    assert _not_info(check(load_graph(str(project), from_lockfile=True), fs=fs)) == []


def test_a_field_the_manager_does_not_read_is_not_an_override(installs: dict[str, Path]) -> None:
    project = installs["npm-ignores-resolutions"]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    edge = next(item for item in graph.edges if item.source.name == "old-user" and item.name == "inner")
    assert edge.target is not None and edge.target.version == "1.0.0"  # npm left it alone
    lock = _lock(project, graph)
    assert _not_info(verify_tree(graph, lock, overrides=project_overrides(fs, str(project), layout=graph.layout))) == []
    assert _not_info(check(graph, fs=fs, lockfile=lock)) == []
    assert _not_info(check(load_graph(str(project), from_lockfile=True), fs=fs)) == []


@pytest.mark.parametrize("case", ["npm-hoisted", "npm-nested-override"])
def test_npm_itself_lists_the_overridden_tree_as_valid(installs: dict[str, Path], case: str) -> None:
    """The ground truth for "not a mismatch": `npm ls --all` exits 0 (it exits 1 on an invalid edge)."""
    npm = TOOLS / ".bin" / "npm"
    command = [str(npm)] if npm.exists() else ["npm"]
    done = subprocess.run([*command, "ls", "--all"], cwd=installs[case], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "inner@2.0.0" in done.stdout


def test_without_the_override_the_same_tree_is_a_mismatch(installs: dict[str, Path]) -> None:
    """The control: the same installed tree, judged with no overrides, has the mismatch."""
    from nmdoctor.inspect.overrides import Overrides

    project = installs["npm-hoisted"]
    graph = load_project(str(project))
    findings = verify_tree(graph, _lock(project, graph), overrides=Overrides())
    assert [item.code for item in findings if item.severity.value == "error"] == ["version-mismatch"]
