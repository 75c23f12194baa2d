"""phantom-dependency / unresolvable-import on the project's own source: reported only when the
project's config does not answer the import, at error level only when failure is certain."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.diagnostics.rules.undeclared import phantom_in_project
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.sources.config_refs import ConfigRef, Tool, config_refs, expand_name
from nmdoctor.sources.imports import parse_imports
from nmdoctor.sources.webpack_request import split_request
from nmdoctor.vfs import MemoryFS, symlink
from tests.conftest import requires_node

CODES = ["phantom-dependency", "unresolvable-import"]
BASE: dict[str, object] = {
    "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"react": "^18"}},
    "/app/node_modules/react/package.json": {"name": "react", "version": "18.2.0"},
    "/app/node_modules/scheduler/package.json": {"name": "scheduler", "version": "0.23.0"},
}


def findings(extra: dict[str, object], codes: list[str] = CODES) -> list[Finding]:
    fs = MemoryFS.from_mapping({**BASE, **extra})
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=codes) if item.from_]


def test_path_alias_of_the_project_is_not_a_package() -> None:
    tree = {
        "/app/src/index.js": "import Header from 'components/Header';\nimport x from 'utils/request';\n",
        "/app/src/components/Header.js": "",
        "/app/src/utils/request.js": "",
        "/app/jsconfig.json": '{"compilerOptions": {"baseUrl": "src"}}',
    }
    assert findings(tree) == []


def test_unknown_name_is_an_error_whose_fix_installs_nothing() -> None:
    [finding] = findings({"/app/src/index.js": "import x from 'left-padz'; x();\n"})
    assert (finding.code, finding.severity) == ("unresolvable-import", Severity.ERROR)
    assert finding.fix is not None and "npm install" not in finding.fix
    assert "in neither node_modules nor the lockfile" in finding.fix


def test_a_package_the_tree_holds_only_where_node_does_not_look_is_named_with_its_place() -> None:
    """`tiny` is installed only under `react` (a nested copy, as pnpm's hidden hoisting and npm's
    nesting leave them): node does not find it from src/, and the message must not say that nothing
    installs it (the reader would install it again)."""
    tree = {
        "/app/src/index.js": "const t = require('tiny');\n",
        "/app/node_modules/react/node_modules/tiny/package.json": {"name": "tiny", "version": "1.0.0"},
    }
    [finding] = findings(tree)
    assert (finding.code, finding.severity) == ("unresolvable-import", Severity.ERROR)
    assert finding.message == (
        "`tiny` is imported by `app@1.0.0` but `tiny` is not declared, nor installed where node looks from here"
        " (the tree holds it at node_modules/react/node_modules/tiny)"
    )


def test_folder_named_like_the_import_without_config_is_a_note() -> None:
    tree = {"/app/src/index.js": "import x from 'utils/request';\n", "/app/src/utils/request.js": ""}
    [finding] = findings(tree)
    assert finding.severity is Severity.INFO
    assert finding.fix is not None and "src/utils" in finding.fix and "npm install" not in finding.fix


def test_name_in_the_tree_keeps_the_install_fix() -> None:
    tree = {
        "/app/src/index.js": "import x from 'hidden';\n",
        "/app/node_modules/react/node_modules/hidden/package.json": {"name": "hidden", "version": "1.0.0"},
    }
    [finding] = findings(tree)
    assert finding.fix is not None and "npm install hidden" in finding.fix


def test_webpack_request_is_split_into_loaders_and_resource() -> None:
    assert split_request("style-loader!css-loader!./x.css").loaders == ("style-loader", "css-loader")
    assert split_request("!file-loader?name=[name].[ext]!./favicon.ico").loaders == ("file-loader",)
    assert split_request("!!raw-loader!./a") == split_request("raw-loader!./a")
    assert split_request("-!b!./c").loaders == ("b",)
    other = split_request("other.css!=!./loader!./x.css")
    assert (other.loaders, other.resource) == (("./loader",), "./x.css")
    tree = {
        "/app/src/index.js": (
            "import a from '!file-loader?name=[name].[ext]!./favicon.ico';\n"
            "import b from 'other.css!=!./loader!./x.css';\nimport c from '!!raw-loader!./a';\n"
        ),
        "/app/node_modules/file-loader/package.json": {"name": "file-loader", "version": "6.2.0"},
    }
    got = sorted((item.code, item.severity.value, item.message.split("`")[1]) for item in findings(tree))
    # file-loader is installed but not declared (a phantom); raw-loader is nowhere; no "other.css!=!." package
    assert got == [
        ("phantom-dependency", "warning", "file-loader"),
        ("unresolvable-import", "error", "!!raw-loader!./a"),
    ]


@requires_node
def test_guarded_require_is_a_note_and_node_runs_it(tmp_path: Path) -> None:
    source = "let x;\ntry {\n  x = require('optional-thing');\n} catch (e) {\n  x = null;\n}\n"
    (tmp_path / "probe.js").write_text(source)
    subprocess.run(["node", str(tmp_path / "probe.js")], check=True, env={"PATH": os.environ["PATH"]})
    [site] = parse_imports(source.encode(), "probe.js")
    assert site.guarded
    [finding] = findings({"/app/src/probe.js": source})
    assert finding.severity is Severity.INFO and "try block" in finding.message
    [finding] = findings({"/app/src/probe.js": source, "/app/node_modules/optional-thing/package.json": "{}"})
    assert finding.code == "phantom-dependency" and finding.severity is Severity.INFO


def test_types_only_import_covered_by_types_package() -> None:
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"@types/estree": "^1"}},
        "/app/src/a.ts": "import type { Node } from 'estree';\n",
        "/app/src/b.d.ts": "import { Node } from 'estree';\n",
    }
    assert findings(tree) == []


def test_optional_peer_is_declared() -> None:
    tree = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "peerDependenciesMeta": {"scheduler": {"optional": True}},
        },
        "/app/src/a.js": "require('scheduler');\n",
    }
    assert findings(tree) == []


def test_nested_package_owns_its_files() -> None:
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"helper": "file:libs/helper"}},
        "/app/libs/helper/package.json": {"name": "helper", "version": "0.1.0"},
        "/app/libs/helper/index.js": "require('scheduler');\n",
        "/app/libs/plain/package.json": {"type": "module"},  # only a module format: the root owns it
        "/app/libs/plain/x.js": "import 'scheduler';\n",
    }
    got = findings(tree)
    assert sorted((item.from_, item.package.name if item.package else "") for item in got) == [
        ("libs/helper/index.js", "helper"),
        ("libs/plain/x.js", "app"),
    ]
    helper = next(item for item in got if item.from_ == "libs/helper/index.js")
    assert helper.fix is not None and helper.fix.endswith("in libs/helper/package.json")


def test_config_subpaths_name_the_package() -> None:
    refs = config_refs(b'{"extends": ["prettier/react", "plugin:@typescript-eslint/recommended"]}', ".eslintrc")
    assert sorted(ref.module or "" for ref in refs) == ["@typescript-eslint/eslint-plugin", "eslint-config-prettier"]
    assert expand_name("prettier/react", Tool.ESLINT_CONFIG) == "eslint-config-prettier/react"
    assert ConfigRef("@scope/x/y", Tool.ESLINT_CONFIG, 0, 0).module == "@scope/eslint-config-x"
    assert ConfigRef("ts-jest/presets/js-with-ts", Tool.JEST, 0, 0).module == "ts-jest"


def test_jest_setup_files_are_loads() -> None:
    refs = config_refs(
        b"module.exports = {setupFiles: ['raf/polyfill', '<rootDir>/setup.js'], reporters: ['default']};",
        "jest.config.js",
    )
    assert [(ref.name, ref.module) for ref in refs] == [("raf/polyfill", "raf"), ("<rootDir>/setup.js", None)]


def test_unknown_codes_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}')
    (tmp_path / "package-lock.json").write_text(
        '{"name": "x", "version": "1.0.0", "lockfileVersion": 3, "packages": {"": {"name": "x"}}}'
    )
    runner = CliRunner(mix_stderr=False)
    for args in (["--select", "no-such-code"], ["--ignore", "phantom-dependency,nope"]):
        result = runner.invoke(main, ["check", str(tmp_path), *args])
        assert result.exit_code == 2
        assert "unknown code(s)" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / ".nmdoctor.json").write_text('{"ignore": ["typo-code"]}')
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2 and '.nmdoctor.json: "ignore": unknown code(s) typo-code' in result.stderr
    (tmp_path / ".nmdoctor.json").write_text('{"ignore": ["phantom-dependency"]}')
    assert runner.invoke(main, ["check", str(tmp_path)]).exit_code == 0


def test_resolve_explain_names_the_alias_that_decided(tmp_path: Path) -> None:
    (tmp_path / "src" / "utils").mkdir(parents=True)
    (tmp_path / "src" / "utils" / "request.js").write_text("")
    (tmp_path / "src" / "index.js").write_text("")
    (tmp_path / "package.json").write_text('{"name": "x"}')
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}}')
    runner = CliRunner(mix_stderr=False)
    result = runner.invoke(main, ["resolve", "@/utils/request", "--from", str(tmp_path / "src/index.js"), "--explain"])
    assert result.exit_code == 1  # node itself does not read tsconfig
    assert "the project's config maps `@/utils/request` (tsconfig paths in tsconfig.json: `@/*` ->" in result.stdout
    plain = runner.invoke(main, ["resolve", "@/utils/request", "--from", str(tmp_path / "src/index.js")])
    assert "project's config" not in plain.stdout


def test_build_scripts_are_source_unless_gitignored() -> None:
    tree: dict[str, object] = {"/app/build/release.js": "require('scheduler');\n"}
    assert findings(tree) == []  # without a .gitignore, build/ is taken for output
    tree["/app/.gitignore"] = "node_modules\ncoverage/\n"
    [finding] = findings(tree)
    assert finding.from_ == "build/release.js" and finding.fix is not None and "devDependencies" in finding.fix
    tree["/app/.gitignore"] = "node_modules\n/build\n"
    assert findings(tree) == []


def test_workspace_uses_what_the_root_declares() -> None:
    tree = {
        "/app/package.json": {
            "name": "mono",
            "version": "1.0.0",
            "workspaces": ["packages/*"],
            "devDependencies": {"scheduler": "^0.23"},
        },
        "/app/packages/a/package.json": {"name": "a", "version": "1.0.0"},
        "/app/packages/a/src/a.test.js": "import 'scheduler';\nimport 'react';\n",
        "/app/node_modules/a": symlink("../packages/a"),
    }
    got = [(item.code, item.message.split("`")[1]) for item in findings(tree)]
    # scheduler: declared by the root, found in the root's node_modules; react: declared by nobody here
    assert got == [("phantom-dependency", "react")]


def test_missing_optional_peer_is_not_unmet_from_an_npm_lockfile(tmp_path: Path) -> None:
    lock = {
        "name": "x",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "packages": {
            "": {"name": "x", "version": "1.0.0", "dependencies": {"tool": "1.0.0"}},
            "node_modules/tool": {
                "version": "1.0.0",
                "peerDependencies": {"sass": "*", "react": "*"},
                "peerDependenciesMeta": {"sass": {"optional": True}},
            },
        },
    }
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0", "dependencies": {"tool": "1.0.0"}}')
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(tmp_path), "--select", "unmet-peer-dependency", "--format", "json"]
    )
    requests = [item["request"] for item in json.loads(result.stdout)["findings"]]
    assert requests == ["react"]


def test_project_template_is_not_judged_as_the_project() -> None:
    tree = {
        "/app/templates/vue/_package.json": '{"dependencies": {"vue": "^3"}}',
        "/app/templates/vue/src/main.js": "import { createApp } from 'vue';\n",
    }
    assert findings(tree) == []


def test_jest_setup_files_are_judged_like_imports() -> None:
    tree = {
        "/app/jest.config.js": "module.exports = {\n  setupFiles: ['scheduler/polyfill', '<rootDir>/setup.js'],\n};\n",
        "/app/package.json": (
            '{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": {"react": "^18"},\n'
            '  "jest": {\n    "setupFilesAfterEnv": ["react/x", "scheduler"]\n  }\n}\n'
        ),
    }
    first, second = findings(tree)
    assert (second.from_, second.line, second.request) == ("package.json", 6, "scheduler")
    finding = first
    assert (finding.code, finding.from_, finding.line, finding.request) == (
        "phantom-dependency",
        "jest.config.js",
        2,
        "scheduler/polyfill",
    )


def test_a_jest_config_string_nothing_finds_is_reported_once() -> None:
    # string-module-reference reports what the project's jest config names and jest does not find;
    # unresolvable-import reported the same string again, at the same place
    tree = {
        "/app/jest.config.js": "module.exports = {\n  setupFiles: ['jest-canvas-mock'],\n};\n",
        "/app/package.json": (
            '{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": {"react": "^18"},\n'
            '  "jest": {\n    "setupFilesAfterEnv": ["jest-extended"]\n  }\n}\n'
        ),
        "/app/config/jest.config.js": "module.exports = {\n  setupFiles: ['jest-localstorage-mock'],\n};\n",
    }
    found = findings(tree, [*CODES, "string-module-reference"])
    assert sorted((item.code, item.from_, item.line, item.request) for item in found) == [
        ("string-module-reference", "jest.config.js", 2, "jest-canvas-mock"),
        ("string-module-reference", "package.json", 6, "jest-extended"),
        # a config below the project's top is read only as jest's loads
        ("unresolvable-import", "config/jest.config.js", 2, "jest-localstorage-mock"),
    ]


def test_webpack_1_loader_short_names() -> None:
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"style-loader": "^0.13"}},
        "/app/src/index.js": "require('style!./x.css');\n",
    }
    assert findings(tree) == []


def test_test_fixtures_and_codemod_cases_are_notes() -> None:
    """Tests read fixtures as data (``fixtures/`` folders are not read as source at all; a codemod's
    before/after cases, a ``__testfixtures__`` folder): the import may never be loaded, so it is
    undecidable; the same import in code that runs is an error."""
    tree = {
        "/app/src/transforms/rename/basic.input.ts": "import { x } from 'left-padz';\n",
        "/app/src/transforms/rename/basic.output.tsx": "import { y } from 'left-padz';\n",
        "/app/src/__testfixtures__/broken.js": "require('left-padz');\n",
        "/app/test/fixture/missing/index.mjs": "import 'left-padz';\n",
        # svelte's compiler-error cases: compiled expecting the error its _config.js names
        "/app/tests/compiler-errors/samples/store/main.svelte.js": "import { store } from 'left-padz';\n",
        "/app/src/index.js": "require('left-padz');\n",
        "/app/src/samples/demo.js": "require('left-padz');\n",  # not below a test folder
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file.pop("src/index.js") is Severity.ERROR
    assert by_file.pop("src/samples/demo.js") is Severity.ERROR
    assert set(by_file.values()) == {Severity.INFO} and len(by_file) == 5


def test_a_hoisted_import_in_a_codemod_fixture_is_a_note_not_a_phantom_warning() -> None:
    """loadable-components' codemod: jscodeshift's ``defineTest`` reads
    ``__testfixtures__/x.input.js`` and ``x.output.js`` with ``fs.readFileSync``; the output's
    ``@loadable/component`` is never resolved (jest 24 passes the codemod test with that package
    removed from node_modules). What tests read as data is undecidable whether or not the name is
    installed, as unresolvable-import already says; the same import in code that runs stays a warning."""
    tree = {
        "/app/packages/codemod/transforms/__testfixtures__/rename.output.js": "import x from 'scheduler';\n",
        "/app/packages/codemod/transforms/rename.input.js": "import y from 'scheduler';\n",
        "/app/src/index.js": "import z from 'scheduler';\n",
    }
    by_file = {item.from_: (item.code, item.severity, item.message) for item in findings(tree)}
    assert by_file.pop("src/index.js")[:2] == ("phantom-dependency", Severity.WARNING)
    assert {value[:2] for value in by_file.values()} == {("phantom-dependency", Severity.INFO)}
    assert len(by_file) == 2
    assert all("a test fixture, which tests read as data" in value[2] for value in by_file.values())


def test_the_input_of_a_snapshot_test_is_a_note() -> None:
    """prettier's tests/format cases: each folder's format test reads its files and prints them,
    and __snapshots__ beside them holds an entry named after each (`exports[`mobx.js format 1`]`)
    quoting its text;
    a fresh install of prettier/prettier drew 255 false errors from them. A file the snapshots do not
    name, or a folder without snapshots, stays an error."""
    # the snapshot's input section holds the file as it is (its output section, prettier's print)
    snap = "exports[`mobx.js format 1`] = `\n====input====\nimport { observable } from 'mobx';\n`;\n"
    tree = {
        "/app/tests/format/decorator/mobx.js": "import { observable } from 'mobx';\n",
        "/app/tests/format/decorator/format.test.js": "runFormatTest(import.meta, ['babel']);\n",
        "/app/tests/format/decorator/__snapshots__/format.test.js.snap": snap,
        "/app/tests/format/decorator/helper.js": "require('left-padz');\n",
        "/app/tests/format/other/mobx.js": "import { observable } from 'mobx';\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "tests/format/decorator/mobx.js": Severity.INFO,
        "tests/format/decorator/helper.js": Severity.ERROR,
        "tests/format/other/mobx.js": Severity.ERROR,
    }


def test_a_file_the_project_loads_as_text_is_a_note() -> None:
    """react.dev loads its Sandpack sandbox's files with `!raw-loader?esModule=false!./...` and hands
    the text to the in-browser bundler, which resolves `react-refresh/runtime`: nothing here does
    (a fresh install drew a false error). vite's `?raw` is the same. A file imported as code, or
    only through another loader, stays an error."""
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"raw-loader": "^4.0.2"}},
        "/app/node_modules/raw-loader/package.json": {"name": "raw-loader", "version": "4.0.2"},
        "/app/src/template.ts": "const files = {\n"
        "  client: require('!raw-loader?esModule=false!./sandbox/client.js') as string,\n"
        "  worker: require('./sandbox/worker.js?raw'),\n"
        "};\nimport './sandbox/app.js';\n",
        "/app/src/sandbox/client.js": "import RefreshRuntime from 'react-refresh/runtime';\n",
        "/app/src/sandbox/worker.js": "import 'left-padz';\n",
        "/app/src/sandbox/app.js": "import 'left-padz';\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "src/sandbox/client.js": Severity.INFO,
        "src/sandbox/worker.js": Severity.INFO,
        "src/sandbox/app.js": Severity.ERROR,
    }


def test_a_case_below_a_test_suites_samples_folder_is_a_note() -> None:
    """svelte's tests/compiler-errors/samples/<case>/main.svelte.js imports 'somewhere': the suite
    compiles each case expecting the error its _config names. A samples folder outside the tests
    (code the project ships) stays an error."""
    tree = {
        "/app/tests/compiler-errors/samples/store-module/main.svelte.js": "import { store } from 'left-padz';\n",
        "/app/tests/compiler-errors/samples/store-module/_config.js": "export default { error: {} };\n",
        "/app/src/samples/demo.js": "import x from 'left-padz'; x();\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "tests/compiler-errors/samples/store-module/main.svelte.js": Severity.INFO,
        "src/samples/demo.js": Severity.ERROR,
    }


def test_a_case_below_a_test_suites_cases_folder_is_a_note() -> None:
    """webpack's test/cases/**, test/configCases/**, test/statsCases/**: the harness compiles each
    case with its own webpack.config.js (aliases, module federation remotes) or expects an error."""
    tree = {
        "/app/test/configCases/container/circular/index.js": "import a from 'container/a';\n",
        "/app/test/cases/parsing/harmony/index.js": "import { x } from 'exportKinds';\n",
        "/app/test/statsCases/track-returned/index.js": "require('fail1');\n",
        "/app/src/cases/index.js": "import x from 'left-padz'; x();\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file.pop("src/cases/index.js") is Severity.ERROR
    assert set(by_file.values()) == {Severity.INFO} and len(by_file) == 3


def test_an_import_in_a_declaration_file_is_a_warning() -> None:
    """solid-start's landing-page/src/global.d.ts imports lucia, in neither the tree nor the
    lockfile: a declaration file holds types only, nothing runs it; only a type check fails, as for
    an `import type`. The same import in a .ts file that runs stays an error."""
    tree = {
        "/app/src/global.d.ts": "import { Session } from 'left-padz';\nexport type S = Session;\n",
        "/app/src/auth.ts": "import { Session } from 'left-padz'; new Session();\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {"src/global.d.ts": Severity.WARNING, "src/auth.ts": Severity.ERROR}


def test_an_import_in_a_declaration_file_under_skip_lib_check_is_a_note() -> None:
    """pure-admin-thin's types/shims-tsx.d.ts imports compatible-vue, in neither the tree nor the
    lockfile, and its tsconfig.json sets skipLibCheck: tsc 5.5 then reports no TS2307 in any
    declaration file (checked: the same import fails the type check without it), and nothing runs
    one. A tsconfig beside it or above it without skipLibCheck that compiles the file keeps the
    warning; a solution-style one that compiles nothing while its sibling does is passed over."""
    skip = {"compilerOptions": {"skipLibCheck": True}, "include": ["src", "types/*.d.ts"]}
    tree = {
        "/app/tsconfig.json": json.dumps(skip),
        "/app/types/shims.d.ts": "declare module '*.tsx' {\n  import Vue from 'left-padz';\n  export default Vue;\n}\n",
        "/app/src/auth.ts": "import { Session } from 'left-padz'; new Session();\n",
        "/app/packages/a/tsconfig.json": json.dumps({"files": [], "references": [{"path": "./tsconfig.app.json"}]}),
        "/app/packages/a/tsconfig.base.json": json.dumps({"compilerOptions": {"skipLibCheck": True}}),
        "/app/packages/a/tsconfig.app.json": json.dumps({"extends": "./tsconfig.base.json", "include": ["src"]}),
        "/app/packages/a/src/env.d.ts": "import { X } from 'left-padz';\nexport type Y = X;\n",
        "/app/packages/b/tsconfig.json": json.dumps({"include": ["src"]}),
        "/app/packages/b/src/env.d.ts": "import { X } from 'left-padz';\nexport type Y = X;\n",
        "/app/libs/tsconfig.json": json.dumps({"include": ["c/src"]}),
        "/app/libs/c/tsconfig.json": json.dumps(skip | {"include": ["src"]}),
        "/app/libs/c/src/env.d.ts": "import { X } from 'left-padz';\nexport type Y = X;\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "types/shims.d.ts": Severity.INFO,
        "src/auth.ts": Severity.ERROR,
        "packages/a/src/env.d.ts": Severity.INFO,
        "packages/b/src/env.d.ts": Severity.WARNING,
        "libs/c/src/env.d.ts": Severity.WARNING,
    }


def test_a_transforms_input_and_expected_files_are_notes() -> None:
    """A transform's test case: ``input.js`` beside ``expected.js`` below a test folder (onlook's
    test/data/<case>/), both read as text by the test. A lone ``input.tsx`` (a UI component), or
    input and output components outside the tests, are code that runs."""
    tree = {
        "/app/test/data/with-plugin/input.js": "const p = require('left-padz');\n",
        "/app/test/data/with-plugin/expected.js": "const p = require('left-padz');\n",
        "/app/test/data/other/input.mjs": "import 'left-padz';\n",
        "/app/test/data/other/output.mjs": "import 'left-padz';\n",
        "/app/src/ui/input.tsx": "import x from 'left-padz'; x();\n",
        "/app/src/terminal/input.tsx": "import x from 'left-padz'; x();\n",
        "/app/src/terminal/output.tsx": "export default 1;\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file.pop("src/ui/input.tsx") is Severity.ERROR
    assert by_file.pop("src/terminal/input.tsx") is Severity.ERROR
    assert set(by_file.values()) == {Severity.INFO} and len(by_file) == 4


def test_an_input_beside_its_expected_snapshot_file_is_a_note() -> None:
    """A migration's test case (sveltejs/cli's migrations/sveltekit-3/tests/svelte-config/): the
    test runs the migration over ``vite.config.ts`` and compares the result with
    ``vite.config.snapshot.ts`` as text; neither is loaded. A lone file below the tests, or a pair
    outside them, stays an error."""
    tree = {
        "/app/src/migrations/v3/tests/config/vite.config.ts": "import kit from 'left-padz';\nkit();\n",
        "/app/src/migrations/v3/tests/config/vite.config.snapshot.ts": "import kit from 'left-padz';\nkit();\n",
        "/app/src/migrations/v3/tests/config/eslint.config.js": "import js from 'pad-y';\n",
        "/app/src/migrations/v3/tests/config/eslint.config.expected.js": "import js from 'pad-y';\n",
        "/app/src/migrations/v3/tests/config/lone.js": "import js from 'pad-y';\n",
        "/app/src/lib/vite.config.ts": "import kit from 'left-padz';\nkit();\n",
        "/app/src/lib/vite.config.snapshot.ts": "export default 1;\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file.pop("src/migrations/v3/tests/config/lone.js") is Severity.ERROR
    assert by_file.pop("src/lib/vite.config.ts") is Severity.ERROR
    assert set(by_file.values()) == {Severity.INFO} and len(by_file) == 4


def test_a_file_whose_text_a_snapshot_beside_it_holds_is_a_note() -> None:
    """A formatter's test (prettier's tests/format/**): the test formats each file of its folder and
    its snapshot, named after the file, holds the file's text; node never loads the file. A component
    whose snapshot is its rendering (no import line of it) stays an error."""
    snapshot = (
        "// Jest Snapshot v1\n\nexports[`named.js format 1`] = `\n=====input=====\n"
        "import { a } from 'left-padz';\nconst s = \\`x\\${a}\\`;\n=====output=====\n"
        'import { a } from "left-padz";\n`;\n'
    )
    tree = {
        "/app/tests/format/js/named.js": (
            "import { a } from 'left-padz';\nconst s = require(`x${a}`) && require('pad-y');\n"
        ),
        "/app/tests/format/js/format.test.js": "runFormatTest(import.meta, ['babel']);\n",
        "/app/tests/format/js/__snapshots__/format.test.js.snap": snapshot,
        "/app/src/Button.js": "import x from 'left-padz'; x();\nexport default () => x;\n",
        "/app/src/__snapshots__/Button.test.js.snap": "exports[`Button.js renders 1`] = `<button />`;\n",
    }
    by_place = {(item.from_, item.request): item.severity for item in findings(tree)}
    assert by_place[("tests/format/js/named.js", "left-padz")] is Severity.INFO
    # a line the snapshot does not quote stays an error
    assert by_place[("tests/format/js/named.js", "pad-y")] is Severity.ERROR
    assert by_place[("src/Button.js", "left-padz")] is Severity.ERROR


def test_an_import_of_types_only_answered_by_an_undeclared_types_package_asks_to_declare_it() -> None:
    """`import type * as Har from 'har-format'` where only @types/har-format exists (insomnia's
    root declares it, its workspace imports it): removing the import or an alias is no fix;
    declaring the @types package is. Without the @types package the fix is unchanged."""
    tree = {
        "/app/src/har.ts": "import type * as Har from 'har-format';\nimport type { X } from 'left-padz';\n",
        "/app/node_modules/@types/har-format/package.json": {"name": "@types/har-format", "version": "1.2.15"},
    }
    by_request = {item.request: item for item in findings(tree)}
    har = by_request["har-format"]
    assert har.severity is Severity.WARNING
    assert har.fix == (
        "add `@types/har-format` to devDependencies in package.json: TypeScript takes the types of `har-format` from it"
    )
    assert by_request["left-padz"].fix is not None and "remove the import" in by_request["left-padz"].fix


def test_electron_imported_by_a_library_an_electron_app_of_the_project_loads_is_a_note() -> None:
    """Electron provides `electron` (its API) to the code it runs, whatever node_modules holds: a
    library the project's Electron app loads (joplin's lib, `require('electron')` behind
    `shim.isElectron()`) imports it undeclared. Undecidable; its fix installs nothing. With no
    electron anywhere in the project it stays an error."""
    tree = {"/app/lib/shim.js": "if (isElectron()) { const { nativeImage } = require('electron'); }\n"}
    [alone] = findings(tree)
    assert (alone.request, alone.severity) == ("electron", Severity.ERROR)
    with_app = {
        **tree,
        "/app/node_modules/desktop/node_modules/electron/package.json": {"name": "electron", "version": "29.4.5"},
        "/app/node_modules/desktop/package.json": {
            "name": "desktop",
            "version": "1.0.0",
            "dependencies": {"electron": "29.4.5"},
        },
    }
    [note] = [item for item in findings(with_app) if item.request == "electron"]
    assert note.severity is Severity.INFO
    assert note.fix is not None and note.fix.startswith("nothing to install when only Electron runs this code")


def test_placeholder_the_package_replaces_at_build_time_is_a_note() -> None:
    """An adapter's template imports `SERVER` and its build maps that id to a file (a key of a
    replace map, a resolveId hook's comparison): undecidable. A name no other code spells stays an error."""
    tree = {
        "/app/files/handler.js": "import { Server } from 'SERVER';\nimport { manifest } from 'MANIFEST';\n"
        "import x from 'left-padz'; x();\n",
        "/app/files/other.js": "import { Server } from 'SERVER';\nimport x from 'left-padz'; x();\n",
        "/app/index.js": "const replace = { SERVER: './server/index.js' };\nif (id === 'MANIFEST') return m;\n",
    }
    by_request = {(item.request, item.from_): item.severity for item in findings(tree)}
    assert by_request[("SERVER", "files/handler.js")] is Severity.INFO
    assert by_request[("MANIFEST", "files/handler.js")] is Severity.INFO
    assert by_request[("left-padz", "files/handler.js")] is Severity.ERROR
    assert by_request[("left-padz", "files/other.js")] is Severity.ERROR


def test_nested_project_installed_apart_is_a_note() -> None:
    """An example with its own lockfile, or a template that no lockfile describes, is installed apart:
    its dependencies' packages are unknown here. A nested folder that is a package of the tree
    stays judged (see test_project_template_is_not_judged_as_the_project for templates)."""
    tree = {
        "/app/examples/auth/package.json": {"name": "example-auth", "version": "1.0.0", "dependencies": {"cms": "1"}},
        "/app/examples/auth/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "/app/examples/auth/src/rich.js": "import { Text } from 'slate';\n",
        "/app/template/app/package.json": {"name": "template-app", "version": "1.0.0"},
        "/app/template/app/src/main.js": "import { api } from 'wasp/server';\n",
        "/app/src/index.js": "import { Text } from 'slate';\n",
    }
    by_file = {item.from_: item for item in findings(tree)}
    assert by_file["src/index.js"].severity is Severity.ERROR
    auth = by_file["examples/auth/src/rich.js"]
    assert auth.severity is Severity.INFO and "examples/auth/pnpm-lock.yaml" in auth.message
    template = by_file["template/app/src/main.js"]
    assert template.severity is Severity.INFO and "no lockfile here describes" in template.message


MAPS_SCHEDULER = '{"compilerOptions": {"baseUrl": ".", "paths": {"scheduler": ["./packages/react/src"]}}}'


def test_tsconfig_path_to_a_missing_folder_falls_back_to_node_modules() -> None:
    # formik's root tsconfig maps "formik" to ./packages/react/src, a folder that no longer exists;
    # tsc 5.9.3 (--traceResolution) then resolves the import from node_modules: there it is a
    # package import again (phantom when undeclared). With the target present, it is the project's.
    tree: dict[str, object] = {
        "/app/tsconfig.json": MAPS_SCHEDULER,
        "/app/scripts/bench.ts": "import { x } from 'scheduler';\n",
    }
    [finding] = findings(tree)
    assert (finding.code, finding.severity) == ("phantom-dependency", Severity.WARNING)
    # a target that is absent with no package to fall back to stays the config's (unbuilt output)
    tree["/app/tsconfig.json"] = '{"compilerOptions": {"baseUrl": ".", "paths": {"nothing-here": ["./dist/x"]}}}'
    assert findings({**tree, "/app/scripts/bench.ts": "import { x } from 'nothing-here';\n"}) == []
    tree["/app/packages/react/src/index.ts"] = ""
    tree["/app/tsconfig.json"] = MAPS_SCHEDULER
    assert findings(tree) == []


def test_type_test_takes_only_the_types_package() -> None:
    # react-redux's test/typetests/*.test-d.tsx (vitest typecheck: type-checked, never run) import
    # prop-types with only @types/prop-types declared; tsc 5.9.3 resolves it to
    # @types/prop-types/index.d.ts with no prop-types installed. Run as a test, it is a phantom.
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"@types/scheduler": "0.23.0"}},
        "/app/node_modules/@types/scheduler/package.json": {"name": "@types/scheduler", "version": "0.23.0"},
        "/app/test/props.test-d.tsx": "import scheduler from 'scheduler';\n",
    }
    assert findings(tree) == []
    tree["/app/test/props.test.tsx"] = "import scheduler from 'scheduler';\n"
    assert [item.from_ for item in findings(tree)] == ["test/props.test.tsx"]


def test_a_typescript_import_that_only_types_answer_is_a_note() -> None:
    # grist-core: `import { Datum } from "plotly.js"` with @types/plotly.js and no plotly.js. tsc
    # resolves it to the types and drops the import when every name is a type; a value would fail.
    tree = {
        "/app/node_modules/@types/plotly.js/package.json": {"name": "@types/plotly.js", "version": "2.12.1"},
        "/app/src/chart.ts": 'import { Datum } from "plotly.js";\nexport const x: Datum = 1;\n',
        "/app/src/chart.js": 'import { Datum } from "plotly.js";\n',
    }
    found = {(item.from_, item.severity) for item in findings(tree) if item.code == "unresolvable-import"}
    assert found == {("src/chart.ts", Severity.INFO), ("src/chart.js", Severity.ERROR)}


def test_a_require_or_import_call_is_not_dropped_for_its_types_package() -> None:
    """payload's website: `require('prismjs/components/prism-bash')` in a .tsx with @types/prismjs in
    the tree and prismjs only below another package (pnpm's isolated layout): TypeScript drops an
    import statement whose names are all types, never a require() or import() call, which the
    bundler resolves; an error whose fix installs what the lockfile holds."""
    tree = {
        "/app/node_modules/@types/prismjs/package.json": {"name": "@types/prismjs", "version": "1.26.5"},
        "/app/node_modules/react/node_modules/prismjs/package.json": {"name": "prismjs", "version": "1.30.0"},
        "/app/src/code.tsx": "import { Token } from 'prismjs';\nrequire('prismjs/components/prism-bash');\n"
        "const p = import('prismjs/components/prism-http');\n",
    }
    by_line = {item.line: item for item in findings(tree) if item.code == "unresolvable-import"}
    assert by_line[1].severity is Severity.INFO
    assert by_line[2].severity is Severity.ERROR and by_line[3].severity is Severity.ERROR
    assert by_line[2].fix == "run `npm install prismjs@^1.30.0` in ."


def test_the_fix_of_an_import_the_tree_holds_elsewhere_names_that_copy_s_range() -> None:
    """go-convex-telegram-turborepo: root scripts `require('node-fetch')`, which the root does not
    declare; the tree holds node-fetch 1.7.3 only below another package. A bare `npm install
    node-fetch` takes the registry's newest, 3.3.2 ("type": "module", npm view): under node 20.20
    `require` then returns its namespace object, not the function, and the script's first
    `fetch(...)` throws (checked with real node and node-fetch 3.3.2). The range of the copy the
    tree holds installs code that works."""
    tree = {
        "/app/node_modules/isomorphic-fetch/package.json": {
            "name": "isomorphic-fetch",
            "version": "2.2.1",
            "dependencies": {"node-fetch": "^1.0.1"},
        },
        "/app/node_modules/isomorphic-fetch/node_modules/node-fetch/package.json": {
            "name": "node-fetch",
            "version": "1.7.3",
        },
        "/app/test-rag.js": "const fetch = require('node-fetch');\n",
    }
    (found,) = [item for item in findings(tree) if item.code == "unresolvable-import"]
    assert found.severity is Severity.ERROR
    assert found.fix == "run `npm install node-fetch@^1.7.3` in ."


def test_a_side_effect_import_is_not_dropped_for_its_types_package() -> None:
    """`import 'prismjs/themes/x'` binds no name: TypeScript keeps it, whatever @types holds."""
    tree = {
        "/app/node_modules/@types/prismjs/package.json": {"name": "@types/prismjs", "version": "1.26.5"},
        "/app/node_modules/react/node_modules/prismjs/package.json": {"name": "prismjs", "version": "1.30.0"},
        "/app/src/code.tsx": "import { Token } from 'prismjs';\nimport 'prismjs/components/prism-bash';\n",
    }
    by_line = {item.line: item for item in findings(tree) if item.code == "unresolvable-import"}
    assert (by_line[1].severity, by_line[2].severity) == (Severity.INFO, Severity.ERROR)


def test_buns_own_module_is_a_note_whose_fix_installs_nothing() -> None:
    """remix's test runner: `await import('bun')` behind IS_BUN. The Bun runtime provides `bun`;
    node has no such module. Undecidable from the files; nothing to install."""
    [note] = findings({"/app/src/cli.ts": "if (IS_BUN) { const { Glob } = await import('bun'); }\n"})
    assert (note.request, note.severity) == ("bun", Severity.INFO)
    assert note.fix is not None and note.fix.startswith("nothing to install when only Bun runs this code")


def test_a_flow_type_import_is_a_note_whose_fix_installs_nothing() -> None:
    """react-native-web: `import type { Node } from 'React'` in a @flow file, a module of Flow's
    library definitions; Babel erases it before node or a bundler sees it. The JavaScript grammar
    reads it as a plain import; a value import of the same name, or the same line without @flow,
    stays an error."""
    flow = "/**\n * @flow\n */\nimport type { Node } from 'React';\nimport typeof Lib from 'left-padz';\n"
    tree = {
        "/app/src/view.js": flow + "export type {\n  A,\n} from 'pad-types';\nimport React2 from 'React';\n",
        "/app/src/plain.js": "import type { Node } from 'React';\n",
    }
    by_place = {(item.from_, item.line): item for item in findings(tree) if item.code == "unresolvable-import"}
    for line in (4, 5, 8):
        note = by_place[("src/view.js", line)]
        assert note.severity is Severity.INFO
        assert note.fix is not None and note.fix.startswith("nothing to install for node: Babel erases the type import")
    assert by_place[("src/view.js", 9)].severity is Severity.ERROR
    assert by_place[("src/plain.js", 1)].severity is Severity.ERROR


