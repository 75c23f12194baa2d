"""Rules from field batch 22 (tests/field/blind/judgments-2026-12-07-check22.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

import json

from nmdoctor.diagnostics.model import Finding
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS


def _phantoms(tree: dict[str, object]) -> list[tuple[str, str | None, str | None]]:
    """``check`` of the installed tree: (severity, request, file) of each phantom-dependency finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree)).findings()
    return sorted(
        (item.severity.value, item.request, item.from_) for item in found if item.code == "phantom-dependency"
    )


def _package(name: str, version: str, **fields: object) -> bytes:
    return json.dumps({"name": name, "version": version, **fields}).encode()


def _installed(packages: dict[str, str], files: dict[str, object]) -> dict[str, object]:
    """An npm-hoisted install of ``packages`` (name: version), every one a dependency of the app."""
    tree: dict[str, object] = {
        "/app/package.json": json.dumps({"name": "app", "version": "1.0.0", "dependencies": packages}).encode(),
    }
    for name, version in packages.items():
        tree.setdefault(f"/app/node_modules/{name}/package.json", _package(name, version, main="index.js"))
    tree.update(files)
    return tree


def test_a_type_import_in_a_file_a_jsdoc_typedef_names_is_no_phantom() -> None:
    # @eslint/config-helpers 0.3.0 (element-plus-vite-starter, pnpm 10): dist/esm/index.js names
    # ./types.ts only in JSDoc (`@typedef {import("./types.ts").ConfigWithExtends}`), and types.ts holds
    # `import type { Linter } from "eslint"`: erased by any compiler, never loaded by node (the
    # package declares no eslint and works without it): a note, as a feature probe is.
    tree = _installed(
        {"helpers": "0.3.0", "eslint": "9.32.0"},
        {
            "/app/node_modules/helpers/index.js": b'/** @typedef {import("./types.ts").Config} Config */\n'
            b"module.exports = { defineConfig: (c) => c };\n",
            "/app/node_modules/helpers/types.ts": b'import type { Linter } from "eslint";\n'
            b"export type Config = Linter.Config;\n",
            "/app/node_modules/eslint/index.js": b"module.exports = {};\n",
        },
    )
    assert _phantoms(tree) == [("info", "eslint", "node_modules/helpers/types.ts")]


def test_the_declaration_files_of_a_types_package_are_not_its_code() -> None:
    # @types/react 18.3.17 (react-hook-form/documentation, pnpm 9): its exports name
    # ./ts5.0/index.d.ts under TypeScript's `types@<=5.0` condition, which imports prop-types; tsc
    # answers that with the @types/prop-types the package declares, and node never loads a .d.ts.
    react_types = {
        ".": {"types@<=5.0": {"default": "./ts5.0/index.d.ts"}, "types": {"default": "./index.d.ts"}},
    }
    tree = _installed(
        {"@types/react": "18.3.17", "@types/prop-types": "15.7.14", "prop-types": "15.8.1"},
        {
            "/app/node_modules/@types/react/package.json": _package(
                "@types/react",
                "18.3.17",
                types="index.d.ts",
                exports=react_types,
                dependencies={"@types/prop-types": "*"},
            ),
            "/app/node_modules/@types/react/index.d.ts": b"import * as PropTypes from 'prop-types';\n",
            "/app/node_modules/@types/react/ts5.0/index.d.ts": b"import * as PropTypes from 'prop-types';\n",
            "/app/node_modules/@types/prop-types/index.d.ts": b"export {};\n",
            "/app/node_modules/prop-types/index.js": b"module.exports = {};\n",
        },
    )
    assert _phantoms(tree) == []


def test_a_runtime_require_of_an_undeclared_package_stays_a_warning() -> None:
    tree = _installed(
        {"helpers": "0.3.0", "eslint": "9.32.0"},
        {
            "/app/node_modules/helpers/index.js": b'module.exports = require("eslint");\n',
            "/app/node_modules/eslint/index.js": b"module.exports = {};\n",
        },
    )
    assert _phantoms(tree) == [("warning", "eslint", "node_modules/helpers/index.js")]


VUE_VERSION_CHECK = b"""try {
  var vueVersion = require('vue').version
} catch (e) {}

var packageName = require('./package.json').name
var packageVersion = require('./package.json').version
if (vueVersion && vueVersion !== packageVersion) {
  var vuePath = require.resolve('vue')
  throw new Error('Vue packages version mismatch: ' + vuePath)
}

module.exports = require('./build')
"""


def test_a_require_resolve_that_runs_only_where_a_guarded_require_found_the_package_is_a_note() -> None:
    # @vue/compiler-vue2 2.7.16 (element-plus-vite-starter, pnpm 10) and vue-template-compiler 2.7.8
    # (vue-grid-layout, yarn 1): index.js probes `require('vue')` in a try block and resolves vue
    # again only `if (vueVersion && ...)`; where vue is not found nothing fails (real node 20: with no
    # vue in reach the module loads). The fix it had, declaring vue for the package, is no fix: with
    # vue 3 in reach the same check throws "Vue packages version mismatch".
    tree = _installed(
        {"vue-template-compiler": "2.7.8", "vue": "2.7.8"},
        {
            "/app/node_modules/vue-template-compiler/index.js": VUE_VERSION_CHECK,
            "/app/node_modules/vue-template-compiler/build.js": b"module.exports = {};\n",
            "/app/node_modules/vue/index.js": b"module.exports = { version: '2.7.8' };\n",
        },
    )
    assert _phantoms(tree) == [("info", "vue", "node_modules/vue-template-compiler/index.js")]
