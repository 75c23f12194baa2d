"""migrate --to yarn-pnp: tslib, which TypeScript's output requires under `importHelpers`
(w3tecch/express-typescript-boilerplate: tsconfig.json `"importHelpers": true`, ts-node and
ts-jest, tslib only hoisted from dependencies). TypeScript 5.9.3 compiles `@Log class A {}` under
`experimentalDecorators` (target es2022) and `async function` under target es2015 to
`const tslib_1 = require("tslib")`, and without a tslib to find fails with TS2354 "This syntax
requires an imported helper but module 'tslib' cannot be found"; a file with neither emits no
require of tslib."""

from __future__ import annotations

import json

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.migrate.pnp import migrate_to_pnp
from nmdoctor.vfs import MemoryFS

DECORATED = "function Log(target: any) { return target; }\n\n@Log\nexport class A {}\n"


def _findings(
    *,
    dev: dict[str, str] | None = None,
    options: dict[str, object] | None = None,
    source: str = DECORATED,
    scripts: dict[str, str] | None = None,
) -> list[tuple[str, str | None, str | None, int | None]]:
    fs = MemoryFS()
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"routing": "^1.0.0"},
        "devDependencies": {"typescript": "^5.9.3", **(dev if dev is not None else {"ts-node": "^10.0.0"})},
        "scripts": scripts or {},
    }
    compiler = {"target": "es2022", "importHelpers": True, "experimentalDecorators": True, **(options or {})}
    files = {
        "/app/package.json": manifest,
        "/app/tsconfig.json": {"compilerOptions": compiler},
        "/app/src/a.ts": source,
        "/app/node_modules/.yarn-integrity": "{}",
        "/app/node_modules/routing/package.json": {
            "name": "routing",
            "version": "1.0.0",
            "dependencies": {"tslib": "^2"},
        },
        "/app/node_modules/tslib/package.json": {"name": "tslib", "version": "2.8.1"},
        "/app/node_modules/typescript/package.json": {"name": "typescript", "version": "5.9.3"},
        "/app/node_modules/ts-node/package.json": {"name": "ts-node", "version": "10.9.2"},
    }
    for path, value in files.items():
        fs.add_file(path, (value if isinstance(value, str) else json.dumps(value)).encode())
    graph = read_installed_tree(fs, "/app")
    return [
        (item.severity.value, item.request, item.from_, item.line)
        for item in migrate_to_pnp(graph, fs).findings
        if item.request == "tslib"
    ]


def test_output_that_requires_tslib_is_an_error_when_typescript_compiles_it() -> None:
    assert _findings() == [("error", "tslib", "src/a.ts", 3)]
    assert _findings(dev={}, scripts={"build": "tsc -p ."}) == [("error", "tslib", "src/a.ts", 3)]
    old_target = "export async function load() { return 1; }\n"
    assert _findings(options={"target": "es2015", "experimentalDecorators": False}, source=old_target) == [
        ("error", "tslib", "src/a.ts", 1)
    ]


def test_a_note_where_another_tool_may_compile_it() -> None:
    assert _findings(dev={}) == [("info", "tslib", "src/a.ts", 3)]


def test_nothing_where_no_helper_is_emitted_or_tslib_is_declared() -> None:
    assert _findings(options={"importHelpers": False}) == []
    assert _findings(options={"noEmitHelpers": True}) == []
    assert _findings(source="export const x = 1;\n") == []
    assert _findings(dev={"ts-node": "^10.0.0", "tslib": "^2.8.1"}) == []
    # async needs no helper from ES2017 on
    assert _findings(options={"experimentalDecorators": False}, source="export async function f() {}\n") == []