def test_a_package_the_script_that_runs_the_file_installs_first_is_a_note() -> None:
    """rollup: "test:leak": "npm install --no-save weak-napi && node --expose-gc test/leak/index.js".
    The script installs what the file requires before running it; the file run another way, or a
    name the script does not install, stays an error."""
    tree = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {"react": "^18"},
            "scripts": {"test:leak": "npm install --no-save weak-napi && node --expose-gc test/leak/index.js"},
        },
        "/app/test/leak/index.js": "const weak = require('weak-napi');\nconst other = require('left-padz');\n",
        "/app/test/other.js": "const weak = require('weak-napi');\n",
    }
    by_place = {(item.from_, item.request): item for item in findings(tree)}
    note = by_place[("test/leak/index.js", "weak-napi")]
    assert note.severity is Severity.INFO and note.fix is not None and note.fix.startswith("nothing to install")
    assert by_place[("test/leak/index.js", "left-padz")].severity is Severity.ERROR
    assert by_place[("test/other.js", "weak-napi")].severity is Severity.ERROR


def test_modules_another_runtime_provides_are_not_packages() -> None:
    # vendure's load tests run in grafana k6 (`k6 run script.js`), which provides k6 and k6/*; a VS
    # Code extension gets `vscode` from the editor. Neither is a package node looks up.
    k6 = {"/app/load/script.js": "import http from 'k6/http';\nimport { check } from 'k6';\n"}
    assert findings(k6) == []
    # serverless's engine keeps a CloudFront Function's code: CloudFront's runtime provides `cloudfront`.
    assert findings({"/app/src/aws/routing.js": "import cf from 'cloudfront';\ncf.kvs();\n"}) == []
    extension = {
        "/app/package.json": {"name": "ext", "version": "1.0.0", "engines": {"vscode": "^1.80.0"}},
        "/app/src/extension.js": "const vscode = require('vscode');\n",
    }
    assert findings(extension) == []
    [plain] = findings({"/app/src/index.js": "const vscode = require('vscode');\n"})
    assert (plain.code, plain.severity) == ("unresolvable-import", Severity.ERROR)  # not an extension


