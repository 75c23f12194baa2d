"""unresolvable-import in files nothing here runs (field batch 23, 2026-12-07): a rollup config
no script runs with rollup, and the code files of a workspace whose every script is a linter."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

CODES = ["phantom-dependency", "unresolvable-import"]


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


def _rollup_tree(scripts: dict[str, str], root_scripts: dict[str, str] | None = None) -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "mono",
            "version": "1.0.0",
            "private": True,
            "workspaces": ["packages/*"],
            "scripts": root_scripts or {"build": "turbo run build"},
            "devDependencies": {"rollup": "^4.0.0"},
        },
        "/app/node_modules/rollup/package.json": {"name": "rollup", "version": "4.53.3"},
        "/app/packages/rec/package.json": {
            "name": "rec",
            "version": "1.0.0",
            "main": "dist/index.js",
            "scripts": scripts,
        },
        "/app/packages/rec/rollup.config.js": "import typescript from 'rollup-plugin-typescript2';\n"
        "export default { plugins: [typescript()] };\n",
        "/app/packages/rec/vite.config.ts": "export default { build: { rollupOptions: {} } };\n",
    }


def test_a_rollup_config_no_script_runs_is_a_note() -> None:
    """posthog-js's packages/rrweb/rrweb: a rollup.config.js left from upstream rrweb, its plugins
    installed nowhere, in a package built with `vite build`; rollup is in the tree for other
    packages. Only rollup's CLI (`rollup -c`) reads a config file: nothing here runs it."""
    found = {(item.request, item.severity) for item in findings(_rollup_tree({"build": "vite build"}))}
    assert found == {("rollup-plugin-typescript2", Severity.INFO)}
    # a CI step's comment that names a rollup config (posthog-js's library-ci.yml) runs nothing
    workflow = {"/app/.github/workflows/ci.yml": "    - run: git diff --exit-code # see rollup.config.js\n"}
    found = {(item.request, item.severity) for item in findings({**_rollup_tree({"build": "vite build"}), **workflow})}
    assert found == {("rollup-plugin-typescript2", Severity.INFO)}


def test_a_rollup_config_stays_an_error_where_rollup_runs_it() -> None:
    for tree in (
        _rollup_tree({"build": "rollup -c"}),
        _rollup_tree({"build": "vite build"}, root_scripts={"build:rec": "cd packages/rec && rollup -c"}),
        _rollup_tree({"build": "node build.mjs --config rollup.config.js"}),
        {
            **_rollup_tree({"build": "node build.mjs"}),
            "/app/packages/rec/build.mjs": "import c from './rollup.config.js';\n",
        },
        {  # a build script that spawns rollup's CLI, which reads the config by its default name
            **_rollup_tree({"build": "node scripts/build.js"}),
            "/app/packages/rec/scripts/build.js": "require('child_process').execSync('rollup -c');\n",
        },
    ):
        found = {(item.request, item.severity) for item in findings(tree)}
        assert found == {("rollup-plugin-typescript2", Severity.ERROR)}


def _example_tree(example: dict[str, object]) -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "graphql-eslint",
            "version": "1.0.0",
            "private": True,
            "workspaces": ["examples/*"],
            "devDependencies": {"eslint": "^9.0.0"},
        },
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": "9.22.0"},
        "/app/examples/multi/package.json": example,
        "/app/examples/multi/query.first-project.js": "import { gql } from 'graphql-tag';\n",
        "/app/examples/multi/graphql.config.ts": (
            "import { load } from 'graphql-config-loader';\nexport default load();\n"
        ),
    }


_LINTED = {"name": "example-multi", "version": "0.0.0", "private": True, "scripts": {"lint": "eslint --cache ."}}


def test_code_of_a_workspace_that_only_lints_is_a_note() -> None:
    """graphql-eslint's examples/multiple-projects-graphql-config: a private workspace whose only
    script is `eslint --cache .` and which has no entry point; its query files are what the
    example lints, never run. Its config (graphql.config.ts, loaded by the eslint plugin) stays an
    error."""
    found = {(item.from_, item.severity) for item in findings(_example_tree(_LINTED))}
    assert found == {
        ("examples/multi/query.first-project.js", Severity.INFO),
        ("examples/multi/graphql.config.ts", Severity.ERROR),
    }


def test_code_of_a_workspace_that_runs_or_exports_it_stays_an_error() -> None:
    for example in (
        {**_LINTED, "scripts": {"lint": "eslint .", "start": "node query.first-project.js"}},
        {**_LINTED, "scripts": {"check": "eslint . && node query.first-project.js"}},
        {**_LINTED, "main": "query.first-project.js"},
        {**_LINTED, "private": False},
        {**_LINTED, "scripts": {}},
    ):
        found = {(item.from_, item.severity) for item in findings(_example_tree(example))}
        assert ("examples/multi/query.first-project.js", Severity.ERROR) in found, example

    # a workspace another package depends on: `require('example-multi')` loads its index.js, no `main` needed
    tree = _example_tree(_LINTED)
    tree["/app/package.json"]["dependencies"] = {"example-multi": "*"}  # type: ignore[index]
    tree["/app/node_modules/example-multi"] = symlink("../examples/multi")
    found = {(item.from_, item.severity) for item in findings(tree)}
    assert ("examples/multi/query.first-project.js", Severity.ERROR) in found
