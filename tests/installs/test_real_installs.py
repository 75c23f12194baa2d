"""Trees and lockfiles written by the real npm, pnpm, yarn 1 and yarn 4 (pinned in tests/node_tools),
installed from a loopback registry: the models nmdoctor reads, the edges against real node, the
findings of check, and migrate's predictions against the real pnpm install."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.lockfiles.to_graph import lockfile_graph
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import MODES, Installs, install, new_pnpm_ready, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]


# pnpm 12.26.0 (the npm registry's `latest` on 2026-12-06) beside pnpm 10.34.8: the same trees,
# lockfiles and findings; skipped where tests/node_tools/pnpm12 or node 24 is not installed.
PNPM12 = "pnpm12-isolated"
ALL_MODES = [*MODES, PNPM12]


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    root = tmp_path_factory.mktemp("installs").resolve()
    done = Installs()
    with Registry(PACKAGES) as registry:
        for project_name, (manifest, files) in PROJECTS.items():
            for mode in [*MODES, *([PNPM12] if new_pnpm_ready(PNPM12) else [])]:
                done[(project_name, mode)] = install(
                    manifest, files, mode, registry.url, root / f"{project_name}-{mode}"
                )
    return done


def _codes(project: Path) -> list[tuple[str, str | None]]:
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    return sorted(
        (finding.code, finding.request) for finding in check(graph, fs=fs) if finding.severity.value != "info"
    )


EXPECTED_LAYOUT = {
    "npm-hoisted": "npm-hoisted",
    "npm-nested": "npm-nested",
    "npm-linked": "npm-linked",
    "pnpm-isolated": "pnpm-isolated",
    "pnpm-hoisted": "pnpm-hoisted",
    "pnpm-shamefully-hoist": "pnpm-isolated",
    PNPM12: "pnpm-isolated",
    "yarn-classic": "yarn-classic",
    "yarn-berry-nm": "yarn-berry-nm",
    "yarn-berry-pnpm": "yarn-berry-pnpm",
}


@pytest.mark.parametrize("mode", ALL_MODES)
def test_layout_is_recognised(installs: dict[tuple[str, str], Path], mode: str) -> None:
    assert load_project(str(installs[("phantom", mode)])).layout == EXPECTED_LAYOUT[mode]


@pytest.mark.parametrize(
    "mode",
    ["npm-hoisted", "npm-nested", "pnpm-isolated", "pnpm-shamefully-hoist", PNPM12, "yarn-classic", "yarn-berry-nm"],
)
@pytest.mark.parametrize("project_name", list(PROJECTS))
def test_tree_and_lockfile_models_agree(installs: dict[tuple[str, str], Path], mode: str, project_name: str) -> None:
    project = installs[(project_name, mode)]
    fs = DiskFS()
    tree = load_project(str(project), fs=fs)
    lock_path = find_lockfile(fs, str(project), tree.layout)
    assert lock_path is not None
    lock = read_lockfile(fs, lock_path, manifest_json(fs, str(project)))
    from_lock = lockfile_graph(lock, str(project), manifest_json(fs, str(project)))
    if lock.kind.startswith("yarn"):  # yarn.lock records no locations (nor copies): compare name@version
        assert {item.label for item in tree.instances} == {item.label for item in from_lock.instances}
    else:
        assert {(item.label, item.path) for item in tree.instances} == {
            (item.label, item.path) for item in from_lock.instances
        }
    tree_edges = {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in tree.edges}
    lock_edges = {
        (edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in from_lock.edges
    }
    assert tree_edges == lock_edges


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("project_name", list(PROJECTS))
def test_edges_agree_with_node(installs: dict[tuple[str, str], Path], mode: str, project_name: str) -> None:
    graph = load_project(str(installs[(project_name, mode)]))
    queries = [{"from": f"{edge.source.path}/noop.js", "request": f"{edge.name}/package.json"} for edge in graph.edges]
    script = (
        "const {createRequire}=require('module');const path=require('path');"
        "const qs=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "console.log(JSON.stringify(qs.map(q=>{try{return path.dirname(createRequire(q.from).resolve(q.request))}"
        "catch(e){return null}})))"
    )
    answers = json.loads(
        subprocess.run(
            ["node", "-e", script], input=json.dumps(queries), capture_output=True, text=True, check=True
        ).stdout
    )
    ours = [edge.target.path if edge.target else None for edge in graph.edges]
    assert ours == answers


# What check reports on each real install (errors and warnings), and why:
EXPECTED_FINDINGS = {
    # d is a's dependency: hoisted to the top by npm (hoisted), yarn and pnpm's hoisted modes, it
    # resolves from the app's code (a phantom); nested npm and isolated pnpm keep it under a.
    "phantom": {
        "npm-hoisted": [("phantom-dependency", "d")],
        "npm-nested": [("unresolvable-import", "d")],
        "npm-linked": [("unresolvable-import", "d")],
        "pnpm-isolated": [("unresolvable-import", "d")],
        "pnpm-hoisted": [("phantom-dependency", "d")],
        "pnpm-shamefully-hoist": [("phantom-dependency", "d")],
        PNPM12: [("unresolvable-import", "d")],
        "yarn-classic": [("phantom-dependency", "d")],
        "yarn-berry-nm": [("phantom-dependency", "d")],
        "yarn-berry-pnpm": [("unresolvable-import", "d")],
    },
    # builder's webpack config names css-loader by string; webpack looks from the app's folder: it
    # fails where css-loader stays under builder, and finds it only through hoisting (the app does
    # not declare it: a phantom) where it is hoisted to the top.
    "wrapper": {
        "npm-hoisted": [("phantom-dependency", "css-loader")],
        "npm-nested": [("string-module-reference", "css-loader")],
        "npm-linked": [("string-module-reference", "css-loader")],
        "pnpm-isolated": [("string-module-reference", "css-loader")],
        "pnpm-hoisted": [("phantom-dependency", "css-loader")],
        "pnpm-shamefully-hoist": [("phantom-dependency", "css-loader")],
        PNPM12: [("string-module-reference", "css-loader")],
        "yarn-classic": [("phantom-dependency", "css-loader")],
        "yarn-berry-nm": [("phantom-dependency", "css-loader")],
        "yarn-berry-pnpm": [("string-module-reference", "css-loader")],
    },
    # lodash@3 takes the top slot; ui and charts each get a copy of lodash@4, except in the isolated
    # stores of pnpm and npm's linked strategy (one folder per version).
    "dopple": {
        "npm-hoisted": [("doppelganger", None)],
        "npm-nested": [("doppelganger", None)],
        "npm-linked": [],
        "pnpm-isolated": [],
        "pnpm-hoisted": [("doppelganger", None)],
        "pnpm-shamefully-hoist": [],
        PNPM12: [],
        "yarn-classic": [("doppelganger", None)],
        "yarn-berry-nm": [("doppelganger", None)],
        "yarn-berry-pnpm": [],
    },
    "clean": {mode: [] for mode in ALL_MODES},
}


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("project_name", list(PROJECTS))
def test_check_findings_on_real_installs(installs: dict[tuple[str, str], Path], mode: str, project_name: str) -> None:
    assert _codes(installs[(project_name, mode)]) == EXPECTED_FINDINGS[project_name][mode]


@pytest.mark.parametrize("pnpm_mode", ["pnpm-isolated", PNPM12])
@pytest.mark.parametrize("project_name", ["phantom", "wrapper", "dopple", "clean"])
def test_migrate_from_npm_predicts_real_pnpm(
    installs: dict[tuple[str, str], Path], project_name: str, pnpm_mode: str
) -> None:
    fs = DiskFS()
    npm_tree = load_project(str(installs[(project_name, "npm-hoisted")]), fs=fs)
    predicted = sorted(
        (finding.code, finding.request)
        for finding in migrate(npm_tree, fs, "pnpm").findings
        if finding.severity.value == "error"
    )
    actual = [item for item in _codes(installs[(project_name, pnpm_mode)]) if item[0] != "doppelganger"]
    assert predicted == actual


def test_verify_passes_on_every_fresh_install(installs: dict[tuple[str, str], Path]) -> None:
    from nmdoctor.inspect.verify import verify_tree

    fs = DiskFS()
    for (project_name, mode), project in installs.items():
        graph = load_project(str(project), fs=fs)
        lock_path = find_lockfile(fs, str(project), graph.layout)
        if lock_path is None:
            continue
        lock = read_lockfile(fs, lock_path, manifest_json(fs, str(project)))
        errors = [finding.message for finding in verify_tree(graph, lock) if finding.severity.value == "error"]
        assert errors == [], (project_name, mode)


BREAKING = ("missing-dependency", "unresolvable-import", "string-module-reference")


@pytest.mark.parametrize(("target", "mode"), [("npm-linked", "npm-linked"), ("pnpm-hoisted", "pnpm-hoisted")])
@pytest.mark.parametrize("project_name", ["phantom", "wrapper", "dopple", "clean"])
def test_migrate_from_npm_predicts_what_breaks_in_the_real_install(
    installs: dict[tuple[str, str], Path], target: str, mode: str, project_name: str
) -> None:
    fs = DiskFS()
    npm_tree = load_project(str(installs[(project_name, "npm-hoisted")]), fs=fs)
    result = migrate(npm_tree, fs, target)
    assert result.target_layout == mode
    predicted = sorted((item.code, item.request) for item in result.findings if item.severity.value == "error")
    actual = [item for item in _codes(installs[(project_name, mode)]) if item[0] in BREAKING]
    assert predicted == actual


@pytest.mark.parametrize("project_name", ["phantom", "wrapper", "dopple", "clean"])
def test_migrate_to_npm_linked_names_store_folders_as_npm_does(
    installs: dict[tuple[str, str], Path], project_name: str
) -> None:
    """Planned from the npm (hoisted) install, whose lockfile records the test registry's URLs:
    the .store folders npm's linked strategy writes for the same project, hashes included."""
    fs = DiskFS()
    source = installs[(project_name, "npm-hoisted")]
    assert '"resolved": "http://127.0.0.1:' in (source / "package-lock.json").read_text()
    result = migrate(load_project(str(source), fs=fs), fs, "npm-linked")
    planned = sorted(result.plan.fs.listdir(f"{source}/node_modules/.store"))
    real = sorted(path.name for path in (installs[(project_name, "npm-linked")] / "node_modules/.store").iterdir())
    assert planned == real