def test_a_template_without_its_manifest_is_not_judged_as_the_project() -> None:
    # novu's `novu init` templates: a Next.js app under src/commands/init/templates/app/ts with its
    # tsconfig.json and next.config.mjs; the generator writes its package.json.
    template = "/app/src/commands/init/templates/app/ts"
    tree = {
        f"{template}/tsconfig.json": "{}",
        f"{template}/next.config.mjs": "export default {};\n",
        f"{template}/app/page.tsx": "import Image from 'next/image';\n",
    }
    assert findings(tree) == []


def test_templates_examples_and_docs_snippets_are_notes() -> None:
    # hydrogen's cookbook recipes (files copied into templates/skeleton), `*.example.tsx` snippets
    # and docs/ code shown on shopify.dev: whether anything runs them here cannot be told.
    files = {
        "/app/cookbook/recipes/express/templates/skeleton/server.mjs": "import m from 'morgan'; m();\n",
        "/app/src/analytics.example.tsx": "import { useRouter } from 'next/router'; useRouter();\n",
        "/app/docs/setup/app/entry-server.tsx": "import { isbot } from 'isbot'; isbot();\n",
    }
    found = findings(files)
    assert sorted((item.request, item.severity) for item in found) == [
        ("isbot", Severity.INFO),
        ("morgan", Severity.INFO),
        ("next/router", Severity.INFO),
    ]
    [own] = findings({"/app/src/index.ts": "import m from 'morgan'; m();\n"})
    assert own.severity is Severity.ERROR


def test_a_virtual_module_of_a_plugin_in_the_tree_is_a_note() -> None:
    # slidev's client imports 'uno.css', which UnoCSS's vite plugin serves.
    tree = {"/app/styles/index.ts": "import 'uno.css';\n"}
    [without] = findings(tree)
    assert without.severity is Severity.ERROR  # no unocss anywhere: nothing serves it
    with_plugin = {**tree, "/app/node_modules/unocss/package.json": {"name": "unocss", "version": "66.0.0"}}
    [note] = findings(with_plugin)
    assert note.severity is Severity.INFO and "unocss" in note.message
    # antfu/vite-plugin-inspect's client: removing the import would drop UnoCSS's styles
    assert note.fix is not None and note.fix.startswith("nothing to install: unocss's bundler plugin serves `uno.css`")


def test_ember_modules_that_ember_source_ships_are_notes_in_an_ember_package() -> None:
    # universal-ember/reactiveweb (an Ember addon, ember-source a devDependency) imports
    # `@ember/debug` and `@glimmer/tracking`: ember-cli and Embroider map them to ember-source's
    # dist/packages, never to a package of that name; `@embroider/virtual/*` is Embroider's own.
    source = {
        "/app/src/index.ts": (
            "import { assert } from '@ember/debug';\nimport { tracked } from '@glimmer/tracking';\n"
            "import compat from '@embroider/virtual/compat-modules';\nimport x from '@ember/not-shipped';\n"
            "import RSVP from 'rsvp';\n"  # adopted-ember-addons/ember-file-upload's src/system/http-request.ts
            "export default [assert, tracked, compat, x, RSVP];\n"  # used as values: TypeScript keeps the imports
        ),
    }
    ember = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "keywords": ["ember-addon"],
            "devDependencies": {"ember-source": "^6", "@embroider/core": "^4"},
        },
        "/app/node_modules/ember-source/package.json": {"name": "ember-source", "version": "6.10.1"},
        "/app/node_modules/ember-source/dist/packages/@ember/debug/index.js": "",
        "/app/node_modules/ember-source/dist/packages/@glimmer/tracking/index.js": "",
        "/app/node_modules/ember-source/dist/packages/rsvp/index.js": "",
        "/app/node_modules/@embroider/core/package.json": {"name": "@embroider/core", "version": "4.0.0"},
        # a copy of rsvp some dependency brings, where node does not look from the addon
        "/app/node_modules/.pnpm/rsvp@3.2.1/node_modules/rsvp/package.json": {"name": "rsvp", "version": "3.2.1"},
    }
    found = {item.request: item.severity for item in findings({**source, **ember})}
    assert found == {
        "@ember/debug": Severity.INFO,
        "@glimmer/tracking": Severity.INFO,
        "@embroider/virtual/compat-modules": Severity.INFO,
        "@ember/not-shipped": Severity.ERROR,  # ember-source does not ship it: nothing maps it
        "rsvp": Severity.INFO,
    }
    # Not an Ember package (no ember-addon, no ember-source or ember-cli declared): node_modules decides.
    plain = {**ember, "/app/package.json": {"name": "app", "version": "1.0.0"}}
    found = {item.request: item.severity for item in findings({**source, **plain})}
    assert found["@ember/debug"] is Severity.ERROR and found["@glimmer/tracking"] is Severity.ERROR


def test_vue_in_a_nuxt_module_s_runtime_files_is_a_note() -> None:
    # histoire's @histoire/plugin-nuxt (declares @nuxt/kit, not vue): runtime/components.mjs imports
    # `vue`, which node does not find from there; Nuxt compiles the file into the app (an app
    # template) and its Vite config's resolve.dedupe ['vue'] takes the app's vue (real vite 7.3.1).
    code = "import { defineComponent, h } from 'vue';\nexport const C = defineComponent({ render: () => h('a') });\n"
    module = {
        "/app/package.json": {"name": "plugin", "version": "1.0.0", "dependencies": {"@nuxt/kit": "^4"}},
        "/app/node_modules/@nuxt/kit/package.json": {"name": "@nuxt/kit", "version": "4.2.2"},
        "/app/node_modules/.pnpm/vue@3.5.26/node_modules/vue/package.json": {"name": "vue", "version": "3.5.26"},
    }
    files = {
        "/app/runtime/components.mjs": code,
        "/app/src/runtime/plugin.ts": code,
        "/app/src/index.mjs": code,  # the module's own code, which node loads: node decides
    }
    found = {item.from_: item for item in findings({**module, **files})}
    assert {path: item.severity for path, item in found.items()} == {
        "runtime/components.mjs": Severity.INFO,
        "src/runtime/plugin.ts": Severity.INFO,
        "src/index.mjs": Severity.ERROR,
    }
    note = found["runtime/components.mjs"]
    assert "Nuxt" in note.message and note.fix is not None and "peerDependencies in package.json" in note.fix
    # not a Nuxt module (no @nuxt/kit declared): a runtime/ folder is node's to resolve
    plain = {**module, "/app/package.json": {"name": "plugin", "version": "1.0.0"}}
    assert {item.severity for item in findings({**plain, **files})} == {Severity.ERROR}


def test_a_require_on_a_branch_of_an_environment_test_is_a_note() -> None:
    # facebook/metro's metro-babel-register: `if (process.env.FBSOURCE_ENV === '1') {
    # require('@fb-tools/babel-register'); }`, a package only Meta's own monorepo has.
    code = (
        "if (process.env.FBSOURCE_ENV === '1') {\n  require('fb-only');\n} else {\n  require('other-only');\n}\n"
        "const x = process.env.DEBUG ? require('debug-only') : null;\n"
        "if (typeof window === 'undefined') { require('server-only'); }\n"
        "require('always');\n"
    )
    found = {item.request: item.severity for item in findings({"/app/src/register.js": code})}
    assert found == {
        "fb-only": Severity.INFO,
        "other-only": Severity.INFO,
        "debug-only": Severity.INFO,
        "server-only": Severity.ERROR,  # a test of something else than process.env: judged as before
        "always": Severity.ERROR,
    }


def test_a_require_behind_the_umd_guard_in_an_es_module_never_runs() -> None:
    # turbotobias/mono's packages/utils/src/lib-geojson/lib.js ("type": "module"): `if (typeof
    # exports === "object" && isNodeEnv) { require("@xmldom/xmldom") }`, a package nothing installs.
    code = (
        "export const f = 1;\n"
        "if (typeof exports === 'object') {\n  require('umd-only');\n}\n"
        "const m = typeof module !== 'undefined' ? require('module-only') : null;\n"
        "if (typeof window === 'undefined') { require('server-only'); }\n"
        "require('always');\n"
    )
    esm = {"/app/package.json": {"name": "app", "version": "1.0.0", "type": "module"}, "/app/src/lib.js": code}
    found = {item.request: item.severity for item in findings(esm)}
    assert found == {
        "umd-only": Severity.INFO,
        "module-only": Severity.INFO,
        "server-only": Severity.ERROR,
        "always": Severity.ERROR,
    }
    # CommonJS defines both: the branch runs in node, and the require fails there
    found = {item.request: item.severity for item in findings({"/app/src/lib.cjs": code})}
    assert found["umd-only"] is Severity.ERROR and found["module-only"] is Severity.ERROR


