"""unresolvable-import in a test file jest or vitest runs under pnpm's isolated layout (field batch
23, 2026-12-07): pnpm's shim in node_modules/.bin puts node_modules/.pnpm/node_modules on NODE_PATH;
jest-resolve adds the folders of NODE_PATH to every lookup (`nodePaths` from process.env.NODE_PATH,
jest 26 to 30), and vitest gives each test module node's `require` (`require: createRequire(href)`,
vite-node and vitest's module runner), which reads NODE_PATH. A package only pnpm's hidden hoisting
holds is then found when a script starts the runner: it works by accident, a warning."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/app/node_modules/.pnpm"
RUNTIME = f"{STORE}/regenerator-runtime@0.13.7/node_modules/regenerator-runtime"


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=["unresolvable-import"]) if item.from_]


def _tree(
    scripts: dict[str, str],
    test_file: str = "functional_tests/identify.test.ts",
    code: str = "import 'regenerator-runtime/runtime';\n",
    runner: str = "jest",
) -> dict[str, object]:
    """posthog-js's packages/browser: `jest functional_tests` runs identify.test.ts, which imports
    regenerator-runtime/runtime, undeclared, held only by pnpm's hidden hoisting."""
    return {
        "/app/package.json": {
            "name": "browser",
            "version": "1.0.0",
            "scripts": scripts,
            "devDependencies": {runner: "29.7.0"},
        },
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/jest": symlink(".pnpm/jest@29.7.0/node_modules/jest"),
        f"{STORE}/jest@29.7.0/node_modules/jest/package.json": {"name": "jest", "version": "29.7.0"},
        f"{RUNTIME}/package.json": {"name": "regenerator-runtime", "version": "0.13.7"},
        f"{STORE}/node_modules/regenerator-runtime": symlink(
            "../regenerator-runtime@0.13.7/node_modules/regenerator-runtime"
        ),
        f"/app/{test_file}": code,
    }


def test_a_test_jest_runs_finds_a_hidden_hoisted_package_through_node_path() -> None:
    [finding] = findings(_tree({"test:functional": "jest functional_tests"}))
    assert finding.severity is Severity.WARNING
    assert "the script `test:functional` runs this test with jest" in finding.message
    assert finding.fix is not None and "regenerator-runtime" in finding.fix


def test_it_stays_an_error_where_jest_does_not_run_it() -> None:
    for tree in (
        _tree({"test": "vitest run"}),  # vite's resolver does not read NODE_PATH
        _tree({"test": "jest"}, test_file="functional_tests/helpers.ts"),  # not a test file: a build may bundle it
        {**_tree({"test": "jest"}), "/app/.npmrc": "extend-node-path=false\n"},  # the shims set no NODE_PATH
    ):
        [finding] = findings(tree)
        assert finding.severity is Severity.ERROR


def test_a_require_in_a_test_vitest_runs_reads_node_path() -> None:
    """vanilla-extract's packages/integration: `require.resolve('@fixtures/sprinkles')` in a test the
    root's `vitest run` runs; the workspace is not declared, and pnpm hoists it to
    node_modules/.pnpm/node_modules. An `import` of it goes through vite's resolver and fails."""
    code = "const file = require.resolve('regenerator-runtime');\n"
    [finding] = findings(_tree({"test:unit": "vitest run"}, code=code, runner="vitest"))
    assert finding.severity is Severity.WARNING
    assert "runs this test with vitest" in finding.message
    [finding] = findings(_tree({"test:unit": "vitest run"}, runner="vitest"))
    assert finding.severity is Severity.ERROR


def test_a_makefile_recipe_that_starts_jest_through_pnpm_counts_as_a_script() -> None:
    """nivo (field batch 29): no package.json script names jest; its Makefile's `pkg-test-%:` recipe
    runs `pnpm jest -c ./packages/jest.config.js ... ./packages/${*}/tests`. `pnpm jest` runs the
    shim in node_modules/.bin (pnpm's cmd-shim writes NODE_PATH into it), so packages/axes's
    compute.test.tsx finds d3-scale through NODE_PATH, as a package.json script would. A bare `jest`
    in a recipe is whatever make finds on PATH, not the shim: still an error."""
    tree = {**_tree({}), "/app/Makefile": "pkg-test-%: ## run tests\n\t@export A=1; pnpm jest -c jest.config.js\n"}
    [finding] = findings(tree)
    assert finding.severity is Severity.WARNING
    assert "`make pkg-test-%` runs this test with jest" in finding.message
    bare = {**_tree({}), "/app/Makefile": "test:\n\tjest --ci\n"}
    [finding] = findings(bare)
    assert finding.severity is Severity.ERROR
