"""An installed package's undeclared require that the project's own dependency answers works in
every node_modules layout, pnpm's isolated one included (the project's node_modules lies above the
store): the warning says it breaks where the package is installed without it, not "under pnpm's
isolated layout" (fresh-install batch 13: typedoc-vitepress-theme 1.1.3 requires typedoc, which
modelcontextprotocol/typescript-sdk's root declares, on a pnpm 10.26.1 isolated install where it
resolves)."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS


def test_the_projects_own_copy_is_named_as_such() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": {
                "name": "app",
                "version": "1.0.0",
                "devDependencies": {"typedoc": "^0.28", "typedoc-vitepress-theme": "^1.1", "markdown-table": "^3"},
            },
            "/app/node_modules/.package-lock.json": {},
            "/app/node_modules/typedoc/package.json": {"name": "typedoc", "version": "0.28.18"},
            "/app/node_modules/typedoc-vitepress-theme/package.json": {
                "name": "typedoc-vitepress-theme",
                "version": "1.1.3",
                "main": "index.js",
            },
            "/app/node_modules/typedoc-vitepress-theme/index.js": (
                "const { ParameterType } = require('typedoc');\nconst chalk = require('chalk');\n"
                "module.exports = { ParameterType, chalk };\n"
            ),
            # chalk: another package's dependency, hoisted; the project does not declare it
            "/app/node_modules/markdown-table/package.json": {
                "name": "markdown-table",
                "version": "3.0.4",
                "dependencies": {"chalk": "^4"},
            },
            "/app/node_modules/chalk/package.json": {"name": "chalk", "version": "4.1.2"},
        }
    )
    graph = read_installed_tree(fs, "/app")
    found = {
        item.request: item.message
        for item in run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"])
    }
    assert found == {
        "typedoc": "`typedoc-vitepress-theme@1.1.3` requires `typedoc` but does not declare it; it resolves only "
        "from node_modules/typedoc (the project declares it, and every node_modules layout puts the project's own "
        "dependencies above the package; it breaks where the package is installed without it)",
        "chalk": "`typedoc-vitepress-theme@1.1.3` requires `chalk` but does not declare it; it resolves only from "
        "node_modules/chalk (breaks under pnpm's isolated layout)",
    }