def test_create_react_app_s_setup_file_that_nothing_loads_is_a_note() -> None:
    # react-icons/react-icons' packages/demo (yarn 4.17.0): moved from react-scripts to vitest with
    # src/setupTests.js left behind; real vitest 4.1.9 loads no setup file there (its run fails later,
    # on the unbuilt workspace package, never on @testing-library/jest-dom).
    vite = "export default { test: { environment: 'jsdom' } };\n"
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        "/app/node_modules/demo": symlink("../packages/demo"),
        "/app/packages/demo/package.json": {
            "name": "demo",
            "version": "1.0.0",
            "scripts": {"test": "vitest run"},
            "devDependencies": {"vitest": "^4.0.0"},
        },
        "/app/packages/demo/vite.config.mjs": vite,
        "/app/packages/demo/src/setupTests.js": "import '@testing-library/jest-dom';\n",
        "/app/packages/demo/src/App.test.jsx": "import 'left-padz';\n",
    }
    found = {(item.from_, item.severity) for item in findings(tree)}
    assert found == {
        ("packages/demo/src/setupTests.js", Severity.INFO),
        ("packages/demo/src/App.test.jsx", Severity.ERROR),
    }
    # named by the test config, or loaded by react-scripts: it runs, and the import fails there
    named = {
        **tree,
        "/app/packages/demo/vite.config.mjs": vite.replace("'jsdom'", "'jsdom', setupFiles: ['./src/setupTests.js']"),
    }
    assert {item.severity for item in findings(named)} == {Severity.ERROR}
    cra = {
        **tree,
        "/app/packages/demo/package.json": {
            "name": "demo",
            "version": "1.0.0",
            "scripts": {"test": "react-scripts test"},
            "devDependencies": {"react-scripts": "^5.0.0"},
        },
    }
    assert {item.severity for item in findings(cra)} == {Severity.ERROR}


def test_an_environment_test_guards_only_its_own_branches() -> None:
    # A require after an inner env-tested `if`, still inside an outer `if`, runs whatever the
    # environment holds: node throws there today.
    code = (
        "if (typeof window === 'undefined') {\n"
        "  if (process.env.DEBUG) { require('debug-only'); }\n"
        "  require('after-inner');\n"
        "  const y = process.env.X ? 1 : 2;\n"
        "  require('after-ternary');\n"
        "}\n"
    )
    found = {item.request: item.severity for item in findings({"/app/src/register.js": code})}
    assert found == {
        "debug-only": Severity.INFO,
        "after-inner": Severity.ERROR,
        "after-ternary": Severity.ERROR,
    }


def test_a_babelrc_of_a_workspace_package_outside_babelrc_roots_is_a_note() -> None:
    # facebook/metro's packages/metro-runtime/src/polyfills/.babelrc.js names babel plugins nothing
    # installs; Babel reads a package's .babelrc only when babelrcRoots names the package.
    babelrc = "module.exports = { plugins: [require.resolve('@babel/plugin-gone')] };\n"
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        "/app/node_modules/runtime": symlink("../packages/runtime"),
        "/app/packages/runtime/package.json": {"name": "runtime", "version": "1.0.0"},
        "/app/packages/runtime/src/polyfills/.babelrc.js": babelrc,
        "/app/.babelrc.js": babelrc,
        "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.26.0"},
    }
    found = {(item.from_, item.severity) for item in findings(tree)}
    assert found == {
        ("packages/runtime/src/polyfills/.babelrc.js", Severity.INFO),
        (".babelrc.js", Severity.ERROR),  # the root package's own: Babel reads it
    }
    roots = {**tree, "/app/babel.config.js": "module.exports = { babelrcRoots: ['.', 'packages/*'] };\n"}
    assert {item.severity for item in findings(roots)} == {Severity.ERROR}


def test_a_deno_jsr_mapping_answers_its_subpaths() -> None:
    # hono's runtime-tests/deno: "@std/testing": "jsr:@std/testing@^1" answers @std/testing/mock.
    tree = {
        "/app/rt/deno.json": '{"imports": {"@std/testing": "jsr:@std/testing@^1.0.1"}}',
        "/app/rt/mock.test.ts": "import { spy } from '@std/testing/mock';\n",
        "/app/jsx/deno.precompile.json": '{"imports": {"@std/assert": "jsr:@std/assert@^1"}}',
        "/app/jsx/jsx.test.tsx": "import { assertEquals } from '@std/assert';\n",
    }
    assert findings(tree) == []


def test_a_deno_import_map_answers_its_specifiers() -> None:
    # trpc's examples/deno-deploy: deno.json maps "std/" to deno.land; Deno runs these files.
    tree = {
        "/app/deno/deno.json": '{"imports": {"std/": "https://deno.land/std@0.192.0/", "zod": "https://esm.sh/zod"}}',
        "/app/deno/src/client.ts": "import { delay } from 'std/async/delay.ts';\nimport { z } from 'zod';\n",
    }
    assert findings(tree) == []
    [unmapped] = findings({**tree, "/app/deno/src/other.ts": "import x from 'left-padz'; x();\n"})
    assert unmapped.request == "left-padz"


def test_a_module_the_file_mocks_is_a_note() -> None:
    # vitest's own mocking tests import modules nobody installs and mock them in the same file.
    source = (
        "import * as factory from 'vscode-factory';\nimport * as mocks from 'vscode-mocks';\n"
        "vi.mock('vscode-mocks')\nvi.mock('vscode-factory', () => ({ factory: true }))\n"
    )
    found = findings({"/app/test/virtual.test.ts": source})
    assert [(item.request, item.severity) for item in found] == [
        ("vscode-factory", Severity.INFO),
        ("vscode-mocks", Severity.INFO),
    ]
    [unmocked] = findings({"/app/test/other.test.ts": "import x from 'left-padz'; x();\njest.mock('left-pad');\n"})
    assert unmocked.severity is Severity.ERROR


def test_a_module_a_manual_mock_answers_in_a_test_is_a_note() -> None:
    """webdriverio's e2e/browser-runner: ``someModule`` and ``@namespace/module`` are served from
    ``__mocks__/someModule.ts`` and ``__mocks__/namespace/module.ts`` (the browser runner's
    automock). jest 29.7.0 does the same without a jest.mock call: a test requiring an uninstalled
    ``someModule`` passes with ``__mocks__/someModule.js`` at the root, and one requiring
    ``@ns/mod`` with ``test/__mocks__/@ns/mod.js``. Outside a test, or with no mock file, the
    import stays an error."""
    tree = {
        "/app/e2e/__mocks__/someModule.ts": "export default 1;\n",
        "/app/e2e/__mocks__/namespace/module.ts": "export default 2;\n",
        "/app/test/__mocks__/@ns/mod.js": "module.exports = {};\n",
        "/app/e2e/lit.test.js": "import a from 'someModule';\nimport b from '@namespace/module';\n",
        "/app/test/unit/a.js": "const m = require('@ns/mod');\n",
        "/app/e2e/other.test.js": "import c from 'left-padz';\n",
        "/app/e2e/app.js": "import a from 'someModule';\n",
    }
    by_place = {(item.from_, item.request): item.severity for item in findings(tree)}
    assert by_place == {
        ("e2e/lit.test.js", "someModule"): Severity.INFO,
        ("e2e/lit.test.js", "@namespace/module"): Severity.INFO,
        ("test/unit/a.js", "@ns/mod"): Severity.INFO,
        ("e2e/other.test.js", "left-padz"): Severity.ERROR,
        ("e2e/app.js", "someModule"): Severity.ERROR,
    }


def test_docusaurus_aliases_answer_a_sites_imports() -> None:
    # redux-toolkit's website: @theme/*, @theme-original/* and @docusaurus/Link are Docusaurus's
    # webpack aliases, not packages; @docusaurus/plugin-x stays a package.
    site = {
        "/app/package.json": {"name": "site", "version": "1.0.0", "dependencies": {"@docusaurus/core": "^3.9.2"}},
        "/app/src/pages/index.js": (
            "import Layout from '@theme/Layout';\nimport Main from '@theme-original/DocPage/Layout/Main';\n"
            "import Link from '@docusaurus/Link';\nimport useBaseUrl from '@docusaurus/useBaseUrl';\n"
            "import x from '@docusaurus/plugin-nowhere';\n"
        ),
    }
    assert [item.request for item in findings(site)] == ["@docusaurus/plugin-nowhere"]


def test_docusaurus_aliases_answer_a_theme_plugins_components() -> None:
    # easyops-cn/docusaurus-search-local: a plugin's theme components (src/client/theme) are
    # compiled by the site's webpack, with its aliases; the plugin declares what types them
    # (@docusaurus/module-type-aliases) or @docusaurus/theme-common, not @docusaurus/core.
    # A package declaring only another @docusaurus/* package gets no aliases.
    imports = "import Link from '@docusaurus/Link';\nimport Layout from '@theme/Layout';\n"
    for declared in (
        {"devDependencies": {"@docusaurus/module-type-aliases": "^3.0.0"}},
        {"peerDependencies": {"@docusaurus/theme-common": "^2 || ^3"}},
    ):
        plugin = {
            "/app/package.json": {"name": "search-local", "version": "1.0.0", **declared},
            "/app/src/client/theme/SearchPage.js": imports,
        }
        assert findings(plugin) == []
    other = {
        "/app/package.json": {"name": "x", "version": "1.0.0", "dependencies": {"@docusaurus/utils": "^3"}},
        "/app/src/client/theme/SearchPage.js": imports,
    }
    assert {item.severity for item in findings(other)} == {Severity.ERROR}


def test_a_project_checked_out_in_a_templates_folder_is_still_its_own_code() -> None:
    # Only folders inside the package make a file a template, not the folders above the checkout.
    tree = {
        "/work/templates/app/package.json": {"name": "app", "version": "1.0.0"},
        "/work/templates/app/src/index.js": "import x from 'left-padz'; x();\n",
        "/work/templates/app/node_modules/.package-lock.json": {"lockfileVersion": 3, "packages": {}},  # installed
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/work/templates/app")
    [found] = run_checks(CheckContext(graph=graph, fs=fs), select=["unresolvable-import"])
    assert found.severity is Severity.ERROR


def test_nothing_installed_and_no_lockfile_is_undecidable() -> None:
    """A checkout that was never installed and keeps no lockfile: what an install brings is not in
    the files, so the declared dependencies are one note and an undeclared import is a note."""
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "b": "^2.0.0"}},
        "/app/src/index.js": "import a from 'a';\nimport c from 'c';\n",
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs))
    assert [(item.code, item.severity, item.request) for item in found] == [
        ("missing-dependency", Severity.INFO, None),
        ("unresolvable-import", Severity.INFO, "c"),
    ]
    assert "the 2 dependencies the manifests declare are not checked" in found[0].message
    assert all(item.fix is not None and item.fix.startswith("install the project") for item in found)
    # An empty node_modules is an install that lacks them (a volume mounted over it): errors.
    fs = MemoryFS.from_mapping({**tree, "/app/node_modules/.package-lock.json": {"packages": {}}})
    graph = read_installed_tree(fs, "/app")
    severities = {(item.code, item.severity) for item in run_checks(CheckContext(graph=graph, fs=fs))}
    assert ("missing-dependency", Severity.ERROR) in severities
    assert ("unresolvable-import", Severity.ERROR) in severities


def _pnpm_hoisted(files: dict[str, object], manifest: dict[str, object] | None = None) -> dict[str, object]:
    """pnpm's isolated layout: @nx/devkit is a dependency of @nx/playwright, which the project
    declares; pnpm hoists @nx/devkit to node_modules/.pnpm/node_modules only."""
    store = "/app/node_modules/.pnpm"
    return {
        "/app/package.json": manifest
        or {"name": "app", "version": "1.0.0", "devDependencies": {"@nx/playwright": "22.7.5"}},
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/@nx/playwright": symlink("../.pnpm/@nx+playwright@22.7.5/node_modules/@nx/playwright"),
        f"{store}/@nx+playwright@22.7.5/node_modules/@nx/playwright/package.json": {
            "name": "@nx/playwright",
            "version": "22.7.5",
            "dependencies": {"@nx/devkit": "22.7.5"},
        },
        f"{store}/@nx+playwright@22.7.5/node_modules/@nx/devkit": symlink(
            "../../@nx+devkit@22.7.5/node_modules/@nx/devkit"
        ),
        f"{store}/@nx+devkit@22.7.5/node_modules/@nx/devkit/package.json": {"name": "@nx/devkit", "version": "22.7.5"},
        f"{store}/node_modules/@nx/devkit": symlink("../../@nx+devkit@22.7.5/node_modules/@nx/devkit"),
        # the tools that load the configs below (a config no tool here loads is a note)
        "/app/node_modules/@playwright/test": symlink("../.pnpm/@playwright+test@1.50.0/node_modules/@playwright/test"),
        f"{store}/@playwright+test@1.50.0/node_modules/@playwright/test/package.json": {
            "name": "@playwright/test",
            "version": "1.50.0",
        },
        "/app/node_modules/eslint": symlink(".pnpm/eslint@9.0.0/node_modules/eslint"),
        f"{store}/eslint@9.0.0/node_modules/eslint/package.json": {"name": "eslint", "version": "9.0.0"},
        **files,
    }


def _severities(tree: dict[str, object]) -> list[tuple[str, str, Severity]]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=CODES)
    return sorted((item.from_ or "", item.request or "", item.severity) for item in found if item.from_)


def test_a_config_a_tool_requires_finds_what_pnpm_hoists_through_node_path() -> None:
    # ngrx's playwright configs import @nx/devkit and elk's unocss.config.ts @unocss/preset-mini:
    # undeclared, only in pnpm's hidden hoisting folder. Playwright (CommonJS) and jiti load them with
    # require, which reads the NODE_PATH pnpm's bin shims set to that folder: works by accident.
    config = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    found = _severities(
        _pnpm_hoisted(
            {
                "/app/e2e/playwright.config.ts": config,
                "/app/src/main.ts": config,  # the app's own code: bundlers and node do not read NODE_PATH
                "/app/eslint.config.mjs": config,  # an ES module: import ignores NODE_PATH
            }
        )
    )
    assert found == [
        ("e2e/playwright.config.ts", "@nx/devkit", Severity.WARNING),
        ("eslint.config.mjs", "@nx/devkit", Severity.ERROR),
        ("src/main.ts", "@nx/devkit", Severity.ERROR),
    ]
    fs = MemoryFS.from_mapping(_pnpm_hoisted({"/app/a.config.ts": config}))
    [warning] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    assert warning.message.startswith(
        "`@nx/devkit` is imported by `app@1.0.0` but `@nx/devkit` is not declared; it resolves only through "
        "NODE_PATH: pnpm hoists it to node_modules/.pnpm/node_modules/@nx/devkit"
    )
    module = {"name": "app", "version": "1.0.0", "type": "module", "devDependencies": {"@nx/playwright": "22.7.5"}}
    assert _severities(
        _pnpm_hoisted({"/app/playwright.config.ts": config, "/app/unocss.config.ts": config}, module)
    ) == [
        ("playwright.config.ts", "@nx/devkit", Severity.ERROR),  # an ES module package: imported
        ("unocss.config.ts", "@nx/devkit", Severity.WARNING),  # jiti compiles it to CommonJS
    ]
    off = {"/app/playwright.config.ts": config, "/app/.npmrc": "extend-node-path=false\n"}
    assert _severities(_pnpm_hoisted(off)) == [("playwright.config.ts", "@nx/devkit", Severity.ERROR)]


def test_a_require_an_es_config_makes_with_create_require_reads_node_path() -> None:
    """graphql-eslint's website (`"type": "module"`): next.config.ts calls
    `createRequire(import.meta.url).resolve('esquery')`, CommonJS resolution, which reads the
    NODE_PATH pnpm's shim gives `next`: works by accident, a warning. Its `import` of the same name
    ignores NODE_PATH and stays an error."""
    module = {"name": "app", "version": "1.0.0", "type": "module", "devDependencies": {"@nx/playwright": "22.7.5"}}
    config = (
        "import { createRequire } from 'node:module';\n"
        "const require = createRequire(import.meta.url);\n"
        "export default { alias: require.resolve('@nx/devkit') };\n"
    )
    imported = "import { workspaceRoot } from '@nx/devkit';\nexport default workspaceRoot;\n"
    assert _severities(_pnpm_hoisted({"/app/playwright.config.ts": config}, module)) == [
        ("playwright.config.ts", "@nx/devkit", Severity.WARNING)
    ]
    assert _severities(_pnpm_hoisted({"/app/playwright.config.ts": imported}, module)) == [
        ("playwright.config.ts", "@nx/devkit", Severity.ERROR)
    ]


