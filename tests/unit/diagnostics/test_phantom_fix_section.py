"""phantom-dependency's fix names the section a declaration belongs in: files only a build tool
loads take devDependencies, the app's own code dependencies. Electron Forge's webpack templates
(electron/forge packages/template/webpack-typescript/tmpl) keep webpack's rules and plugins in
`webpack.rules.ts` and `webpack.plugins.ts`, which only `webpack.main.config.ts` imports; a run that
told the user to add webpack to devDependencies for one file and to dependencies for the next (check
batch 21, an Electron Forge app) gave two fixes that contradict each other."""

from __future__ import annotations

import pytest

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

TREE: dict[str, object] = {
    "/app/package.json": {
        "name": "app",
        "version": "1.0.0",
        "devDependencies": {"@electron-forge/plugin-webpack": "^7.8.3"},
    },
    "/app/node_modules/@electron-forge/plugin-webpack/package.json": {
        "name": "@electron-forge/plugin-webpack",
        "version": "7.8.3",
        "dependencies": {"webpack": "^5.69.1"},
    },
    "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.100.0"},
}


def _fixes(files: dict[str, str]) -> dict[str, str | None]:
    fs = MemoryFS.from_mapping({**TREE, **files})
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"])
    return {item.from_ or "": item.fix for item in found}


@pytest.mark.parametrize(
    "path",
    [
        "webpack.plugins.ts",
        "webpack.rules.ts",
        "config/webpack/webpack.plugins.ts",
        "webpack.common.js",
        "webpack.prod.cjs",
        "jest.setup.ts",
        "gulpfile.js",
        "Gruntfile.js",
    ],
)
def test_a_file_named_after_the_build_tool_that_loads_it_takes_dev_dependencies(path: str) -> None:
    fixes = _fixes({f"/app/{path}": "import webpack from 'webpack';\nexport const p = [webpack.DefinePlugin];\n"})
    assert fixes == {path: 'add "webpack": "^5.100.0" to devDependencies in package.json'}


def test_the_apps_own_code_still_takes_dependencies() -> None:
    fixes = _fixes(
        {
            "/app/src/main.ts": "import webpack from 'webpack';\nwebpack({});\n",
            "/app/src/webpack.ts": "import webpack from 'webpack';\nwebpack({});\n",
        }
    )
    assert fixes == {
        "src/main.ts": 'add "webpack": "^5.100.0" to dependencies in package.json',
        "src/webpack.ts": 'add "webpack": "^5.100.0" to dependencies in package.json',
    }


@pytest.mark.parametrize("path", ["bench/index.js", "benchmarks/parse.ts", "packages/x/benchmark/run.js"])
def test_a_benchmark_takes_dev_dependencies(path: str) -> None:
    """A benchmark folder is run by the developers, never by the package's users: node-postgres's
    packages/pg-native/bench/index.js requires `pg`, which pg-native's published files (index.js,
    lib, esm: npm packs only its `files`) never load; declaring pg in its dependencies would make
    every install of pg-native pull pg (npm's docs: devDependencies are for what only development
    needs)."""
    fixes = _fixes({f"/app/{path}": "const webpack = require('webpack');\nwebpack({});\n"})
    assert fixes == {path: 'add "webpack": "^5.100.0" to devDependencies in package.json'}
