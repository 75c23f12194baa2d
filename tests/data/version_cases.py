"""One or more cases per rule of ``nmdoctor.resolve.node.versions``: the answer of each node line.

Provenance: every answer for a pinned version (20.20.2, 22.23.5, 24.22.3, 26.12.1, and the older
20.18.3, 20.19.0, 22.11.0, 22.12.0 of tests/node_tools/old) is checked against that real node binary
by tests/unit/resolve/test_node_versions_against_node.py; answers for other versions follow the
rule's ``since`` and are checked in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.data.resolve_cases import Case

from nmdoctor.resolve.node import versions as rules
from nmdoctor.vfs import symlink


@dataclass(frozen=True)
class VersionCase:
    rule: rules.Rule
    case: Case
    answers: dict[str, str]  # version ("20" = the pinned 20.20.2, or "X.Y.Z") -> expected answer


def _all(answer_20: str, answer_22: str, answer_24: str, answer_26: str) -> dict[str, str]:
    return {"20": answer_20, "22": answer_22, "24": answer_24, "26": answer_26}


_MODULE_SYNC_TREE = {
    "node_modules/dual/package.json": {
        "name": "dual",
        "exports": {"module-sync": "./sync.js", "default": "./default.js"},
    },
    "node_modules/dual/sync.js": "",
    "node_modules/dual/default.js": "",
}
_NUMBER_EXPORTS = {
    "node_modules/n/package.json": {"name": "n", "main": "main.js", "exports": 1},
    "node_modules/n/main.js": "",
}
_TRUE_EXPORTS = {"node_modules/t/package.json": {"name": "t", "exports": True}, "node_modules/t/index.js": ""}
_ARRAY_PACKAGE = {"node_modules/arr/package.json": [], "node_modules/arr/index.js": ""}
_NUMBER_PACKAGE = {"node_modules/num/package.json": 123, "node_modules/num/index.js": ""}
_LIB_SLASH_MAIN = {
    "node_modules/m/package.json": {"name": "m", "main": "lib/"},
    "node_modules/m/lib.js": "",
    "node_modules/m/lib/index.js": "",
}
_PERCENT_MAIN = {
    "node_modules/pm/package.json": {"name": "pm", "main": "a%20b.js"},
    "node_modules/pm/a%20b.js": "",
    "node_modules/pm/index.js": "",
}
_LOOP = {"node_modules/loop": symlink("loop"), "node_modules/loop-next/index.js": ""}
_HASH_SLASH = {"package.json": {"name": "app", "imports": {"#/x": "./x.js"}}, "x.js": ""}
_STREAMS = {"node_modules/_stream_readable/index.js": ""}
_TS = {"a.ts": "", "node_modules/p/package.json": {"name": "p", "main": "m"}, "node_modules/p/m.ts": ""}

VERSION_CASES: list[VersionCase] = [
    VersionCase(
        rules.MODULE_SYNC,
        Case("module-sync for require", _MODULE_SYNC_TREE, "dual", "?"),
        {
            **_all(*["node_modules/dual/sync.js"] * 4),
            "20.18.0": "node_modules/dual/default.js",
            "20.18.3": "node_modules/dual/default.js",
            "20.19.0": "node_modules/dual/sync.js",
            "22.11.0": "node_modules/dual/default.js",
            "22.12.0": "node_modules/dual/sync.js",
        },
    ),
    VersionCase(
        rules.MODULE_SYNC,
        Case("module-sync for import", _MODULE_SYNC_TREE, "dual", "?", mode="esm"),
        {
            **_all(*["node_modules/dual/sync.js"] * 4),
            "20.18.3": "node_modules/dual/default.js",
            "20.19.0": "node_modules/dual/sync.js",
            "22.11.0": "node_modules/dual/default.js",
            "22.12.0": "node_modules/dual/sync.js",
        },
    ),
    VersionCase(
        rules.REQUIRE_ESM,
        Case("require(esm) sets module-sync", _MODULE_SYNC_TREE, "dual", "?"),
        {"20.19.0": "node_modules/dual/sync.js", "22.11.0": "node_modules/dual/default.js"},
    ),
    VersionCase(
        rules.EXPORTS_NON_OBJECT_IGNORED,
        Case("exports: 1 (require)", _NUMBER_EXPORTS, "n", "?"),
        _all("ERR_PACKAGE_PATH_NOT_EXPORTED", *["node_modules/n/main.js"] * 3),
    ),
    VersionCase(
        rules.EXPORTS_NON_OBJECT_IGNORED,
        Case("exports: true (import)", _TRUE_EXPORTS, "t", "?", mode="esm"),
        _all("ERR_PACKAGE_PATH_NOT_EXPORTED", *["node_modules/t/index.js"] * 3),
    ),
    VersionCase(
        rules.EXPORTS_NON_OBJECT_IGNORED,
        Case("imports: 3 (require)", {"package.json": {"imports": 3}}, "#a", "?"),
        _all("ERR_PACKAGE_IMPORT_NOT_DEFINED", *["MODULE_NOT_FOUND"] * 3),
    ),
    VersionCase(
        rules.EXPORTS_NON_OBJECT_IGNORED,
        Case('imports: "x" is kept (require)', {"package.json": {"imports": "x"}}, "#a", "?"),
        _all(*["ERR_PACKAGE_IMPORT_NOT_DEFINED"] * 4),
    ),
    VersionCase(
        rules.PACKAGE_JSON_NOT_OBJECT,
        Case("package.json is [] (require)", _ARRAY_PACKAGE, "arr", "?"),
        _all("node_modules/arr/index.js", *["ERR_INVALID_PACKAGE_CONFIG"] * 3),
    ),
    VersionCase(
        rules.PACKAGE_JSON_NOT_OBJECT,
        Case("package.json is 123 (import)", _NUMBER_PACKAGE, "num", "?", mode="esm"),
        _all("node_modules/num/index.js", *["ERR_INVALID_PACKAGE_CONFIG"] * 3),
    ),
    VersionCase(
        rules.PACKAGE_JSON_NOT_OBJECT,
        # node 20 crashes with a code-less TypeError on this one: no answer to agree with there.
        Case(
            "package.json is null (require)",
            {"node_modules/nul/package.json": "null", "node_modules/nul/index.js": ""},
            "nul",
            "?",
        ),
        {"22": "ERR_INVALID_PACKAGE_CONFIG", "24": "ERR_INVALID_PACKAGE_CONFIG", "26": "ERR_INVALID_PACKAGE_CONFIG"},
    ),
    VersionCase(
        rules.LEGACY_MAIN_BY_PATH,
        Case(
            'import of main "lib/." beside lib/.json',
            {
                "node_modules/d/package.json": {"main": "lib/."},
                "node_modules/d/lib/.json": "{}",
                "node_modules/d/index.js": "",
            },
            "d",
            "?",
            mode="esm",
        ),
        _all("ERR_MODULE_NOT_FOUND", *["node_modules/d/index.js"] * 3),
    ),
    VersionCase(
        rules.LEGACY_MAIN_BY_PATH,
        Case('import of main "lib/" beside lib.js', _LIB_SLASH_MAIN, "m", "?", mode="esm"),
        _all("node_modules/m/lib/index.js", *["ERR_MODULE_NOT_FOUND"] * 3),
    ),
    VersionCase(
        rules.LEGACY_MAIN_BY_PATH,
        Case('import of main "a%20b.js"', _PERCENT_MAIN, "pm", "?", mode="esm"),
        _all("node_modules/pm/index.js", *["node_modules/pm/a%20b.js"] * 3),
    ),
    VersionCase(
        rules.PACKAGE_JSON_LOOP_ERROR,
        Case("require of a package that is a symlink loop", _LOOP, "loop", "?"),
        _all("MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "ERR_INVALID_PACKAGE_CONFIG", "ERR_INVALID_PACKAGE_CONFIG"),
    ),
    VersionCase(
        rules.PACKAGE_JSON_LOOP_ERROR,
        Case(
            "the package scope's package.json is a symlink loop",
            {"scope/package.json": symlink("package.json"), "scope/x.js": "", "scope/y.js": ""},
            "./y.js",
            "?",
            from_="scope/x.js",
            mode="esm",
        ),
        _all("scope/y.js", "scope/y.js", "ERR_INVALID_PACKAGE_CONFIG", "ERR_INVALID_PACKAGE_CONFIG"),
    ),
    VersionCase(
        rules.IMPORTS_HASH_SLASH,
        Case('"#/x" in imports (require)', _HASH_SLASH, "#/x", "?"),
        _all("ERR_INVALID_MODULE_SPECIFIER", "ERR_INVALID_MODULE_SPECIFIER", "x.js", "x.js"),
    ),
    VersionCase(
        rules.IMPORTS_HASH_SLASH,
        Case('"#/x" in imports (import)', _HASH_SLASH, "#/x", "?", mode="esm"),
        _all("ERR_INVALID_MODULE_SPECIFIER", "ERR_INVALID_MODULE_SPECIFIER", "x.js", "x.js"),
    ),
    VersionCase(
        rules.SQLITE_BUILTIN,
        Case("node:sqlite (require)", {}, "node:sqlite", "?"),
        {**_all("MODULE_NOT_FOUND", *["node:sqlite"] * 3), "22.4.0": "MODULE_NOT_FOUND", "22.12.0": "MODULE_NOT_FOUND"},
    ),
    VersionCase(
        rules.SQLITE_BUILTIN,
        Case("node:sqlite (import)", {}, "node:sqlite", "?", mode="esm"),
        _all("ERR_UNKNOWN_BUILTIN_MODULE", *["node:sqlite"] * 3),
    ),
    VersionCase(
        rules.SQLITE_BUILTIN,
        Case("plain sqlite is no builtin", {"node_modules/sqlite/index.js": ""}, "sqlite", "?"),
        _all(*["node_modules/sqlite/index.js"] * 4),
    ),
    VersionCase(
        rules.FFI_BUILTIN,
        Case("node:ffi (import)", {}, "node:ffi", "?", mode="esm"),
        _all("ERR_UNKNOWN_BUILTIN_MODULE", "ERR_UNKNOWN_BUILTIN_MODULE", "ERR_UNKNOWN_BUILTIN_MODULE", "node:ffi"),
    ),
    VersionCase(
        rules.NO_LEGACY_STREAM_BUILTINS,
        Case("_stream_readable (require)", _STREAMS, "_stream_readable", "?"),
        _all(*["node:_stream_readable"] * 3, "node_modules/_stream_readable/index.js"),
    ),
    VersionCase(
        rules.NO_LEGACY_STREAM_BUILTINS,
        Case("_stream_readable (import)", _STREAMS, "_stream_readable", "?", mode="esm"),
        _all(*["node:_stream_readable"] * 3, "node_modules/_stream_readable/index.js"),
    ),
    VersionCase(
        rules.TYPE_STRIPPING,
        Case("require('./a') never probes a.ts", _TS, "./a", "?"),
        _all(*["MODULE_NOT_FOUND"] * 4),
    ),
    VersionCase(
        rules.TYPE_STRIPPING,
        Case("main 'm' never probes m.ts", _TS, "p", "?"),
        _all(*["MODULE_NOT_FOUND"] * 4),
    ),
    VersionCase(
        rules.TYPE_STRIPPING,
        Case("import './a.ts' resolves", _TS, "./a.ts", "?", mode="esm"),
        _all(*["a.ts"] * 4),
    ),
]