def test_a_file_below_public_or_static_is_a_note() -> None:
    # react-native-paper's docs keep the entry sources of old versions' bundles in docs/public/1.0/;
    # bundlers copy public/ and static/ unchanged and never resolve what those files import.
    files = {
        "/app/public/1.0/app.src.js": "import RedBox from 'redbox-react';\n",
        "/app/static/embed.js": "import x from 'left-padz'; x();\n",
    }
    found = findings(files)
    assert sorted((item.request, item.severity) for item in found) == [
        ("left-padz", Severity.INFO),
        ("redbox-react", Severity.INFO),
    ]
    assert "a file below public/ or static/, which bundlers copy as it is" in found[0].message
    [own] = findings({"/app/src/public-api.js": "import RedBox from 'redbox-react';\n"})
    assert own.severity is Severity.ERROR


def test_an_import_map_file_answers_its_folders_specifiers() -> None:
    # react-hook-form's scripts/README: Deno scripts run with --importmap=scripts/README/Imports.json,
    # which maps "YAML" to deno.land and "Files" to ./Files.js.
    imports = {"imports": {"YAML": "https://deno.land/std@0.148.0/encoding/yaml.ts", "Files": "./Files.js"}}
    tree = {
        "/app/scripts/README/Imports.json": json.dumps(imports),
        "/app/scripts/README/Data.js": "import { parse } from 'YAML';\nimport Files from 'Files';\n",
        "/app/scripts/README/Files.js": "export default {};\n",
    }
    assert findings(tree) == []
    [unmapped] = findings({**tree, "/app/scripts/README/Other.js": "import x from 'left-padz'; x();\n"})
    assert (unmapped.request, unmapped.severity) == ("left-padz", Severity.ERROR)
    # a JSON file of that name that is not an import map (other keys) answers nothing
    other = {**tree, "/app/scripts/README/Imports.json": json.dumps({**imports, "name": "x"})}
    assert sorted(item.request for item in findings(other)) == ["Files", "YAML"]


def test_example_code_importing_what_nothing_here_installs_is_a_note() -> None:
    # react-hook-form's examples/V7/*.tsx: snippets its README links to, with no manifest of their
    # own; they import react-select, yup and @material-ui/core, which neither the tree nor the
    # lockfile holds. An example's tool config (webpack-dev-server's examples/ipc/webpack.config.js)
    # is run by its tool and stays an error, as does example code importing a package the tree holds.
    files = {
        "/app/examples/V7/customInput.tsx": "import Select from 'react-select'; Select();\n",
        "/app/examples/ipc/webpack.config.js": "const proxy = require('http-proxy');\n",
        "/app/example/src/App.tsx": "import e from 'loose-envify'; e();\n",
        "/app/node_modules/react/node_modules/loose-envify/package.json": {"name": "loose-envify", "version": "1.4.0"},
        # webpack-dev-server's tree holds webpack, which runs the example's config
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.90.0"},
    }
    found = findings(files)
    assert sorted((item.request, item.code, item.severity) for item in found) == [
        ("http-proxy", "unresolvable-import", Severity.ERROR),
        ("loose-envify", "unresolvable-import", Severity.ERROR),
        ("react-select", "unresolvable-import", Severity.INFO),
    ]


def test_a_docs_repositorys_code_samples_are_examples() -> None:
    # discordjs/guide's code-samples/**: the bot code its guide pages link to, with no manifest of
    # their own, importing discord.js, sequelize and keyv, which neither the tree nor the lockfile
    # holds (the repository installs only its docs site). A code sample importing a package the
    # tree holds stays an error, as in examples/.
    files = {
        "/app/code-samples/creating-your-bot/initial-files/index.js": "const { Client } = require('discord.js');\n",
        "/app/code-examples/keyv/index.js": "const Keyv = require('keyv');\n",
        "/app/code-samples/legacy/index.js": "const e = require('loose-envify');\n",
        "/app/node_modules/react/node_modules/loose-envify/package.json": {"name": "loose-envify", "version": "1.4.0"},
    }
    found = findings(files)
    assert sorted((item.request, item.severity) for item in found) == [
        ("discord.js", Severity.INFO),
        ("keyv", Severity.INFO),
        ("loose-envify", Severity.ERROR),
    ]
    [sample] = [item for item in found if item.request == "discord.js"]
    assert "a template or an example file" in sample.message


def test_third_party_code_importing_what_nothing_here_installs_is_a_note() -> None:
    # lighthouse's third-party/devtools-tests: e2e tests rolled into Chromium's DevTools, importing
    # chai, which lighthouse does not install.
    files = {
        "/app/third-party/devtools-tests/e2e/lighthouse/navigation.test.ts": "import { assert } from 'chai';\n",
        "/app/third_party/vendored/index.js": "const e = require('loose-envify');\n",
        "/app/node_modules/react/node_modules/loose-envify/package.json": {"name": "loose-envify", "version": "1.4.0"},
    }
    found = findings(files)
    assert sorted((item.request, item.severity) for item in found) == [
        ("chai", Severity.INFO),
        ("loose-envify", Severity.ERROR),  # the tree holds it: vendored code run here
    ]
    [chai] = [item for item in found if item.request == "chai"]
    assert "code below a third-party folder, kept from or for another project" in chai.message


def test_a_subpath_of_the_projects_own_mapped_name_is_a_note() -> None:
    # react-native-paper's example workspace requires 'react-native-paper/package.json': the root's
    # tsconfig maps the bare name to ./src/index and metro's monorepo config maps the package.
    root = {"name": "lib", "version": "1.0.0", "workspaces": ["example"]}
    tree = {
        "/app/package.json": root,
        "/app/tsconfig.json": '{"compilerOptions": {"paths": {"lib": ["./src/index"]}}}',
        "/app/src/index.ts": "export {};\n",
        "/app/example/package.json": {"name": "lib-example", "version": "0.0.1"},
        "/app/example/tsconfig.json": '{"extends": "../tsconfig"}',
        "/app/example/src/App.tsx": "import { x } from 'lib'; x();\nconst v = require('lib/package.json').version;\n",
    }
    [finding] = findings(tree)
    assert (finding.request, finding.severity) == ("lib/package.json", Severity.INFO)
    assert "`lib` is this project's own package, which example/tsconfig.json (tsconfig paths) maps" in finding.message
    assert finding.fix is not None and "npm install" not in finding.fix
    unmapped = {**tree, "/app/tsconfig.json": "{}"}
    assert sorted((item.request, item.severity) for item in findings(unmapped)) == [
        ("lib", Severity.ERROR),
        ("lib/package.json", Severity.ERROR),
    ]


def test_a_jest_setup_file_finds_what_pnpm_hoists_through_node_path() -> None:
    # react-navigation's jest/setup.native.js, named by setupFilesAfterEnv, requires
    # react-native-safe-area-context/jest/mock: jest-resolve adds NODE_PATH's folders (pnpm's shims
    # put node_modules/.pnpm/node_modules there) to where it looks.
    setup = "jest.mock('x', () => require('@nx/devkit/jest/mock'));\n"
    tree = {
        "/app/jest.config.js": "module.exports = {setupFilesAfterEnv: ['<rootDir>/jest/setup.native.js']};\n",
        "/app/jest/setup.native.js": setup,
        "/app/jest/other.js": setup,  # named by no jest config
    }
    assert _severities(_pnpm_hoisted(tree)) == [
        ("jest/other.js", "@nx/devkit/jest/mock", Severity.ERROR),
        ("jest/setup.native.js", "@nx/devkit/jest/mock", Severity.WARNING),
    ]


def test_a_setup_file_of_a_jest_config_a_script_names_finds_what_pnpm_hoists() -> None:
    # golevelup/nestjs's jest.setup.js is named only by jest-e2e.json, which `test:integration`
    # hands to jest with --config. Checked with pnpm 10.34.8 and jest 30.3.0: started through
    # node_modules/.bin/jest the require of node-fetch resolves to the hoisted 2.7.0, started
    # without the shim's NODE_PATH it fails ("Cannot find module 'node-fetch'").
    setup = "if (typeof global.Headers === 'undefined') { global.Headers = require('@nx/devkit').Headers; }\n"
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "devDependencies": {"@nx/playwright": "22.7.5"},
        "scripts": {"test:integration": "NODE_ENV=ci jest --config ./jest-e2e.json --forceExit"},
    }
    tree = {
        "/app/jest-e2e.json": '{"setupFilesAfterEnv": ["<rootDir>/jest.setup.js"]}',
        "/app/jest.setup.js": setup,
    }
    assert _severities(_pnpm_hoisted(tree, manifest)) == [("jest.setup.js", "@nx/devkit", Severity.WARNING)]
    unnamed = {**manifest, "scripts": {"test": "jest"}}
    assert _severities(_pnpm_hoisted(tree, unnamed)) == [("jest.setup.js", "@nx/devkit", Severity.ERROR)]


def test_the_fix_of_an_import_found_through_node_path_names_the_version_found() -> None:
    # a bare `pnpm add -w node-fetch` takes the registry's newest (3.3.2, ES modules only) where
    # the require finds the hoisted 2.7.0 today; pnpm 10.34.8's `pnpm add -w node-fetch@^2.7.0`
    # links 2.7.0 at the root, which the require then finds
    tree = {
        "/app/jest.config.js": "module.exports = {setupFilesAfterEnv: ['<rootDir>/jest/setup.js']};\n",
        "/app/jest/setup.js": "require('@nx/devkit');\n",
    }
    fs = MemoryFS.from_mapping(_pnpm_hoisted(tree))
    [warning] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    assert warning.fix == "run `pnpm add @nx/devkit@^22.7.5` in ."


def test_jest_globals_are_served_by_jest_itself() -> None:
    """jest-runtime answers `@jest/globals` (require and import) from its own globals, never from
    node_modules: with jest-runtime installed, an undeclared, uninstalled import of it is a note."""
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"jest": "^30.0.0"}},
        "/app/src/a.test.js": "const { describe } = require('@jest/globals');\n",
        "/app/node_modules/jest/package.json": {"name": "jest", "version": "30.0.0"},
    }
    fs = MemoryFS.from_mapping(tree)
    [found] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["unresolvable-import"])
    assert found.severity is Severity.ERROR  # no jest-runtime: nothing serves it
    tree["/app/node_modules/jest-runtime/package.json"] = {"name": "jest-runtime", "version": "30.0.0"}
    fs = MemoryFS.from_mapping(tree)
    [found] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["unresolvable-import"])
    assert found.severity is Severity.INFO
    assert "jest serves it itself" in found.message


def test_a_hoisted_jest_globals_is_a_phantom_for_its_types_only() -> None:
    """Installed by hoisting and undeclared, `@jest/globals` still runs under any layout (jest
    serves it): a warning for its types, also where undeclared imports fail (Plug'n'Play's
    phantom_in_project(runtime=ERROR))."""
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"jest": "^30.0.0"}},
        "/app/src/a.test.js": "const { describe } = require('@jest/globals');\n",
        "/app/node_modules/jest/package.json": {
            "name": "jest",
            "version": "30.0.0",
            "dependencies": {"@jest/globals": "30"},
        },
        "/app/node_modules/@jest/globals/package.json": {"name": "@jest/globals", "version": "30.0.0"},
        "/app/node_modules/jest-runtime/package.json": {"name": "jest-runtime", "version": "30.0.0"},
    }
    fs = MemoryFS.from_mapping(tree)
    context = CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs)
    [found] = list(phantom_in_project(context, runtime=Severity.ERROR))
    assert found.severity is Severity.WARNING
    assert "imported for its types (jest serves it at run time) by `app@1.0.0`" in found.message


@pytest.mark.parametrize(("marker", "declared"), [(None, '"^0.0.0"'), ("pnpm", '"workspace:*"')])
def test_the_fix_of_a_phantom_workspace_import_links_the_workspace(marker: str | None, declared: str) -> None:
    """A workspace imported by its sibling without being declared: npm links a workspace whose version
    the range accepts; pnpm (9 and later without link-workspace-packages), yarn berry and bun need the
    workspace protocol, or they fetch the registry's package of that name (onlook's ^0.0.0 under bun)."""
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        "/app/packages/ui/package.json": {"name": "ui", "version": "0.0.0"},
        "/app/packages/web/package.json": {"name": "web", "version": "0.0.0"},
        "/app/packages/web/index.js": "require('ui');\n",
        "/app/node_modules/ui": symlink("../packages/ui"),
        "/app/node_modules/web": symlink("../packages/web"),
    }
    if marker == "pnpm":
        tree["/app/node_modules/.modules.yaml"] = "nodeLinker: isolated\n"
        tree["/app/node_modules/.pnpm/lock.yaml"] = "lockfileVersion: '9.0'\n"
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    [found] = run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"])
    assert found.fix == f'add "ui": {declared} to dependencies in packages/web/package.json'


def test_files_a_test_reads_as_data_are_notes() -> None:
    """TanStack router-plugin's tests: code-splitter.test.ts reads every file of
    ./code-splitter/test-files/<framework> with readFile and compares its output with
    toMatchFileSnapshot in ./code-splitter/snapshots/<framework>; createServerFn.test.ts reads
    ./test-files beside it. Node never loads those files. A helper the test imports stays code, and so
    does a folder below tests/ that no test names."""
    test = (
        "import { readFile, readdir } from 'node:fs/promises'\n"
        "import { helper } from './code-splitter/shared/helper'\n"
        "const files = path.resolve(__dirname, `./code-splitter/test-files/${framework}`)\n"
        "const snapshots = path.resolve(__dirname, `./code-splitter/snapshots/${framework}`)\n"
        "await expect(code).toMatchFileSnapshot(path.join(snapshots, name))\n"
    )
    tree = {
        "/app/tests/code-splitter.test.ts": test,
        "/app/tests/code-splitter/test-files/react/a.tsx": "import x from 'left-padz'; x();\n",
        "/app/tests/code-splitter/snapshots/react/group/a.tsx": "import x from 'left-padz'; x();\n",
        "/app/tests/code-splitter/shared/helper.ts": "import x from 'left-padz'; x();\n",
        "/app/tests/other/b.ts": "import x from 'left-padz'; x();\n",
        "/app/tests/createServerFn/createServerFn.test.ts": (
            "import { readdir } from 'node:fs/promises'\n"
            "const all = await readdir(path.resolve(import.meta.dirname, './test-files'))\n"
        ),
        "/app/tests/createServerFn/test-files/c.tsx": "import x from 'left-padz'; x();\n",
        "/app/tests/joined/joined.spec.js": "fs.readFileSync(path.join(__dirname, 'cases', 'in'))\n",
        "/app/tests/joined/cases/in/d.js": "require('left-padz');\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "tests/code-splitter/test-files/react/a.tsx": Severity.INFO,
        "tests/code-splitter/snapshots/react/group/a.tsx": Severity.INFO,
        "tests/code-splitter/shared/helper.ts": Severity.ERROR,
        "tests/other/b.ts": Severity.ERROR,
        "tests/createServerFn/test-files/c.tsx": Severity.INFO,
        "tests/joined/cases/in/d.js": Severity.INFO,
    }
    # a test that names the folder but reads no file from it does not make it data
    tree["/app/tests/createServerFn/createServerFn.test.ts"] = "const dir = './test-files'\n"
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file["tests/createServerFn/test-files/c.tsx"] is Severity.ERROR


def test_a_require_made_by_create_require_of_another_place_is_not_judged_from_the_file() -> None:
    """TanStack router's benchmarks/memory/flame-control.ts: ``createRequire(requireFrom)``, where the
    runner sets requireFrom to a workspace that declares @datadog/pprof; the request is looked up
    from there. A require made from the file's own place (import.meta.url) is judged as before."""
    elsewhere = (
        "import { createRequire } from 'node:module'\n"
        "function load() {\n"
        "  const requireFrom = process.env.FROM ? path.resolve(process.env.FROM) : import.meta.url\n"
        "  const require = createRequire(requireFrom)\n"
        "  return require('left-padz')\n"
        "}\n"
    )
    own = (
        "import { createRequire } from 'node:module'\n"
        "const require = createRequire(import.meta.url)\nrequire('pad-y')\n"
    )
    by_file = {item.from_: item.severity for item in findings({"/app/a.mjs": elsewhere, "/app/b.mjs": own})}
    assert by_file == {"b.mjs": Severity.ERROR}


def test_an_agent_skills_files_are_notes() -> None:
    """A folder holding SKILL.md is an agent skill (TanStack start's skills/react-start/
    server-components/examples/*.tsx): shown to a coding agent, never loaded by the package."""
    tree = {
        "/app/skills/start/server-components/SKILL.md": "---\nname: server-components\n---\n",
        "/app/skills/start/server-components/examples/01.tsx": "import { z } from 'left-padz'; z();\n",
        "/app/skills/notes/02.tsx": "import { z } from 'left-padz'; z();\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "skills/start/server-components/examples/01.tsx": Severity.INFO,
        "skills/notes/02.tsx": Severity.ERROR,
    }


