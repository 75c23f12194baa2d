"""An installed package's import that only TypeScript reads (a declaration file its ``exports``
names, an ``import type`` in a shipped ``.ts`` file) never runs: node never loads it. Covered when
the package declares the name's ``@types`` package (TypeScript takes the types from there), else a
note: only a type check of the package's declarations reads it (fresh-install batch 13: @types/markdown-it 14.1.2's
``exports`` ``require`` target ``dist/index.cjs.d.ts`` imports linkify-it and mdurl, whose types its
declared @types/linkify-it and @types/mdurl give: 2 false warnings on modelcontextprotocol's
typescript-sdk; @eslint/config-helpers 0.2.0's ``dist/esm/types.ts``, named in a JSDoc import of
``index.js``, holds ``import type { Linter } from "eslint"``: reported as breaking at run time on
honojs/create-hono)."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/app/node_modules/.pnpm"
MARKDOWN_IT_TYPES = f"{STORE}/@types+markdown-it@14.1.2/node_modules"


def tree() -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "devDependencies": {"@types/markdown-it": "^14", "@eslint/config-helpers": "^0.2", "eslint": "^9"},
        },
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/@types/markdown-it": symlink(
            "../.pnpm/@types+markdown-it@14.1.2/node_modules/@types/markdown-it"
        ),
        f"{MARKDOWN_IT_TYPES}/@types/markdown-it/package.json": {
            "name": "@types/markdown-it",
            "version": "14.1.2",
            "types": "index.d.ts",
            "exports": {".": {"import": "./index.d.mts", "require": "./dist/index.cjs.d.ts"}},
            "dependencies": {"@types/linkify-it": "^5", "@types/mdurl": "^2"},
        },
        f"{MARKDOWN_IT_TYPES}/@types/markdown-it/dist/index.cjs.d.ts": (
            'import LinkifyIt = require("linkify-it");\nimport mdurl = require("mdurl");\n'
            "declare const md: { linkify: LinkifyIt; utils: typeof mdurl };\nexport = md;\n"
        ),
        f"{MARKDOWN_IT_TYPES}/@types/linkify-it": symlink(
            "../../../@types+linkify-it@5.0.0/node_modules/@types/linkify-it"
        ),
        f"{MARKDOWN_IT_TYPES}/@types/mdurl": symlink("../../../@types+mdurl@2.0.0/node_modules/@types/mdurl"),
        f"{STORE}/@types+linkify-it@5.0.0/node_modules/@types/linkify-it/package.json": {
            "name": "@types/linkify-it",
            "version": "5.0.0",
        },
        f"{STORE}/@types+mdurl@2.0.0/node_modules/@types/mdurl/package.json": {
            "name": "@types/mdurl",
            "version": "2.0.0",
        },
        # the packages themselves, hoisted where only pnpm's hidden hoisting puts them
        f"{STORE}/node_modules/linkify-it": symlink("../linkify-it@5.0.0/node_modules/linkify-it"),
        f"{STORE}/linkify-it@5.0.0/node_modules/linkify-it/package.json": {"name": "linkify-it", "version": "5.0.0"},
        f"{STORE}/node_modules/mdurl": symlink("../mdurl@2.0.0/node_modules/mdurl"),
        f"{STORE}/mdurl@2.0.0/node_modules/mdurl/package.json": {"name": "mdurl", "version": "2.0.0"},
        "/app/node_modules/@eslint/config-helpers": symlink(
            "../.pnpm/@eslint+config-helpers@0.2.0/node_modules/@eslint/config-helpers"
        ),
        f"{STORE}/@eslint+config-helpers@0.2.0/node_modules/@eslint/config-helpers/package.json": {
            "name": "@eslint/config-helpers",
            "version": "0.2.0",
            "main": "dist/esm/index.js",
            "types": "dist/esm/index.d.ts",
        },
        f"{STORE}/@eslint+config-helpers@0.2.0/node_modules/@eslint/config-helpers/dist/esm/index.js": (
            '/** @typedef {import("./types.ts").ConfigWithExtends} ConfigWithExtends */\n'
            "export function defineConfig(...args) { return args.flat(); }\n"
        ),
        f"{STORE}/@eslint+config-helpers@0.2.0/node_modules/@eslint/config-helpers/dist/esm/types.ts": (
            'import type { Linter } from "eslint";\nexport type ConfigWithExtends = Linter.Config;\n'
        ),
        "/app/node_modules/eslint": symlink(".pnpm/eslint@9.23.0/node_modules/eslint"),
        f"{STORE}/eslint@9.23.0/node_modules/eslint/package.json": {"name": "eslint", "version": "9.23.0"},
    }


def phantoms() -> list[Finding]:
    fs = MemoryFS.from_mapping(tree())
    graph = read_installed_tree(fs, "/app")
    return list(run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"]))


def test_a_declaration_file_import_covered_by_a_declared_types_package_is_no_phantom() -> None:
    assert [item.request for item in phantoms() if item.package and item.package.name == "@types/markdown-it"] == []


def test_an_import_type_in_a_shipped_ts_file_is_a_note() -> None:
    found = [item for item in phantoms() if item.package and item.package.name == "@eslint/config-helpers"]
    assert [(item.severity, item.request) for item in found] == [(Severity.INFO, "eslint")]
    assert found[0].message == (
        "`@eslint/config-helpers@0.2.0` requires `eslint` but does not declare it; it resolves only from "
        "node_modules/eslint (cannot be decided: every import of it is a type import or in a declaration "
        "file, which node never loads; only a type check of the package's declarations reads it)"
    )
