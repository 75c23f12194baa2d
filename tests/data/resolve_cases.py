"""Readable resolution cases, one or more per rule of node's algorithm.

Provenance: every ``expected`` answer here is checked against real node v20 by
tests/unit/resolve/test_cases_against_node.py, which writes each tree to disk and asks node
(``createRequire(from).resolve`` for CommonJS, the default ``import`` resolver for ESM).
Paths are relative to the tree's root; ``from`` is the requiring module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nmdoctor.vfs import symlink


@dataclass(frozen=True)
class Case:
    name: str
    tree: dict[str, Any]
    request: str
    expected: str  # a path relative to the root, "node:NAME", or an error code
    from_: str = "index.js"
    mode: str = "cjs"
    conditions: tuple[str, ...] = ()
    preserve_symlinks: bool = False
    tags: tuple[str, ...] = field(default=())


def pkg(**fields: Any) -> dict[str, Any]:
    return dict(fields)


CASES: list[Case] = [
    # -- builtins ------------------------------------------------------------------------------
    Case("builtin plain", {}, "fs", "node:fs"),
    Case("builtin with scheme", {}, "node:fs", "node:fs"),
    Case("scheme-only builtin", {}, "node:test", "node:test"),
    Case(
        "plain 'test' is not a builtin",
        {"node_modules/test/index.js": ""},
        "test",
        "node_modules/test/index.js",
    ),
    Case("unknown node: builtin (require.resolve)", {}, "node:nope", "MODULE_NOT_FOUND"),
    Case("unknown node: builtin (import)", {}, "node:nope", "ERR_UNKNOWN_BUILTIN_MODULE", mode="esm"),
    Case("builtin wins over a package", {"node_modules/fs/index.js": ""}, "fs", "node:fs"),
    Case("trailing slash is not a builtin", {"node_modules/fs/index.js": ""}, "fs/", "node_modules/fs/index.js"),
    # -- files and extension probing -----------------------------------------------------------
    Case("exact file", {"a.js": ""}, "./a.js", "a.js"),
    Case("probe .js", {"a.js": ""}, "./a", "a.js"),
    Case("probe .json after .js", {"a.json": "{}"}, "./a", "a.json"),
    Case(".js before .json", {"a.js": "", "a.json": "{}"}, "./a", "a.js"),
    Case("probe .node", {"a.node": ""}, "./a", "a.node"),
    Case(".cjs is never probed", {"a.cjs": ""}, "./a", "MODULE_NOT_FOUND"),
    Case(".mjs is never probed", {"a.mjs": ""}, "./a", "MODULE_NOT_FOUND"),
    Case("file before directory", {"a.js": "", "a/index.js": ""}, "./a", "a.js"),
    Case("trailing slash skips the file", {"a.js": "", "a/index.js": ""}, "./a/", "a/index.js"),
    Case(
        "dot is the directory",
        {"index.js": "", "lib/index.js": "", "lib/x.js": ""},
        ".",
        "lib/index.js",
        from_="lib/x.js",
    ),
    Case("dotdot is the parent directory", {"index.js": "", "lib/x.js": ""}, "..", "index.js", from_="lib/x.js"),
    Case("absolute request", {"a/b.js": ""}, "{root}/a/b", "a/b.js"),
    Case("relative to a missing folder", {"a.js": ""}, "./a", "MODULE_NOT_FOUND", from_="missing/x.js"),
    Case("dotdot out of a missing folder", {"a.js": ""}, "../a", "a.js", from_="missing/x.js"),
    # -- directories and main ------------------------------------------------------------------
    Case("index.js", {"d/index.js": ""}, "./d", "d/index.js"),
    Case("index.json", {"d/index.json": "{}"}, "./d", "d/index.json"),
    Case("main file", {"d/package.json": pkg(main="lib/m.js"), "d/lib/m.js": ""}, "./d", "d/lib/m.js"),
    Case("main without extension", {"d/package.json": pkg(main="m"), "d/m.js": ""}, "./d", "d/m.js"),
    Case("main is a folder", {"d/package.json": pkg(main="lib"), "d/lib/index.js": ""}, "./d", "d/lib/index.js"),
    Case(
        "main missing falls back to index",
        {"d/package.json": pkg(main="nope.js"), "d/index.js": ""},
        "./d",
        "d/index.js",
    ),
    Case("main missing and no index", {"d/package.json": pkg(main="nope.js")}, "./d", "MODULE_NOT_FOUND"),
    Case("empty main", {"d/package.json": pkg(main=""), "d/index.js": ""}, "./d", "d/index.js"),
    Case("non-string main", {"d/package.json": pkg(main=7), "d/index.js": ""}, "./d", "d/index.js"),
    Case(
        "bad main stops the node_modules walk",
        {
            "a/node_modules/p/package.json": pkg(main="nope.js"),
            "node_modules/p/index.js": "",
        },
        "p",
        "MODULE_NOT_FOUND",
        from_="a/x.js",
    ),
    Case(
        "main is ignored with a relative directory request and exports",
        {"d/package.json": pkg(main="m.js", exports="./e.js"), "d/m.js": "", "d/e.js": ""},
        "./d",
        "d/m.js",
    ),
    Case(
        "esm legacy main",
        {"node_modules/p/package.json": pkg(main="m"), "node_modules/p/m.js": ""},
        "p",
        "node_modules/p/m.js",
        mode="esm",
    ),
    Case(
        "esm legacy main folder",
        {"node_modules/p/package.json": pkg(main="lib"), "node_modules/p/lib/index.js": ""},
        "p",
        "node_modules/p/lib/index.js",
        mode="esm",
    ),
    Case(
        "esm missing main falls back to index",
        {"node_modules/p/package.json": pkg(main="x.js"), "node_modules/p/index.js": ""},
        "p",
        "node_modules/p/index.js",
        mode="esm",
    ),
    Case(
        "esm package without entry",
        {"node_modules/p/package.json": pkg()},
        "p",
        "ERR_MODULE_NOT_FOUND",
        mode="esm",
    ),
    # -- node_modules walk ---------------------------------------------------------------------
    Case(
        "nearest node_modules wins",
        {"node_modules/p/index.js": "", "a/node_modules/p/index.js": ""},
        "p",
        "a/node_modules/p/index.js",
        from_="a/x.js",
    ),
    Case("walk upward", {"node_modules/p/index.js": ""}, "p", "node_modules/p/index.js", from_="a/b/c/x.js"),
    Case(
        "cjs never searches node_modules/node_modules",
        {"node_modules/node_modules/p/index.js": "", "node_modules/q/x.js": ""},
        "p",
        "MODULE_NOT_FOUND",
        from_="node_modules/q/x.js",
    ),
    Case(
        "esm does search node_modules/node_modules",
        {
            "node_modules/node_modules/p/package.json": pkg(main="i.js"),
            "node_modules/node_modules/p/i.js": "",
            "node_modules/q/x.js": "",
        },
        "p",
        "node_modules/node_modules/p/i.js",
        from_="node_modules/q/x.js",
        mode="esm",
    ),
    Case("scoped package", {"node_modules/@s/p/index.js": ""}, "@s/p", "node_modules/@s/p/index.js"),
    Case("deep subpath", {"node_modules/p/lib/a.js": ""}, "p/lib/a", "node_modules/p/lib/a.js"),
    Case(
        "esm subpath needs the extension",
        {"node_modules/p/lib/a.js": ""},
        "p/lib/a",
        "ERR_MODULE_NOT_FOUND",
        mode="esm",
    ),
    Case("esm directory import", {"d/index.js": ""}, "./d", "ERR_UNSUPPORTED_DIR_IMPORT", mode="esm"),
    Case("esm trailing slash", {"a.js": ""}, "./a.js/", "ERR_UNSUPPORTED_DIR_IMPORT", mode="esm"),
    Case("esm invalid package name", {}, "@scope", "ERR_INVALID_MODULE_SPECIFIER", mode="esm"),
    Case(
        "esm leading dot name",
        {"node_modules/.p/index.js": ""},
        ".p",
        "ERR_INVALID_MODULE_SPECIFIER",
        mode="esm",
    ),
    Case(
        "cjs leading dot name is a package",
        {"node_modules/.p/index.js": ""},
        ".p",
        "node_modules/.p/index.js",
    ),
    Case("esm url scheme", {}, "lodash:fp", "ERR_UNSUPPORTED_ESM_URL_SCHEME", mode="esm"),
    Case("esm encoded slash", {"a/b.js": ""}, "./a%2fb.js", "ERR_INVALID_MODULE_SPECIFIER", mode="esm"),
    Case("esm percent-encoding", {"a b.js": ""}, "./a%20b.js", "a b.js", mode="esm"),
    Case("esm query and hash", {"a.js": ""}, "./a.js?x=1#y", "a.js", mode="esm"),
    Case("esm backslash is a slash", {"a/b.js": ""}, "./a\\b.js", "a/b.js", mode="esm"),
    # -- exports ---------------------------------------------------------------------------------
    Case(
        "exports string",
        {"node_modules/p/package.json": pkg(exports="./e.js"), "node_modules/p/e.js": ""},
        "p",
        "node_modules/p/e.js",
    ),
    Case(
        "exports override main",
        {
            "node_modules/p/package.json": pkg(main="m.js", exports="./e.js"),
            "node_modules/p/e.js": "",
            "node_modules/p/m.js": "",
        },
        "p",
        "node_modules/p/e.js",
    ),
    Case(
        "exports block unlisted subpaths",
        {
            "node_modules/p/package.json": pkg(exports="./e.js"),
            "node_modules/p/e.js": "",
            "node_modules/p/x.js": "",
        },
        "p/x.js",
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ),
    Case(
        "exports block package.json",
        {"node_modules/p/package.json": pkg(exports="./e.js"), "node_modules/p/e.js": ""},
        "p/package.json",
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ),
    Case(
        "require condition",
        {
            "node_modules/p/package.json": pkg(exports={"import": "./i.mjs", "require": "./r.js"}),
            "node_modules/p/i.mjs": "",
            "node_modules/p/r.js": "",
        },
        "p",
        "node_modules/p/r.js",
    ),
    Case(
        "import condition",
        {
            "node_modules/p/package.json": pkg(exports={"import": "./i.mjs", "require": "./r.js"}),
            "node_modules/p/i.mjs": "",
            "node_modules/p/r.js": "",
        },
        "p",
        "node_modules/p/i.mjs",
        mode="esm",
    ),
    Case(
        "condition order is the object's order",
        {
            "node_modules/p/package.json": pkg(exports={"default": "./d.js", "require": "./r.js"}),
            "node_modules/p/d.js": "",
            "node_modules/p/r.js": "",
        },
        "p",
        "node_modules/p/d.js",
    ),
    Case(
        "user condition",
        {
            "node_modules/p/package.json": pkg(exports={"development": "./dev.js", "default": "./d.js"}),
            "node_modules/p/dev.js": "",
            "node_modules/p/d.js": "",
        },
        "p",
        "node_modules/p/dev.js",
        conditions=("development",),
    ),
    Case(
        "node-addons and module-sync are on by default",
        {
            "node_modules/p/package.json": pkg(exports={"module-sync": "./ms.js", "default": "./d.js"}),
            "node_modules/p/ms.js": "",
            "node_modules/p/d.js": "",
        },
        "p",
        "node_modules/p/ms.js",
    ),
    Case(
        "no condition matches",
        {"node_modules/p/package.json": pkg(exports={"browser": "./b.js"}), "node_modules/p/b.js": ""},
        "p",
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ),
    Case(
        "subpath pattern",
        {
            "node_modules/p/package.json": pkg(exports={"./feat/*": "./src/feat/*.js"}),
            "node_modules/p/src/feat/a.js": "",
        },
        "p/feat/a",
        "node_modules/p/src/feat/a.js",
    ),
    Case(
        "pattern targets are not probed",
        {
            "node_modules/p/package.json": pkg(exports={"./feat/*": "./src/feat/*.js"}),
            "node_modules/p/src/feat/a.js": "",
        },
        "p/feat/a.js",
        "MODULE_NOT_FOUND",
    ),
    Case(
        "pattern null exclusion",
        {
            "node_modules/p/package.json": pkg(exports={"./f/*": "./f/*.js", "./f/internal/*": None}),
            "node_modules/p/f/internal/x.js": "",
        },
        "p/f/internal/x",
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ),
    Case(
        "longest pattern base wins",
        {
            "node_modules/p/package.json": pkg(exports={"./*": "./a/*.js", "./x/*": "./b/*.js"}),
            "node_modules/p/a/x/y.js": "",
            "node_modules/p/b/y.js": "",
        },
        "p/x/y",
        "node_modules/p/b/y.js",
    ),
    Case(
        "array skips invalid targets",
        {"node_modules/p/package.json": pkg(exports=["bad.js", "./ok.js"]), "node_modules/p/ok.js": ""},
        "p",
        "node_modules/p/ok.js",
    ),
    Case(
        "invalid target",
        {"node_modules/p/package.json": pkg(exports="e.js"), "node_modules/p/e.js": ""},
        "p",
        "ERR_INVALID_PACKAGE_TARGET",
    ),
    Case(
        "target escaping the package",
        {"node_modules/p/package.json": pkg(exports="./../x.js"), "node_modules/x.js": ""},
        "p",
        "ERR_INVALID_PACKAGE_TARGET",
    ),
    Case(
        "target into node_modules",
        {
            "node_modules/p/package.json": pkg(exports="./node_modules/y.js"),
            "node_modules/p/node_modules/y.js": "",
        },
        "p",
        "ERR_INVALID_PACKAGE_TARGET",
    ),
    Case(
        "mixed dot and condition keys",
        {
            "node_modules/p/package.json": pkg(exports={".": "./a.js", "require": "./b.js"}),
            "node_modules/p/a.js": "",
        },
        "p",
        "ERR_INVALID_PACKAGE_CONFIG",
    ),
    Case(
        "numeric condition key",
        {"node_modules/p/package.json": pkg(exports={"0": "./a.js"}), "node_modules/p/a.js": ""},
        "p",
        "ERR_INVALID_PACKAGE_CONFIG",
    ),
    Case(
        "pattern match with a dotdot segment",
        {"node_modules/p/package.json": pkg(exports={"./*": "./*"}), "node_modules/p/a.js": ""},
        "p/x/../a.js",
        "ERR_INVALID_MODULE_SPECIFIER",
    ),
    Case(
        "exports target missing (cjs)",
        {"node_modules/p/package.json": pkg(exports="./e.js")},
        "p",
        "MODULE_NOT_FOUND",
    ),
    Case(
        "exports target missing (esm)",
        {"node_modules/p/package.json": pkg(exports="./e.js")},
        "p",
        "ERR_MODULE_NOT_FOUND",
        mode="esm",
    ),
    Case(
        "folder keys are gone",
        {"node_modules/p/package.json": pkg(exports={"./d/": "./d/"}), "node_modules/p/d/a.js": ""},
        "p/d/a.js",
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ),
    # -- self-reference and imports --------------------------------------------------------------
    Case("self-reference", {"package.json": pkg(name="me", exports="./e.js"), "e.js": ""}, "me", "e.js"),
    Case(
        "self-reference needs exports",
        {"package.json": pkg(name="me", main="e.js"), "e.js": ""},
        "me",
        "MODULE_NOT_FOUND",
    ),
    Case("imports", {"package.json": pkg(imports={"#u": "./u.js"}), "u.js": ""}, "#u", "u.js"),
    Case(
        "imports pattern",
        {"package.json": pkg(imports={"#u/*": "./lib/*.js"}), "lib/a.js": ""},
        "#u/a",
        "lib/a.js",
    ),
    Case(
        "imports to a package",
        {"package.json": pkg(imports={"#d": "dep"}), "node_modules/dep/index.js": ""},
        "#d",
        "node_modules/dep/index.js",
    ),
    Case(
        "imports undefined",
        {"package.json": pkg(imports={"#u": "./u.js"})},
        "#v",
        "ERR_PACKAGE_IMPORT_NOT_DEFINED",
    ),
    Case(
        "imports hash alone",
        {"package.json": pkg(imports={"#u": "./u.js"})},
        "#",
        "ERR_INVALID_MODULE_SPECIFIER",
    ),
    Case(
        "imports hash slash",
        {"package.json": pkg(imports={"#u": "./u.js"})},
        "#/x",
        "ERR_INVALID_MODULE_SPECIFIER",
        mode="esm",
    ),
    Case(
        "cjs without imports looks in node_modules",
        {"package.json": pkg(), "node_modules/#x/index.js": ""},
        "#x",
        "node_modules/#x/index.js",
    ),
    Case("esm without imports", {"package.json": pkg()}, "#x", "ERR_PACKAGE_IMPORT_NOT_DEFINED", mode="esm"),
    # -- symlinks --------------------------------------------------------------------------------
    Case(
        "pnpm: a package's deps come from its real path",
        {
            "node_modules/a": symlink(".pnpm/a@1.0.0/node_modules/a"),
            "node_modules/.pnpm/a@1.0.0/node_modules/a/index.js": "",
            "node_modules/.pnpm/a@1.0.0/node_modules/b": symlink("../../b@1.0.0/node_modules/b"),
            "node_modules/.pnpm/b@1.0.0/node_modules/b/index.js": "",
        },
        "b",
        "node_modules/.pnpm/b@1.0.0/node_modules/b/index.js",
        from_="node_modules/.pnpm/a@1.0.0/node_modules/a/index.js",
    ),
    Case(
        "pnpm: a transitive dep is not visible from the project",
        {
            "node_modules/a": symlink(".pnpm/a@1.0.0/node_modules/a"),
            "node_modules/.pnpm/a@1.0.0/node_modules/a/index.js": "",
            "node_modules/.pnpm/a@1.0.0/node_modules/b": symlink("../../b@1.0.0/node_modules/b"),
            "node_modules/.pnpm/b@1.0.0/node_modules/b/index.js": "",
        },
        "b",
        "MODULE_NOT_FOUND",
    ),
    Case(
        "resolved path is the real path",
        {"node_modules/a": symlink("../store/a"), "store/a/index.js": ""},
        "a",
        "store/a/index.js",
    ),
    Case(
        "preserve-symlinks keeps the link path",
        {"node_modules/a": symlink("../store/a"), "store/a/index.js": ""},
        "a",
        "node_modules/a/index.js",
        preserve_symlinks=True,
    ),
    Case(
        "preserve-symlinks: lookups walk up from the link",
        {"node_modules/a": symlink("../store/a"), "store/a/index.js": "", "node_modules/b/index.js": ""},
        "b",
        "node_modules/b/index.js",
        from_="node_modules/a/index.js",
        preserve_symlinks=True,
    ),
    Case("dangling link", {"node_modules/a": symlink("../nowhere")}, "a", "MODULE_NOT_FOUND"),
    Case("link loop", {"node_modules/a": symlink("b"), "node_modules/b": symlink("a")}, "a", "MODULE_NOT_FOUND"),
    Case(
        "esm resolves to the real path",
        {
            "node_modules/a": symlink("../store/a"),
            "store/a/package.json": pkg(main="i.js"),
            "store/a/i.js": "",
        },
        "a",
        "store/a/i.js",
        mode="esm",
    ),
    # -- invalid package.json --------------------------------------------------------------------
    Case(
        "invalid package.json (cjs)",
        {"node_modules/p/package.json": "{bad", "node_modules/p/index.js": ""},
        "p",
        "ERR_INVALID_PACKAGE_CONFIG",
        tags=("divergence",),
    ),
    Case(
        "invalid package.json (esm)",
        {"node_modules/p/package.json": "{bad", "node_modules/p/index.js": ""},
        "p",
        "ERR_INVALID_PACKAGE_CONFIG",
        mode="esm",
    ),
]