def test_a_story_storybooks_webpack_builder_bundles_finds_what_pnpm_hoists_through_node_path() -> None:
    """next-forge's apps/storybook (framework @storybook/nextjs): a story imports @hookform/resolvers,
    which only a sibling workspace declares. Storybook's webpack builder adds NODE_PATH to
    resolve.modules and pnpm's shims put node_modules/.pnpm/node_modules there: it bundles by
    accident (a warning). Under Storybook's vite builder, or outside a story, it fails."""
    story = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    webpack = "export default { framework: { name: getAbsolutePath('@storybook/nextjs') } };\n"
    vite = "export default { framework: '@storybook/react-vite' };\n"
    assert _severities(
        _pnpm_hoisted(
            {"/app/.storybook/main.ts": webpack, "/app/stories/form.stories.tsx": story, "/app/src/a.tsx": story}
        )
    ) == [("src/a.tsx", "@nx/devkit", Severity.ERROR), ("stories/form.stories.tsx", "@nx/devkit", Severity.WARNING)]
    assert _severities(_pnpm_hoisted({"/app/.storybook/main.ts": vite, "/app/stories/form.stories.tsx": story})) == [
        ("stories/form.stories.tsx", "@nx/devkit", Severity.ERROR)
    ]
    fs = MemoryFS.from_mapping(_pnpm_hoisted({"/app/.storybook/main.js": webpack, "/app/x.story.jsx": story}))
    [warning] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    assert "Storybook's webpack builder adds NODE_PATH to resolve.modules" in warning.message


def test_a_require_inside_a_skipped_test_is_a_note() -> None:
    """vuejs/language-tools' extensions/vscode/tests/index.spec.ts requires
    vscode-languageclient/package.json inside ``test.skip``: the runner never calls the callback. A
    static import of the same file, and a require in a test that runs, still load."""
    spec = (
        "import 'pad-static'\n"
        "test.skip('versions', () => { require('left-padz/package.json') })\n"
        "xit('old', async () => { await import('pad-x') })\n"
        "describe.skip('all', () => { it('a', () => require('pad-d')) })\n"
        "test('runs', () => { require('pad-y') })\n"
    )
    by_request = {item.request: item.severity for item in findings({"/app/tests/index.spec.ts": spec})}
    assert by_request == {
        "pad-static": Severity.ERROR,
        "left-padz/package.json": Severity.INFO,
        "pad-x": Severity.INFO,
        "pad-d": Severity.INFO,
        "pad-y": Severity.ERROR,
    }


def test_an_import_whose_types_package_is_installed_is_an_error_when_a_name_is_used_as_a_value() -> None:
    """pterodactyl's panel: `import { Route } from 'react-router'` rendered as `<Route>`, with
    @types/react-router declared and react-router only hoisted. TypeScript and Babel keep an import
    used as a value, and webpack fails on it under pnpm; one used only as a type stays undecidable."""
    tree = {
        "/app/node_modules/@types/react-router/package.json": {"name": "@types/react-router", "version": "5.1.20"},
        "/app/src/App.tsx": "import { Route } from 'react-router';\nexport const App = () => <Route path='/' />;\n",
        "/app/src/props.ts": "import { RouteProps } from 'react-router';\nexport type P = RouteProps;\n",
    }
    by_file = {item.from_: item for item in findings(tree)}
    assert by_file["src/App.tsx"].severity is Severity.ERROR
    assert by_file["src/props.ts"].severity is Severity.INFO
    assert "drops an import whose names are all types" in by_file["src/props.ts"].message


def test_a_module_a_required_config_requires_finds_what_pnpm_hoists_through_node_path() -> None:
    """vue-enterprise-boilerplate: vue.config.js requires ./tests/mock-api (which requires body-parser,
    undeclared) and ./aliases.config (which requires prettier, a name .eslintrc.js also gives). vue-cli
    and jest load them with require from a pnpm shim, whose NODE_PATH finds both (checked with pnpm 10:
    jest-config and vue.config.js load under the shim's NODE_PATH, fail without it): warnings, not an
    error and a note. The same require from the app's code stays an error: a package of that name is
    in the tree, so another file naming it does not make it a placeholder."""
    config = "const { workspaceRoot } = require('@nx/devkit');\nmodule.exports = workspaceRoot;\n"
    found = _severities(
        _pnpm_hoisted(
            {
                "/app/vue.config.js": "module.exports = { devServer: { before: require('./tests/mock-api') } };\n",
                "/app/tests/mock-api/index.js": config,
                "/app/jest.config.js": "module.exports = { moduleNameMapper: require('./aliases.config') };\n",
                "/app/aliases.config.js": config,
                "/app/.eslintrc.js": "module.exports = { extends: ['@nx/devkit'] };\n",
                "/app/src/main.js": config,
            }
        )
    )
    assert found == [
        ("aliases.config.js", "@nx/devkit", Severity.WARNING),
        ("src/main.js", "@nx/devkit", Severity.ERROR),
        ("tests/mock-api/index.js", "@nx/devkit", Severity.WARNING),
    ]


def test_a_types_only_import_whose_types_package_is_out_of_reach_is_a_warning() -> None:
    """pterodactyl under pnpm: `import { History } from 'history'`, used as a type only, with
    @types/history only below @types/react-router. TypeScript drops the import, but its type check
    fails (fork-ts-checker in the webpack build: TS2307): a warning, whose fix declares the types."""
    tree = {
        "/app/node_modules/@types/react-router/package.json": {"name": "@types/react-router", "version": "5.1.20"},
        "/app/node_modules/@types/react-router/node_modules/@types/history/package.json": {
            "name": "@types/history",
            "version": "4.7.11",
        },
        "/app/src/api.ts": "import { History } from 'history';\nexport let h: History;\n",
    }
    [item] = findings(tree)
    assert (item.request, item.severity) == ("history", Severity.WARNING)
    assert "the type check does not find @types/history from here either" in item.message
    assert item.fix == (
        "add `@types/history` to devDependencies in package.json: TypeScript takes the types of `history` from it"
    )


def test_a_scope_the_package_quotes_alone_is_an_alias_key_not_a_package() -> None:
    # vuepress 1's @vuepress/core: its client code imports '@internal/routes' and '@app/util'; its
    # webpack setup (webpack-chain) sets `.alias.set('@internal', ...)` and `.set('@app', clientDir)`,
    # which webpack matches as prefixes. A scope alone names no package: 9 false errors before.
    tree = {
        "/app/lib/client/app.js": "import routes from '@internal/routes';\nimport { x } from '@app/util';\n",
        "/app/lib/node/webpack.js": (
            "config.resolve.alias\n  .set('@app', clientDir)\n  .set('@internal', path.resolve(temp, 'internal'))\n"
        ),
    }
    found = findings(tree)
    assert [(item.request, item.severity) for item in found] == [
        ("@internal/routes", Severity.INFO),
        ("@app/util", Severity.INFO),
    ]
    assert "names the scope `@internal` alone, an alias key" in found[0].message
    # a scope the package never quotes alone stays an error
    tree["/app/lib/node/webpack.js"] = "config.resolve.alias.set('@internal/other', x)\n"
    assert [(item.request, item.severity) for item in findings(tree)] == [
        ("@internal/routes", Severity.ERROR),
        ("@app/util", Severity.ERROR),
    ]


def test_a_lerna_package_the_lockfile_does_not_install_is_a_note() -> None:
    # GoogleChrome/workbox (lerna 5, no workspaces): test/workbox-core/sw/*.mjs import
    # 'workbox-core/_private/logger.mjs', which the test server's rollup bundles with node-resolve's
    # moduleDirectories: ['packages', 'node_modules']; node alone finds nothing. 138 errors before.
    tree = {
        "/app/lerna.json": '{"packages": ["packages/*"], "version": "7.2.0"}',
        "/app/packages/workbox-core/package.json": {"name": "workbox-core", "version": "7.2.0"},
        "/app/packages/workbox-core/_private/logger.mjs": "export const logger = {};\n",
        "/app/test/sw/test-logger.mjs": "import {logger} from 'workbox-core/_private/logger.mjs';\n",
    }
    [finding] = findings(tree)
    assert (finding.request, finding.severity) == ("workbox-core/_private/logger.mjs", Severity.INFO)
    assert "packages/workbox-core may be mapped by a config nmdoctor does not read" in finding.message
    # lerna's default packages/* without a packages list; a name no lerna package has stays an error
    tree["/app/lerna.json"] = '{"version": "7.2.0"}'
    tree["/app/test/sw/test-other.mjs"] = "import x from 'workbox-gone';\n"
    assert sorted((item.request or "", item.severity.value) for item in findings(tree)) == [
        ("workbox-core/_private/logger.mjs", "info"),
        ("workbox-gone", "error"),
    ]


def test_an_import_typescript_drops_is_a_warning_unless_the_tsconfig_keeps_it() -> None:
    # styled-components' test-utils/index.ts: `import { ReactWrapper } from 'enzyme'`, used only as a
    # parameter's type; graphql-codegen's generated files: `TypedDocumentNode as DocumentNode` used
    # only in `as` casts. TypeScript and the TS transforms of Babel, esbuild and SWC drop them: nothing
    # loads the package (32 errors before).
    tree: dict[str, object] = {
        "/app/src/find.ts": (
            "import { ReactWrapper } from 'enzyme';\nimport { mount } from 'enzyme-mount';\n"
            "export function find(w: ReactWrapper) { return mount(w); }\n"
        ),
    }
    found = sorted((item.request or "", item.severity.value) for item in findings(tree))
    assert found == [("enzyme", "warning"), ("enzyme-mount", "error")]
    [dropped] = [item for item in findings(tree) if item.request == "enzyme"]
    assert "not declared nor installed (its names are used only as types, or not at all" in dropped.message
    # verbatimModuleSyntax (or preserveValueImports, importsNotUsedAsValues: preserve) keeps the import
    tree["/app/tsconfig.json"] = '{"compilerOptions": {"verbatimModuleSyntax": true}}'
    assert sorted((item.request or "", item.severity.value) for item in findings(tree)) == [
        ("enzyme", "error"),
        ("enzyme-mount", "error"),
    ]


def test_a_module_augmentation_no_file_imports_is_a_warning() -> None:
    """turborepo-fullstack-starter's apps/api/src/types.ts: `import 'express'` and `declare module
    'express' { ... }` (express-session's documented augmentation idiom), read by tsconfig's
    "include" only. Real tsc 5.9.3 keeps the import (dist/types.js holds `require("express")`), and
    passes with @types/express; without it, TS2664. Nothing imports the file, so nothing loads it at
    run time: not an error. Imported by main.ts, it runs: an error again."""
    augmentation = "import 'express';\n\ndeclare module 'express' {\n  export interface Request { user?: string }\n}\n"
    tree: dict[str, object] = {
        "/app/node_modules/@nestjs/platform-express/package.json": {
            "name": "@nestjs/platform-express",
            "version": "10.4.15",
            "dependencies": {"express": "4.21.2"},
        },
        "/app/node_modules/@nestjs/platform-express/node_modules/express/package.json": {
            "name": "express",
            "version": "4.21.2",
        },
        "/app/src/types.ts": augmentation,
        "/app/src/main.ts": "import { bootstrap } from './app';\nbootstrap();\n",
        "/app/src/app.ts": "export function bootstrap() {}\n",
    }
    (found,) = [item for item in findings(tree) if item.request == "express"]
    assert (found.code, found.severity) == ("unresolvable-import", Severity.WARNING)
    assert "no source file of the project imports this file" in found.message
    assert found.fix == "run `npm install express@^4.21.2` in ."
    # another file's `declare module` does not make this import one
    tree["/app/src/types.ts"] = "import 'express';\n\ndeclare module 'koa' {\n  interface Context { a: 1 }\n}\n"
    assert [item.severity for item in findings(tree) if item.request == "express"] == [Severity.ERROR]
    tree["/app/src/types.ts"] = augmentation
    tree["/app/src/main.ts"] = "import './types.js';\nimport { bootstrap } from './app';\nbootstrap();\n"
    assert [item.severity for item in findings(tree) if item.request == "express"] == [Severity.ERROR]


def test_the_aws_sdk_a_lambda_handler_imports_is_a_note() -> None:
    """rh-nx-monorepo's apps/company-api/lambda/jira-webhook-sqs-publish/index.js: `require('aws-sdk')`
    and `exports.handler`, in no manifest. Lambda's Node.js runtimes provide the SDK to the function
    (v2 up to nodejs16.x, v3 from nodejs18.x: the AWS Developer Tools blog on the Node.js 18 runtime):
    which runtime runs it is not in the files. The same require outside a handler stays an error."""
    tree: dict[str, object] = {
        "/app/lambda/publish/index.js": "var AWS = require('aws-sdk');\nexports.handler = async (event) => event;\n",
        "/app/lambda/store/index.mjs": (
            "import { S3Client } from '@aws-sdk/client-s3';\nexport const handler = async () => new S3Client({});\n"
        ),
        "/app/src/upload.js": "const AWS = require('aws-sdk');\nmodule.exports = new AWS.S3();\n",
    }
    found = sorted(
        (item.from_ or "", item.severity.value) for item in findings(tree) if item.code == "unresolvable-import"
    )
    assert found == [
        ("lambda/publish/index.js", "info"),
        ("lambda/store/index.mjs", "info"),
        ("src/upload.js", "error"),
    ]
    (note,) = [item for item in findings(tree) if item.from_ == "lambda/publish/index.js"]
    assert note.fix is not None and "npm install" not in note.fix


def test_files_in_a_folder_a_test_names_inputs_from_are_notes() -> None:
    """graphql-codegen-cli's tests pass './tests/test-documents/my-fragment.ts' and
    './tests/test-files/schema-dir/*.ts' (paths from the package's folder, where jest runs) to the
    code under test, which reads them (plucks their gql`` documents) or loads them: the files of
    those folders are inputs, not code the package runs (30 errors before). A path naming the test
    folder itself, or a helper the test imports, marks nothing."""
    spec = (
        "import { helper } from './helpers/helper';\n"
        "const config = { documents: ['./tests/test-documents/my-fragment.ts'],\n"
        "  schema: './tests/test-files/schema-dir/*.ts', setup: './tests/setup.ts' };\n"
    )
    tree = {
        "/app/tests/codegen.spec.ts": spec,
        "/app/tests/test-documents/my-fragment.ts": "import gql from 'graphql-tagz'; gql();\n",
        "/app/tests/test-documents/other.ts": "import gql from 'graphql-tagz'; gql();\n",
        "/app/tests/test-files/schema-dir/a.ts": "import gql from 'graphql-tagz'; gql();\n",
        "/app/tests/helpers/helper.ts": "import gql from 'graphql-tagz'; gql();\n",
        "/app/tests/setup.ts": "import gql from 'graphql-tagz'; gql();\n",
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "tests/test-documents/my-fragment.ts": Severity.INFO,
        "tests/test-documents/other.ts": Severity.INFO,
        "tests/test-files/schema-dir/a.ts": Severity.INFO,
        "tests/helpers/helper.ts": Severity.ERROR,
        "tests/setup.ts": Severity.ERROR,
    }


def _next_app(version: str, scripts: dict[str, str] | None = None) -> dict[str, object]:
    store = "/app/node_modules/.pnpm"
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "scripts": scripts or {"build": "next build", "dev": "next"},
        "dependencies": {"next": version},
        "devDependencies": {"@nx/playwright": "22.7.5"},
    }
    code = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    return _pnpm_hoisted(
        {
            "/app/node_modules/next": symlink(f".pnpm/next@{version}/node_modules/next"),
            f"{store}/next@{version}/node_modules/next/package.json": {"name": "next", "version": version},
            "/app/src/lib/static-props.ts": code,
            "/app/scripts/generate.ts": code,  # run by tsx, not bundled by Next
        },
        manifest,
    )


def test_a_file_nextjs_webpack_bundles_finds_what_pnpm_hoists_through_node_path() -> None:
    """graphql-codegen's website (next 15.5.18): src/lib imports nextra/remote, which only
    @theguild/components declares. Next.js's webpack config sets resolve.modules to
    ['node_modules', ...NODE_PATH] (next 15.5.18's dist/build/webpack-config.js) and pnpm's shims put
    node_modules/.pnpm/node_modules there: it bundles by accident (a warning). Next 16 builds with
    Turbopack, as does `next build --turbopack`: an error there, and outside the app's folders."""
    assert _severities(_next_app("15.5.18")) == [
        ("scripts/generate.ts", "@nx/devkit", Severity.ERROR),
        ("src/lib/static-props.ts", "@nx/devkit", Severity.WARNING),
    ]
    for tree in (_next_app("16.0.0"), _next_app("15.5.18", {"build": "next build --turbopack"})):
        assert [severity for _file, _name, severity in _severities(tree)] == [Severity.ERROR, Severity.ERROR]
    fs = MemoryFS.from_mapping(_next_app("15.5.18"))
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    [warning] = [item for item in found if item.severity is Severity.WARNING]
    assert "Next.js's webpack build adds NODE_PATH to resolve.modules" in warning.message


def test_next_compiles_the_hooks_beside_package_json() -> None:
    """Next.js compiles middleware.ts (and instrumentation.ts, mdx-components.tsx) beside
    package.json with the same webpack config as the pages: what it imports finds what pnpm hoists
    through NODE_PATH, a warning. A theme.config.tsx no next.config names is nothing's."""
    theme = "import Search from './components/search';\nexport default { search: Search };\n"
    code = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    files = {
        "/app/theme.config.tsx": theme,
        "/app/components/search.tsx": code,
        "/app/middleware.ts": code,
        "/app/instrumentation.ts": code,
    }
    assert _severities({**_next_app("15.5.18"), **files}) == [
        ("components/search.tsx", "@nx/devkit", Severity.ERROR),
        ("instrumentation.ts", "@nx/devkit", Severity.WARNING),
        ("middleware.ts", "@nx/devkit", Severity.WARNING),
        ("scripts/generate.ts", "@nx/devkit", Severity.ERROR),
        ("src/lib/static-props.ts", "@nx/devkit", Severity.WARNING),
    ]


def _unresolvable_severities(tree: dict[str, object]) -> list[tuple[str | None, str | None, str]]:
    found = findings(tree, ["unresolvable-import"])
    return sorted((item.from_, item.request, item.severity.value) for item in found)


def test_a_config_of_a_tool_nothing_here_runs_is_a_note() -> None:
    # p5.js moved from eslint to oxlint and kept its eslint.config.mjs: eslint is in neither the tree
    # nor the lockfile and nothing runs it, so nothing loads the config's imports
    config = "import js from '@eslint/js';\nexport default [js.configs.recommended];\n"
    tree: dict[str, object] = {"/app/eslint.config.mjs": config}
    assert _unresolvable_severities(tree) == [("eslint.config.mjs", "@eslint/js", "info")]
    # a script that runs it through npx brings eslint, which then fails on the import
    scripts = {"name": "app", "version": "1.0.0", "dependencies": {"react": "^18"}, "scripts": {"lint": "npx eslint ."}}
    assert _unresolvable_severities({**tree, "/app/package.json": scripts}) == [
        ("eslint.config.mjs", "@eslint/js", "error")
    ]
    # so does a CI workflow
    workflow = {"/app/.github/workflows/ci.yml": "jobs:\n  lint:\n    steps:\n      - run: npx eslint .\n"}
    assert _unresolvable_severities({**tree, **workflow}) == [("eslint.config.mjs", "@eslint/js", "error")]
    # and eslint in the tree loads it
    installed = {"/app/node_modules/eslint/package.json": {"name": "eslint", "version": "9.0.0"}}
    assert _unresolvable_severities({**tree, **installed}) == [("eslint.config.mjs", "@eslint/js", "error")]
    # a tool whose name only contains the word does not run it (@typescript-eslint, eslint-plugin-x)
    other = {"name": "app", "version": "1.0.0", "scripts": {"lint": "oxlint . && tsc -p typescript-eslint"}}
    assert _unresolvable_severities({**tree, "/app/package.json": other}) == [
        ("eslint.config.mjs", "@eslint/js", "info")
    ]


def test_a_volar_config_is_loaded_only_by_the_vue_editor_extension() -> None:
    # thelounge's volar.config.js requires @volar-plugins/prettier, installed nowhere: only the Vue
    # editor extension's language server reads the file (it bundles its own), so no build, test or
    # script fails on it
    config = 'const { volarPrettierPlugin } = require("@volar-plugins/prettier");\nmodule.exports = {};\n'
    tree: dict[str, object] = {"/app/volar.config.js": config}
    assert _unresolvable_severities(tree) == [("volar.config.js", "@volar-plugins/prettier", "info")]
    # the language server installed in the tree loads it
    server = {
        "/app/node_modules/@vue/language-server/package.json": {"name": "@vue/language-server", "version": "2.0.0"}
    }
    assert _unresolvable_severities({**tree, **server}) == [("volar.config.js", "@volar-plugins/prettier", "error")]


def test_a_webpack_config_of_a_tree_without_webpack_is_a_note() -> None:
    # Lissy93/web-check keeps api/_common/aws-webpack.config.js, which requires
    # webpack-node-externals, in a vite and astro project: no webpack in the tree, nothing runs it
    config = (
        "const nodeExternals = require('webpack-node-externals');\nmodule.exports = { externals: [nodeExternals()] };\n"
    )
    tree: dict[str, object] = {"/app/api/aws-webpack.config.js": config}
    assert _unresolvable_severities(tree) == [("api/aws-webpack.config.js", "webpack-node-externals", "info")]
    # webpack in the tree may load it
    installed = {"/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.90.0"}}
    assert _unresolvable_severities({**tree, **installed}) == [
        ("api/aws-webpack.config.js", "webpack-node-externals", "error")
    ]
    # and so does a script that runs webpack through npx
    scripts = {"name": "app", "version": "1.0.0", "scripts": {"build:aws": "npx webpack -c api/aws-webpack.config.js"}}
    assert _unresolvable_severities({**tree, "/app/package.json": scripts}) == [
        ("api/aws-webpack.config.js", "webpack-node-externals", "error")
    ]


def test_cypress_files_of_a_tree_without_cypress_are_notes() -> None:
    # Devographics' surveyform/cypress/: support files and plugins importing @testing-library/cypress
    # and @cypress/code-coverage; cypress is in neither the tree nor the lockfile, nothing runs it
    support = "import '@testing-library/cypress/add-commands';\n"
    tree: dict[str, object] = {"/app/cypress/support/commands.ts": support, "/app/cypress.config.ts": ""}
    request = "@testing-library/cypress/add-commands"
    assert _unresolvable_severities(tree) == [("cypress/support/commands.ts", request, "info")]
    installed = {"/app/node_modules/cypress/package.json": {"name": "cypress", "version": "13.6.0"}}
    assert _unresolvable_severities({**tree, **installed}) == [("cypress/support/commands.ts", request, "error")]
    scripts = {"name": "app", "version": "1.0.0", "scripts": {"e2e": "npx cypress run"}}
    assert _unresolvable_severities({**tree, "/app/package.json": scripts}) == [
        ("cypress/support/commands.ts", request, "error")
    ]


def test_code_in_a_folder_named_not_used_is_a_note() -> None:
    # Devographics' results/not_used/charts/*.tsx import @nivo/* packages the tree no longer holds;
    # a package the tree holds, imported from there, is still judged
    tree: dict[str, object] = {
        "/app/not_used/charts/Bar.tsx": "import { ResponsiveBar } from '@nivo/bar';\nResponsiveBar();\n",
        "/app/src/unused/Old.js": "import x from 'left-padz';\nx();\n",
        "/app/src/App.js": "import y from 'gone-pkg';\ny();\n",
    }
    assert _unresolvable_severities(tree) == [
        ("not_used/charts/Bar.tsx", "@nivo/bar", "info"),
        ("src/App.js", "gone-pkg", "error"),
        ("src/unused/Old.js", "left-padz", "info"),
    ]


def test_a_webpack_config_built_by_another_packages_function_may_alias_anything() -> None:
    # VEuPathDB's sites: webpack.config.js exports `configure(additionalConfig)` from the workspace
    # package @veupathdb/site-webpack-config, whose config sets `alias: {site: cwd + '/webapp'}`;
    # from the files alone (nothing installed to run it with) `site/css/x.css` cannot be told missing
    config = "const configure = require('@acme/site-webpack-config');\nmodule.exports = configure({ entry: {} });\n"
    tree: dict[str, object] = {
        "/app/webpack.config.js": config,
        "/app/src/main.js": "import 'site/css/x.css';\n",
        "/app/node_modules/@acme/site-webpack-config/package.json": {
            "name": "@acme/site-webpack-config",
            "version": "1.0.0",
        },
        "/app/node_modules/webpack-merge/package.json": {"name": "webpack-merge", "version": "5.10.0"},
    }
    assert _unresolvable_severities(tree) == [("src/main.js", "site/css/x.css", "info")]
    # webpack-merge only merges configs, each read on its own: still decided
    merged = "const { merge } = require('webpack-merge');\nmodule.exports = merge({ entry: {} }, {});\n"
    merged_default = "const merge = require('webpack-merge');\nmodule.exports = merge({ entry: {} }, {});\n"
    for text in (merged, merged_default):
        assert _unresolvable_severities({**tree, "/app/webpack.config.js": text}) == [
            ("src/main.js", "site/css/x.css", "error")
        ]


def test_vendored_code_importing_what_nothing_here_installs_is_a_note() -> None:
    # VEuPathDB's wdk-client/vendored/datatables.js: DataTables' plugins in UMD wrappers require
    # datatables.net, which the copy itself is; the page loads it as a script
    umd = "if (typeof exports === 'object') { module.exports = require('datatables.net'); }\n"
    tree: dict[str, object] = {"/app/vendored/datatables.js": umd}
    assert _unresolvable_severities(tree) == [("vendored/datatables.js", "datatables.net", "info")]


def test_a_prisma_clients_output_folder_is_written_by_prisma_generate() -> None:
    # lootlog's apps/api: schema.prisma's generator writes ../generated/client (gitignored), which
    # the NestJS sources import as `generated/client` through tsconfig's baseUrl "./"
    schema = 'generator client {\n  provider = "prisma-client-js"\n  output   = "../generated/client"\n}\n'
    tree: dict[str, object] = {
        "/app/prisma/schema.prisma": schema,
        "/app/tsconfig.json": '{"compilerOptions": {"baseUrl": "./"}}',
        "/app/src/db.ts": "import { PrismaClient } from 'generated/client';\nnew PrismaClient();\n",
    }
    assert _unresolvable_severities(tree) == [("src/db.ts", "generated/client", "info")]
    # a generator writing into node_modules (the default client) answers nothing of the kind
    tree["/app/prisma/schema.prisma"] = schema.replace("../generated/client", "../node_modules/.prisma/client")
    assert _unresolvable_severities(tree) == [("src/db.ts", "generated/client", "error")]


def test_a_clis_assets_are_what_it_writes_into_other_projects() -> None:
    # N0SAFE's packages/bin/declarative-routing (bin: declarative-routing): assets/nextjs/*.tsx are
    # the files the command writes into the user's Next.js app, importing what that app installs
    asset = "import Link from 'next-linkz';\nLink();\n"
    cli = {"name": "app", "version": "1.0.0", "bin": {"app": "dist/index.js"}}
    tree: dict[str, object] = {"/app/package.json": cli, "/app/assets/nextjs/makeRoute.js": asset}
    assert _unresolvable_severities(tree) == [("assets/nextjs/makeRoute.js", "next-linkz", "info")]
    # a package with no executable: its assets/ are its own
    tree["/app/package.json"] = {"name": "app", "version": "1.0.0"}
    assert _unresolvable_severities(tree) == [("assets/nextjs/makeRoute.js", "next-linkz", "error")]


def test_a_generators_template_variant_folders_are_what_it_copies_into_new_projects() -> None:
    """web-infra-dev/rspress's create-rspress (bin: create-rspress): template-i18n/rspress.config.ts
    and scripts/template-theme/theme/index.tsx import @rspress/core, which the project the command
    scaffolds installs (template-common/package.json declares it), not create-rspress itself; its
    build copies template-theme over template-basic/-i18n (scripts/generate-theme-templates.mjs, read
    in the repository). create-vite names its scaffolds the same way (template-react, template-vue)."""
    config = "import { defineConfig } from '@rspress/corez';\nexport default defineConfig({});\n"
    cli = {"name": "app", "version": "1.0.0", "bin": {"app": "bin.js"}}
    tree: dict[str, object] = {
        "/app/package.json": cli,
        "/app/template-i18n/rspress.config.ts": config,
        "/app/scripts/template_theme/theme/index.js": config,
    }
    assert _unresolvable_severities(tree) == [
        ("scripts/template_theme/theme/index.js", "@rspress/corez", "info"),
        ("template-i18n/rspress.config.ts", "@rspress/corez", "info"),
    ]
    # a library with no executable: a folder so named is its own code
    tree["/app/package.json"] = {"name": "app", "version": "1.0.0"}
    assert [severity for *_, severity in _unresolvable_severities(tree)] == ["error", "error"]


def test_vitest_answers_vitest_in_the_files_it_runs() -> None:
    # tiptap's package tests import `vitest` without declaring it; the tree holds vitest only below
    # another package, where node does not look from the test, but vitest resolves it from its root
    tree: dict[str, object] = {
        "/app/src/a.test.ts": "import { it } from 'vitest';\nit('x', () => {});\n",
        "/app/node_modules/vite-plus/package.json": {"name": "vite-plus", "version": "0.2.7"},
        "/app/node_modules/vite-plus/node_modules/vitest/package.json": {"name": "vitest", "version": "4.1.10"},
    }
    assert _unresolvable_severities(tree) == [("src/a.test.ts", "vitest", "info")]
    del tree["/app/node_modules/vite-plus/node_modules/vitest/package.json"]
    assert _unresolvable_severities(tree) == [("src/a.test.ts", "vitest", "error")]


def test_a_file_that_lists_its_dependencies_for_jquery_release_is_a_note() -> None:
    # jquery-ui's build/release.js (here in scripts/): jquery-release installs `module.exports.dependencies` before it
    # runs the file; release-test.js requires shelljs without listing it
    release = (
        "module.exports = function (Release) {\n  var shell = require('shelljs');\n};\n"
        "module.exports.dependencies = [\n  'shelljs@0.8.5'\n];\n"
    )
    tree: dict[str, object] = {
        "/app/scripts/release.js": release,
        "/app/scripts/release-test.js": "var shell = require('shelljs');\n",
    }
    assert _unresolvable_severities(tree) == [
        ("scripts/release-test.js", "shelljs", "error"),
        ("scripts/release.js", "shelljs", "info"),
    ]


def test_an_installed_packages_require_inside_a_try_block_is_a_note() -> None:
    # debug's `try { require('supports-color') } catch {}`: a feature probe; where the layout does not
    # put the package (pnpm), the require's failure is caught. A second, unguarded require of the same
    # name is what breaks, and what the warning then points at.
    probe = "let color;\ntry {\n  color = require('scheduler');\n} catch (error) {}\nmodule.exports = color;\n"
    tree: dict[str, object] = {
        "/app/node_modules/probe/package.json": {"name": "probe", "version": "1.0.0"},
        "/app/node_modules/probe/index.js": probe,
    }
    [note] = [item for item in findings(tree) if item.package and item.package.name == "probe"]
    assert (note.severity, note.from_, note.line) == (Severity.INFO, "node_modules/probe/index.js", 3)
    assert "every require of it is inside a try block" in note.message
    tree["/app/node_modules/probe/index.js"] = probe + "module.exports.now = require('scheduler');\n"
    [warning] = [item for item in findings(tree) if item.package and item.package.name == "probe"]
    assert (warning.severity, warning.line) == (Severity.WARNING, 6)


@requires_node
def test_an_installed_packages_guarded_require_does_not_throw_in_node(tmp_path: Path) -> None:
    # the ground truth of the note above: node runs the package where the name is not installed
    package = tmp_path / "node_modules" / "probe"
    package.mkdir(parents=True)
    (package / "package.json").write_text('{"name": "probe", "version": "1.0.0"}')
    (package / "index.js").write_text(
        "let c;\ntry {\n  c = require('scheduler');\n} catch (error) {}\nmodule.exports = c;\n"
    )
    ran = subprocess.run(
        ["node", "-e", "console.log(require('probe') === undefined)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stdout.strip()) == (0, "true")


_LAZY = (
    "function _helper() {\n  const data = require('{name}');\n  _helper = function () {\n    return data;\n  };\n"
    "  return data;\n}\nmodule.exports = 1;\n"
)


def test_a_require_in_a_function_nothing_calls_is_a_note() -> None:
    # Babel's lazy interop helper (`function _jestResolve() { const data = require('jest-resolve'); ... }`)
    # that the compiled file never calls: the require never runs, in the project or in a package
    tree: dict[str, object] = {
        "/app/src/compiled.js": _LAZY.replace("{name}", "left-padz"),
        "/app/node_modules/lazy/package.json": {"name": "lazy", "version": "1.0.0"},
        "/app/node_modules/lazy/index.js": _LAZY.replace("{name}", "scheduler"),
    }
    found = sorted((item.code, item.from_, item.severity.value) for item in findings(tree))
    assert found == [
        ("phantom-dependency", "node_modules/lazy/index.js", "info"),
        ("unresolvable-import", "src/compiled.js", "info"),
    ]
    # called, it runs
    tree["/app/src/compiled.js"] = _LAZY.replace("{name}", "left-padz") + "_helper();\n"
    assert [item.severity.value for item in findings(tree) if item.from_ == "src/compiled.js"] == ["error"]


def test_vscode_inside_an_extension_monorepo_and_for_a_library_of_extensions() -> None:
    """vscode-spell-checker: the extension's manifest (``engines.vscode``) is the monorepo root and
    its workspaces (packages/client, bundled into the extension) import ``vscode``; the editor's
    extension host provides it. A library with no extension around it that imports ``vscode`` while
    the tree holds @types/vscode is written for extensions: a note. With neither, an error."""
    monorepo = {
        "/app/package.json": {
            "name": "ext",
            "version": "1.0.0",
            "engines": {"vscode": "^1.80.0"},
            "workspaces": ["packages/*"],
        },
        "/app/packages/client/package.json": {"name": "client", "version": "1.0.0"},
        "/app/packages/client/src/extension.js": "const vscode = require('vscode');\nvscode.window;\n",
        "/app/node_modules/client": symlink("../packages/client"),
    }
    assert findings(monorepo) == []
    library = {
        "/app/src/rpc.js": "const vscode = require('vscode');\nvscode.window;\n",
        "/app/node_modules/@types/vscode/package.json": {"name": "@types/vscode", "version": "1.104.0"},
    }
    [note] = findings(library)
    assert (note.code, note.severity) == ("unresolvable-import", Severity.INFO)
    assert "extension host" in note.message and "nothing to install" in (note.fix or "")


def test_a_types_only_import_typed_by_the_roots_types_package_is_not_reported() -> None:
    """vscode-spell-checker's workspaces write ``import type { Uri } from 'vscode'`` while only the
    monorepo root declares @types/vscode: TypeScript drops the import and finds the types walking up
    to the root's node_modules (tsc 5.9.3: no error). A types package the root does not declare is
    still reported."""
    tree = {
        "/app/package.json": {
            "name": "root",
            "version": "1.0.0",
            "workspaces": ["packages/*"],
            "devDependencies": {"@types/vscode": "1.104.0"},
        },
        "/app/node_modules/@types/vscode/package.json": {"name": "@types/vscode", "version": "1.104.0"},
        "/app/node_modules/@types/kefir/package.json": {"name": "@types/kefir", "version": "3.8.0"},
        "/app/packages/client/package.json": {"name": "client", "version": "1.0.0"},
        "/app/packages/client/src/a.ts": "import type { Uri } from 'vscode';\nimport type { Stream } from 'kefir';\n",
        "/app/node_modules/client": symlink("../packages/client"),
    }
    assert [item.request for item in findings(tree)] == ["kefir"]


def test_a_types_only_import_typed_by_an_undeclared_installed_types_package_says_where_its_types_are() -> None:
    """mdx's `import type { Node } from 'unist'`: @types/unist is hoisted (another package's
    dependency), undeclared; `unist` itself is nowhere. The warning must not say "nor installed",
    which sends the reader to install the runtime package; the fix declares the @types package."""
    tree = {
        "/app/node_modules/@types/unist/package.json": {"name": "@types/unist", "version": "3.0.0"},
        "/app/src/a.ts": "import type { Node } from 'unist';\nexport const n: Node | null = null;\n",
    }
    [finding] = findings(tree)
    assert (finding.code, finding.severity) == ("unresolvable-import", Severity.WARNING)
    assert "nor installed" not in finding.message
    assert "TypeScript takes its types from @types/unist, which is installed but not declared" in finding.message
    assert finding.fix is not None and finding.fix.startswith("add `@types/unist` to devDependencies")


def test_the_imports_of_a_vite_config_with_plugins_are_judged_as_node_loads_them() -> None:
    """redux-essentials-example-app's vite.config.mjs imports esbuild, which only vite declares.
    Vite bundles its config with esbuild, leaves bare names external, and node imports them: the
    plugins the config defines transform the app's modules, never the config (real pnpm 10.34.8:
    `vite build` stops with ERR_MODULE_NOT_FOUND, "Cannot find package 'esbuild'"). The app's own
    import of the name the config quotes stays a note."""
    config = (
        "import * as devkit from '@nx/devkit';\n"
        "export default { plugins: [{ name: 'x', load() { return devkit.workspaceRoot; } }] };\n"
    )
    tree = _pnpm_hoisted({"/app/vite.config.mjs": config, "/app/src/main.js": "import '@nx/devkit';\n"})
    tree["/app/node_modules/vite/package.json"] = {"name": "vite", "version": "5.0.11"}
    assert _severities(tree) == [
        ("src/main.js", "@nx/devkit", Severity.INFO),
        ("vite.config.mjs", "@nx/devkit", Severity.ERROR),
    ]


def test_a_file_scripts_run_through_a_package_executable_finds_what_pnpm_hoists_through_node_path() -> None:
    """tailwind-nextjs-starter-blog 1.4.0: `"start": "cross-env SOCKET=true node
    ./scripts/next-remote-watch.js ./data"` requires chalk, chokidar, commander and express, which
    only next-remote-watch declares. pnpm's shim for cross-env puts node_modules/.pnpm/node_modules
    on NODE_PATH and the node cross-env starts inherits it (real pnpm 10.34.8: `pnpm start` serves;
    `"node ./scripts/x.js"` alone fails with MODULE_NOT_FOUND): works by accident, a warning. A file
    one script runs with node itself, and an ES module (import ignores NODE_PATH), stay errors."""
    store = "/app/node_modules/.pnpm"
    code = "const { workspaceRoot } = require('@nx/devkit'); workspaceRoot();\n"
    scripts = {
        "start": "cross-env SOCKET=true node ./scripts/watch.js ./data",
        "build": "next build && node ./scripts/sitemap",
        "both": "cross-env A=1 node scripts/sitemap.js",
        "esm": "cross-env A=1 node --no-warnings ./scripts/esm.mjs",
    }
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "scripts": scripts,
        "devDependencies": {"@nx/playwright": "22.7.5", "cross-env": "7.0.3"},
    }
    tree = _pnpm_hoisted(
        {
            "/app/node_modules/cross-env": symlink(".pnpm/cross-env@7.0.3/node_modules/cross-env"),
            f"{store}/cross-env@7.0.3/node_modules/cross-env/package.json": {
                "name": "cross-env",
                "version": "7.0.3",
                "bin": {"cross-env": "src/bin/cross-env.js"},
            },
            "/app/scripts/watch.js": code,
            "/app/scripts/sitemap.js": code,
            "/app/scripts/esm.mjs": "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n",
        },
        manifest,
    )
    assert _severities(tree) == [
        ("scripts/esm.mjs", "@nx/devkit", Severity.ERROR),
        ("scripts/sitemap.js", "@nx/devkit", Severity.ERROR),
        ("scripts/watch.js", "@nx/devkit", Severity.WARNING),
    ]
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    [warning] = [item for item in found if item.severity is Severity.WARNING]
    assert "the scripts run this file with node through `cross-env`" in warning.message


def test_the_modules_a_script_loads_with_a_runner_find_what_pnpm_hoists_through_node_path() -> None:
    """naive-ui-admin 2.1.0: `"build": "vite build && esno ./build/script/postBuild.ts"`; postBuild.ts
    imports ./buildConf, which imports fs-extra and chalk, declared by no one here. pnpm's shim for
    esno puts node_modules/.pnpm/node_modules on NODE_PATH, and esno compiles both files to CommonJS
    in its own process (real pnpm 10.34.9, esno 4.8.0: the script writes dist/app.config.js; without
    the shim's NODE_PATH, "Cannot find module 'fs-extra'"): works by accident, a warning. A module
    the entry does not reach, and an ES module (import ignores NODE_PATH), stay errors."""
    store = "/app/node_modules/.pnpm"
    code = "import { workspaceRoot } from '@nx/devkit';\nworkspaceRoot();\n"
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "scripts": {"build": "vite build && esno ./build/post.ts", "esm": "tsx build/esm.mts"},
        "devDependencies": {"@nx/playwright": "22.7.5", "esno": "4.8.0", "tsx": "4.19.0"},
    }
    tree = _pnpm_hoisted(
        {
            "/app/node_modules/esno": symlink(".pnpm/esno@4.8.0/node_modules/esno"),
            f"{store}/esno@4.8.0/node_modules/esno/package.json": {
                "name": "esno",
                "version": "4.8.0",
                "bin": {"esno": "esno.js", "esmo": "esmo.mjs"},
            },
            "/app/node_modules/tsx": symlink(".pnpm/tsx@4.19.0/node_modules/tsx"),
            f"{store}/tsx@4.19.0/node_modules/tsx/package.json": {
                "name": "tsx",
                "version": "4.19.0",
                "bin": "./dist/cli.mjs",
            },
            "/app/.gitignore": "node_modules\ndist\n",  # build/ holds the project's own scripts
            "/app/build/post.ts": "import { run } from './conf';\n" + code + "run();\n",
            "/app/build/conf.ts": code + "export const run = () => 1;\n",
            "/app/build/other.ts": code,
            "/app/build/esm.mts": code,
        },
        manifest,
    )
    assert _severities(tree) == [
        ("build/conf.ts", "@nx/devkit", Severity.WARNING),
        ("build/esm.mts", "@nx/devkit", Severity.ERROR),
        ("build/other.ts", "@nx/devkit", Severity.ERROR),
        ("build/post.ts", "@nx/devkit", Severity.WARNING),
    ]
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=CODES)
    [conf] = [item for item in found if item.from_ == "build/conf.ts"]
    assert "the scripts load this file with `esno`" in conf.message


def test_a_module_nextjs_pages_import_is_bundled_wherever_it_lives() -> None:
    """tailwind-nextjs-starter-blog 1.4.0 (next 12.0.7): pages import `@/lib/mdx` (a jsconfig
    `paths` entry), which imports ./remark-toc-headings, which imports mdast-util-to-string, which
    only remark packages declare. Next's webpack build compiles every module its pages reach and
    resolves each with NODE_PATH in resolve.modules (real pnpm 10.34.8: `next build` renders every
    page). A module of lib/ no page reaches stays an error."""
    tree = _next_app("12.0.7")
    code = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    tree.update(
        {
            "/app/jsconfig.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"@/lib/*": ["lib/*"]}}}',
            "/app/pages/index.js": "import { load } from '@/lib/mdx';\nexport default load;\n",
            "/app/lib/mdx.js": "import toc from './toc';\nexport const load = () => toc;\n",
            "/app/lib/toc.js": code,
            "/app/lib/unused.js": code,
        }
    )
    assert _severities(tree) == [
        ("lib/toc.js", "@nx/devkit", Severity.WARNING),
        ("lib/unused.js", "@nx/devkit", Severity.ERROR),
        ("scripts/generate.ts", "@nx/devkit", Severity.ERROR),
        ("src/lib/static-props.ts", "@nx/devkit", Severity.WARNING),
    ]


def test_a_nextra_theme_config_is_bundled_with_the_pages() -> None:
    """next-auth's docs (next 15.5.18, nextra 3.0.15): next.config.js passes `themeConfig:
    './theme.config.tsx'` to nextra, whose loader imports the theme config into every page;
    theme.config.tsx imports components/DocSearch, which imports `@docsearch/css`, held only by
    pnpm's hidden hoisting. The build compiles it with NODE_PATH in resolve.modules: a warning, as
    for a module the pages import. Without the themeConfig entry nothing here reaches it."""
    tree = _next_app("15.5.18")
    code = "import { workspaceRoot } from '@nx/devkit'; workspaceRoot();\n"
    nextra = (
        "import nextra from 'nextra';\n"
        "const withNextra = nextra({ theme: 'nextra-theme-docs', themeConfig: './theme.config.tsx' });\n"
        "export default withNextra({});\n"
    )
    tree.update(
        {
            "/app/theme.config.tsx": "import Search from './components/Search';\nexport default { Search };\n",
            "/app/components/Search/index.tsx": "export { default } from './wrapper';\n",
            "/app/components/Search/wrapper.tsx": code,
        }
    )
    assert ("components/Search/wrapper.tsx", "@nx/devkit", Severity.ERROR) in _severities(tree)
    tree["/app/next.config.mjs"] = nextra
    assert ("components/Search/wrapper.tsx", "@nx/devkit", Severity.WARNING) in _severities(tree)


def test_cases_a_mocha_spec_hands_to_the_code_under_test_are_notes() -> None:
    """parcel's integration tests (mocha specs straight in test/, any name) bundle their cases by a
    path from their folder: ``bundle(path.join(__dirname, '/integration/falsy-dep/index.js'))``; the
    case's missing package is what the test expects parcel to leave out (8 errors before). A file the
    spec requires, a case no spec names, and the folder of all cases (``chdir``) stay errors."""
    spec = (
        "const path = require('path');\n"
        "const setup = require(path.join(__dirname, 'helpers/setup.js'));\n"
        "inputFS.chdir(path.join(__dirname, '/integration'));\n"
        "it('drops falsy deps', async () => {\n"
        "  await bundle(path.join(__dirname, '/integration/falsy-dep/index.js'));\n"
        "  await bundle(path.join(\n    __dirname,\n    '/integration/alias/exclude-package.js',\n  ));\n"
        "  await outputFS.writeFile(path.join(__dirname, '/integration/dist/out.js'), '');\n"
        "});\n"
    )
    code = "require('missing-pkg');\n"
    tree = {
        "/app/test/javascript.js": spec,
        "/app/test/integration/falsy-dep/index.js": code,
        "/app/test/integration/alias/bar.js": code,
        "/app/test/integration/alias/exclude-package.js": code,
        "/app/test/integration/never-named/index.js": code,
        "/app/test/helpers/setup.js": code,
    }
    by_file = {item.from_: item.severity for item in findings(tree)}
    assert by_file == {
        "test/integration/falsy-dep/index.js": Severity.INFO,
        "test/integration/alias/bar.js": Severity.INFO,
        "test/integration/alias/exclude-package.js": Severity.INFO,
        "test/integration/never-named/index.js": Severity.ERROR,
        "test/helpers/setup.js": Severity.ERROR,
    }
    # a spec that is not in a test folder, nor named like one, names no case
    moved = {
        key.replace("/app/test/javascript.js", "/app/test/integration/runner.js"): value for key, value in tree.items()
    }
    assert findings(moved)[0].severity is Severity.ERROR


def test_a_type_import_in_a_project_of_its_own_is_undecided_like_its_other_imports() -> None:
    """shadcn-ui/ui's templates/start-app (its own pnpm-workspace.yaml, in no lockfile here):
    `import { clsx } from "clsx"` was a note, and `import type { ClassValue } from "clsx"` on the
    next line a warning: what that project's install brings is unknown for both."""
    tree = {
        "/app/templates/start/package.json": {"name": "start", "private": True, "dependencies": {"react": "^19"}},
        "/app/templates/start/pnpm-workspace.yaml": "packages: []\n",
        "/app/templates/start/src/utils.ts": (
            'import { clsx } from "clsx"\nimport type { ClassValue } from "clsx"\nexport const x: ClassValue = clsx()\n'
        ),
    }
    assert _unresolvable_severities(tree) == [
        ("templates/start/src/utils.ts", "clsx", "info"),
        ("templates/start/src/utils.ts", "clsx", "info"),
    ]


def test_appsync_resolver_code_gets_its_utils_from_the_appsync_runtime() -> None:
    """aws-amplify/amplify-backend's integration test project amplify/data/js_custom_fn.js imports
    `@aws-appsync/utils/dynamodb`, which nothing installs: AWS AppSync's APPSYNC_JS runtime provides
    `@aws-appsync/utils` to resolver code (AWS AppSync developer guide, "runtime features of
    APPSYNC_JS"), and Amplify bundles the entry with the name external. Node alone would fail, but
    nothing shows node runs it: a note, as for k6 and CloudFront Functions."""
    resolver = "import { put } from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) { return put({}); }\n"
    tree: dict[str, object] = {"/app/amplify/data/js_custom_fn.js": resolver}
    assert _unresolvable_severities(tree) == [("amplify/data/js_custom_fn.js", "@aws-appsync/utils/dynamodb", "info")]
