"""Bundler mode (webpack's enhanced-resolve) on small in-memory trees.

Every case of the table is also written to disk and asked of the real enhanced-resolve 5.27.0
(``test_cases_agree_with_enhanced_resolve``), so the expectations below are the real tool's.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.resolve.webpack.options import BundlerOptions, webpack_loader_defaults, webpack_normal_defaults
from nmdoctor.resolve.webpack.resolver import BundlerResolver
from nmdoctor.vfs import Dir, MemoryFS, Symlink, symlink
from tests.conftest import requires_node
from tests.differential.test_bundler_vs_enhanced_resolve import ENHANCED_RESOLVE, run_enhanced_resolve

Options = Callable[[str], BundlerOptions]


def loader(root: str) -> BundlerOptions:
    return webpack_loader_defaults()


def node(root: str) -> BundlerOptions:
    return webpack_normal_defaults("node", context=f"{root}/app")


def web(root: str) -> BundlerOptions:
    return webpack_normal_defaults("web", context=f"{root}/app")


def esm(root: str) -> BundlerOptions:
    return webpack_normal_defaults("node", dependency="esm")


def custom(**fields: Any) -> Options:
    """BundlerOptions(**fields); strings starting with ``ROOT`` are placed under the tree's root."""

    def place(value: Any, root: str) -> Any:
        if isinstance(value, str):
            return value.replace("ROOT", root, 1) if value.startswith("ROOT") else value
        if isinstance(value, tuple):
            return tuple(place(item, root) for item in value)
        return value

    return lambda root: BundlerOptions(**{key: place(value, root) for key, value in fields.items()})


@dataclass(frozen=True)
class Case:
    name: str
    tree: dict[str, Any]
    options: Options
    context: str
    request: str
    expected: str | bool | None  # the resolved path (with query); False: ignored; None: fails
    error: str | None = None  # the error's text, when the case is about it


# -- seed 002: a build wrapper's loaders under pnpm -------------------------------------------------

STORE = "/app/node_modules/.pnpm"
BUILDER = f"{STORE}/builder@1.0.0/node_modules/builder"
CSS_LOADER = f"{STORE}/css-loader@6.0.0/node_modules/css-loader"
SEED_002: dict[str, Any] = {
    "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"builder": "1.0.0"}},
    "/app/node_modules/builder": symlink(".pnpm/builder@1.0.0/node_modules/builder"),
    f"{BUILDER}/package.json": {
        "name": "builder",
        "version": "1.0.0",
        "main": "index.js",
        "dependencies": {"css-loader": "6.0.0", "webpack": "^5"},
    },
    f"{BUILDER}/index.js": "",
    f"{BUILDER}/webpack.config.js": "module.exports = {module: {rules: [{test: /\\.css$/, use: ['css-loader']}]}};",
    f"{STORE}/builder@1.0.0/node_modules/css-loader": symlink("../../css-loader@6.0.0/node_modules/css-loader"),
    f"{CSS_LOADER}/package.json": {"name": "css-loader", "version": "6.0.0", "main": "dist/cjs.js"},
    f"{CSS_LOADER}/dist/cjs.js": "",
}
HOISTED_002 = {**SEED_002, "/app/node_modules/css-loader": symlink(".pnpm/css-loader@6.0.0/node_modules/css-loader")}

LOADERS: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/node_modules/my-loader/package.json": {"name": "my-loader", "main": "main.js", "loader": "loader.js"},
    "/app/node_modules/my-loader/main.js": "",
    "/app/node_modules/my-loader/loader.js": "",
    "/app/node_modules/cond-loader/package.json": {
        "name": "cond-loader",
        "exports": {
            ".": {"import": "./esm.mjs", "loader": "./loader.js", "require": "./cjs.js", "default": "./index.js"}
        },
    },
    **{f"/app/node_modules/cond-loader/{name}": "" for name in ("esm.mjs", "loader.js", "cjs.js", "index.js")},
    "/app/node_modules/single-loader.js": "",
    "/app/node_modules/data-pkg/package.json": {"name": "data-pkg", "main": "data"},
    "/app/node_modules/data-pkg/data.json": "{}",
    "/app/loaders/local-loader.js": "",
}

EXPORTS: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/node_modules/lib/package.json": {
        "name": "lib",
        "main": "./main.js",
        "exports": {
            ".": "./dist/index",
            "./feature": ["./missing.js", "./dist/feature.js"],
            "./utils/*": "./dist/utils/*",
            "./dir": "./dist/dir",
        },
    },
    **{
        f"/app/node_modules/lib/{name}": ""
        for name in ("main.js", "dist/index.js", "dist/feature.js", "dist/utils/a.js", "dist/dir/index.js")
    },
    "/app/node_modules/lib/dist/private.js": "",
}

ALIASES: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/src/shim.js": "",
    "/app/node_modules/react/package.json": {"name": "react", "main": "index.js"},
    "/app/node_modules/react/index.js": "",
    "/app/node_modules/react/jsx-runtime.js": "",
    "/app/node_modules/preact/package.json": {"name": "preact", "main": "index.js"},
    "/app/node_modules/preact/index.js": "",
    "/app/node_modules/preact/compat.js": "",
    "/app/node_modules/fallback-pkg/index.js": "",
    "/app/node_modules/vendor/index.js": "",
}
ALIAS_OPTIONS = custom(
    alias=(
        ("react$", "preact/compat"),
        ("fs", False),
        ("shim", "ROOT/app/src/shim.js"),
        ("multi", ("missing-one", "fallback-pkg")),
        ("icons/*", "ROOT/app/src/*"),
    )
)

MODULES: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/src/deep/file.js": "",
    "/app/node_modules/a/index.js": "",
    "/app/web_modules/a/index.js": "",
    "/node_modules/outside/index.js": "",
    "/shared/lib-x/index.js": "",
}

FILES: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    **{f"/app/src/{name}": "" for name in ("a.ts", "a.js", "b.json", "c.wasm", "d.node", "e.mjs")},
    "/app/src/lib/package.json": {"main": "./impl/"},
    "/app/src/lib/impl/index.js": "",
    "/app/src/nomain/package.json": {"main": "missing.js"},
    "/app/src/nomain/index.js": "",
}

INTERNAL: dict[str, Any] = {
    "/app/package.json": {
        "name": "app",
        "imports": {
            "#util": "./src/util.js",
            "#dep": "dep",
            "#conf": {"node": "./src/node.js", "default": "./src/browser.js"},
        },
        "exports": {".": "./src/index.js", "./util": "./src/util.js"},
    },
    **{f"/app/src/{name}": "" for name in ("util.js", "node.js", "browser.js", "index.js")},
    "/app/node_modules/dep/index.js": "",
}

BROWSER: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/node_modules/pkg/package.json": {
        "name": "pkg",
        "main": "./node.js",
        "browser": {"./node.js": "./browser.js", "fs": False},
    },
    "/app/node_modules/pkg/node.js": "",
    "/app/node_modules/pkg/browser.js": "",
    "/app/node_modules/broken/package.json": "{not json",
    "/app/node_modules/broken/index.js": "",
    "/app/src/a.js": "",
    # JSON, but not an object: enhanced-resolve's plugins cannot cache it (a WeakMap key) and throw.
    "/app/node_modules/nul/package.json": "null",
    "/app/node_modules/nul/index.js": "",
    "/app/node_modules/nul/lib.js": "",
}

# An error JavaScript throws (here: a package.json holding null) is caught by the innermost exports
# plugin still on the stack that found no exports field; forEachBail unwinds the stack between its items.
THROWN: dict[str, Any] = {
    "/app/package.json": {"name": "app"},
    "/app/first/x/package.json": {"name": "x"},
    "/app/second/x/package.json": "null",
    "/app/second/x/index.js": "",
    "/app/first_modules/x/package.json": {"name": "x"},
    "/app/second_modules/x/package.json": "null",
    "/app/second_modules/x/index.js": "",
    "/app/node_modules/host/package.json": {"name": "host"},
    "/app/node_modules/host/node_modules/nul/package.json": "null",
    "/app/node_modules/host/node_modules/nul/index.js": "",
}
WEAK_MAP = "Invalid value used as weak map key"

PKG = "/app/node_modules/lib"
CASES = [
    # seed 002: webpack looks for a loader named by string from its context, the project.
    Case("seed 002: not from the project", SEED_002, loader, "/app", "css-loader", None),
    Case(
        "seed 002: from the wrapper's real folder", SEED_002, loader, BUILDER, "css-loader", f"{CSS_LOADER}/dist/cjs.js"
    ),
    Case("seed 002: not from the wrapper's link", SEED_002, loader, "/app/node_modules/builder", "css-loader", None),
    Case("seed 002: hoisted, found", HOISTED_002, loader, "/app", "css-loader", f"{CSS_LOADER}/dist/cjs.js"),
    Case(
        "seed 002: by path (require.resolve)",
        SEED_002,
        loader,
        "/app",
        f"{CSS_LOADER}/dist/cjs.js",
        f"{CSS_LOADER}/dist/cjs.js",
    ),
    Case("symlinks: the real path", SEED_002, node, "/app", "builder", f"{BUILDER}/index.js"),
    Case(
        "symlinks false: the link path",
        SEED_002,
        custom(symlinks=False),
        "/app",
        "builder",
        "/app/node_modules/builder/index.js",
    ),
    # resolveLoader's fields and conditions against resolve's
    Case("loader field first", LOADERS, loader, "/app", "my-loader", "/app/node_modules/my-loader/loader.js"),
    Case("main for normal modules", LOADERS, node, "/app", "my-loader", "/app/node_modules/my-loader/main.js"),
    Case("loader condition", LOADERS, loader, "/app", "cond-loader", "/app/node_modules/cond-loader/loader.js"),
    Case("require condition", LOADERS, node, "/app", "cond-loader", "/app/node_modules/cond-loader/cjs.js"),
    Case("import condition", LOADERS, esm, "/app", "cond-loader", "/app/node_modules/cond-loader/esm.mjs"),
    Case(
        "a file in node_modules is a module",
        LOADERS,
        loader,
        "/app",
        "single-loader",
        "/app/node_modules/single-loader.js",
    ),
    Case("loaders probe .js only", LOADERS, loader, "/app", "data-pkg", None),
    Case("modules probe .json", LOADERS, node, "/app", "data-pkg", "/app/node_modules/data-pkg/data.json"),
    Case(
        "a loader by relative path", LOADERS, loader, "/app", "./loaders/local-loader", "/app/loaders/local-loader.js"
    ),
    Case(
        "a loaders folder in modules",
        LOADERS,
        custom(modules=("node_modules", "ROOT/app/loaders")),
        "/app",
        "local-loader",
        "/app/loaders/local-loader.js",
    ),
    # exports: enhanced-resolve's rules, not node's
    Case("exports target gets an extension", EXPORTS, node, "/app", "lib", f"{PKG}/dist/index.js"),
    Case("only the first exports target", EXPORTS, node, "/app", "lib/feature", None),
    Case("exports pattern", EXPORTS, node, "/app", "lib/utils/a", f"{PKG}/dist/utils/a.js"),
    Case("exports target folder's index", EXPORTS, node, "/app", "lib/dir", f"{PKG}/dist/dir/index.js"),
    Case("not exported", EXPORTS, node, "/app", "lib/dist/private.js", None),
    Case("no exports field: main", EXPORTS, custom(exports_fields=()), "/app", "lib", f"{PKG}/main.js"),
    # alias
    Case("alias name$: exact", ALIASES, ALIAS_OPTIONS, "/app", "react", "/app/node_modules/preact/compat.js"),
    Case(
        "alias name$: not a subpath",
        ALIASES,
        ALIAS_OPTIONS,
        "/app",
        "react/jsx-runtime",
        "/app/node_modules/react/jsx-runtime.js",
    ),
    Case("alias false: ignored", ALIASES, ALIAS_OPTIONS, "/app", "fs", False),
    Case("alias false: subpaths too", ALIASES, ALIAS_OPTIONS, "/app", "fs/promises", False),
    Case("alias to a path", ALIASES, ALIAS_OPTIONS, "/app", "shim", "/app/src/shim.js"),
    Case("alias to an array", ALIASES, ALIAS_OPTIONS, "/app", "multi", "/app/node_modules/fallback-pkg/index.js"),
    Case("alias wildcard", ALIASES, ALIAS_OPTIONS, "/app", "icons/shim", "/app/src/shim.js"),
    # enhanced-resolve considers a wildcard for every request with its first character:
    Case("alias wildcard to false: quirk", ALIASES, custom(alias=(("virtual-*", False),)), "/app", "vendor", False),
    # modules
    Case("modules: every ancestor", MODULES, node, "/app/src/deep", "a", "/app/node_modules/a/index.js"),
    Case("modules: above the project", MODULES, node, "/app/src/deep", "outside", "/node_modules/outside/index.js"),
    Case(
        "modules: order of names",
        MODULES,
        custom(modules=("web_modules", "node_modules")),
        "/app/src",
        "a",
        "/app/web_modules/a/index.js",
    ),
    Case(
        "modules: an absolute folder",
        MODULES,
        custom(modules=("node_modules", "ROOT/shared")),
        "/app",
        "lib-x",
        "/shared/lib-x/index.js",
    ),
    Case("modules: absolute is not hierarchical", MODULES, custom(modules=("ROOT/shared",)), "/app", "a", None),
    # extensions, main and index files
    Case("extensions in order", FILES, node, "/app", "./src/a", "/app/src/a.js"),
    Case("extensions from options", FILES, custom(extensions=(".ts", ".js")), "/app", "./src/a", "/app/src/a.ts"),
    Case(".json for modules", FILES, node, "/app", "./src/b", "/app/src/b.json"),
    Case("no .json for loaders", FILES, loader, "/app", "./src/b", None),
    Case(".wasm for modules", FILES, node, "/app", "./src/c", "/app/src/c.wasm"),
    Case("webpack does not probe .node", FILES, node, "/app", "./src/d", None),
    Case("enhanced-resolve's default does", FILES, custom(), "/app", "./src/d", "/app/src/d.node"),
    Case(".mjs is never probed", FILES, node, "/app", "./src/e", None),
    Case("enforceExtension", FILES, custom(extensions=(".js",), enforce_extension=True), "/app", "./src/a.js", None),
    Case("main naming a folder", FILES, node, "/app", "./src/lib", "/app/src/lib/impl/index.js"),
    Case("missing main: index", FILES, node, "/app", "./src/nomain", "/app/src/nomain/index.js"),
    Case("query kept", FILES, node, "/app", "./src/a?inline", "/app/src/a.js?inline"),
    Case("roots: /x from the context", FILES, node, "/app", "/src/a", "/app/src/a.js"),
    Case("no roots", FILES, esm, "/app", "/src/a", None),
    # imports and self-reference
    Case("imports to a file", INTERNAL, node, "/app/src", "#util", "/app/src/util.js"),
    Case("imports to a package", INTERNAL, node, "/app/src", "#dep", "/app/node_modules/dep/index.js"),
    Case("imports condition node", INTERNAL, node, "/app/src", "#conf", "/app/src/node.js"),
    Case("imports condition browser", INTERNAL, web, "/app/src", "#conf", "/app/src/browser.js"),
    Case("imports not defined", INTERNAL, node, "/app/src", "#missing", None),
    Case("self-reference", INTERNAL, node, "/app/src", "app/util", "/app/src/util.js"),
    # the browser field and description files
    Case("browser field (web)", BROWSER, web, "/app", "pkg", "/app/node_modules/pkg/browser.js"),
    Case("no browser field (node)", BROWSER, node, "/app", "pkg", "/app/node_modules/pkg/node.js"),
    Case("browser field false", BROWSER, web, "/app/node_modules/pkg", "fs", False),
    Case("invalid package.json", BROWSER, node, "/app", "broken", None),
    Case("a package.json not on the way", BROWSER, node, "/app", "./src/a", "/app/src/a.js"),
    Case("package.json null: main fails", BROWSER, node, "/app", "nul", None),
    Case("package.json null: a file resolves", BROWSER, node, "/app", "nul/lib", "/app/node_modules/nul/lib.js"),
    # where an error thrown in JavaScript is caught
    Case(
        "thrown: caught by an earlier tap's exports plugin",
        THROWN,
        custom(modules=("ROOT/app/first", "ROOT/app/second")),
        "/app",
        "x",
        None,
        f"{WEAK_MAP} (see exports field in /app/first/x/package.json)",
    ),
    Case(
        "thrown: not across forEachBail items",
        THROWN,
        custom(modules=("first_modules", "second_modules")),
        "/app",
        "x",
        None,
        WEAK_MAP,
    ),
    Case(
        "thrown: caught by the enclosing package's",
        THROWN,
        node,
        "/app",
        "host/node_modules/nul",
        None,
        f"{WEAK_MAP} (see exports field in /app/node_modules/host/package.json)",
    ),
]


def outcome(resolver: BundlerResolver, request: str, context: str) -> str | bool | None:
    result = resolver.resolve(request, context)
    return False if result.ignored else result.resolved


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_in_memory(case: Case) -> None:
    fs = MemoryFS.from_mapping(case.tree)
    resolver = BundlerResolver(fs, case.options(""))
    assert outcome(resolver, case.request, case.context) == case.expected
    if case.error is not None:
        assert resolver.resolve(case.request, case.context).error == case.error


# -- messages, trace and options -----------------------------------------------------------------


def test_seed_002_message_and_trace() -> None:
    result = BundlerResolver(MemoryFS.from_mapping(SEED_002), webpack_loader_defaults()).resolve("css-loader", "/app")
    assert not result.ok
    assert result.error == "Can't resolve 'css-loader' in '/app'"
    assert "/app/node_modules/css-loader doesn't exist" in result.trace
    assert "/app/node_modules/css-loader.js doesn't exist" in result.trace
    assert "/node_modules doesn't exist or is not a directory" in result.trace
    assert result.trace.index("looking for modules in /app/node_modules") < result.trace.index(
        "/node_modules doesn't exist or is not a directory"
    )


def test_found_through_links_names_the_real_path() -> None:
    result = BundlerResolver(MemoryFS.from_mapping(SEED_002), webpack_loader_defaults()).resolve("css-loader", BUILDER)
    assert result.ok and result.path == f"{CSS_LOADER}/dist/cjs.js" and result.query == ""
    assert f"resolved symlink to {CSS_LOADER}/dist/cjs.js" in result.trace
    # webpack walks the link path and only rewrites it at the end: the package is described there.
    linked = f"{STORE}/builder@1.0.0/node_modules/css-loader"
    assert f"using description file: {linked}/package.json (relative path: .)" in result.trace


def test_error_messages_are_enhanced_resolve_s() -> None:
    def resolver_for(tree: dict[str, Any]) -> BundlerResolver:
        return BundlerResolver(MemoryFS.from_mapping(tree), webpack_normal_defaults("node"))

    resolver = resolver_for(EXPORTS)
    assert resolver.resolve("lib/dist/private.js", "/app").error == (
        '"./dist/private.js" is not exported under the conditions ["require","module","webpack","production","node"] '
        f"from package {PKG} (see exports field in {PKG}/package.json)"
    )
    assert resolver.resolve("lib/feature", "/app").error == (
        f"Package path ./feature is exported from package {PKG}, but no valid target file was found "
        f"(see exports field in {PKG}/package.json)"
    )
    assert resolver_for(INTERNAL).resolve("#missing", "/app/src").error == (
        "Package import #missing is not imported from package /app (see imports field in /app/package.json)"
    )
    assert resolver_for(BROWSER).resolve("nul", "/app").error == "Invalid value used as weak map key"
    broken = resolver_for(BROWSER).resolve("broken", "/app").error or ""
    assert broken.startswith("/app/node_modules/broken/package.json (directory description file): SyntaxError: ")


def test_alias_loop_is_an_error() -> None:
    options = BundlerOptions(alias=(("a", "b"), ("b", "a")))
    result = BundlerResolver(MemoryFS.from_mapping(MODULES), options).resolve("a", "/app")
    assert result.error is not None and result.error.startswith("Recursion in resolving\nStack:\n  resolve: (/app) a")


def test_ignored_result() -> None:
    result = BundlerResolver(MemoryFS.from_mapping(ALIASES), ALIAS_OPTIONS("")).resolve("fs", "/app")
    assert result.ok and result.ignored and result.resolved == "" and result.path is None


def test_webpack_presets() -> None:
    loader_options = webpack_loader_defaults()
    assert loader_options.condition_names == ("loader", "require", "node")
    assert loader_options.main_fields == ("loader", "main")
    assert loader_options.extensions == (".js",)
    assert loader_options.main_files == ("index",)
    assert loader_options.exports_fields == ("exports",)
    assert loader_options.modules == ("node_modules",)
    node_options = webpack_normal_defaults("node", context="/app")
    assert node_options.condition_names == ("require", "module", "webpack", "production", "node")
    assert node_options.main_fields == ("module", "main")
    assert node_options.extensions == (".js", ".json", ".wasm")
    assert node_options.alias_fields == ()
    assert node_options.roots == ("/app",)
    web_options = webpack_normal_defaults("web")
    assert web_options.condition_names == ("require", "module", "webpack", "production", "browser")
    assert web_options.main_fields == ("browser", "module", "main")
    assert web_options.alias_fields == ("browser",)
    assert web_options.roots == ()
    esm_options = webpack_normal_defaults("node", dependency="esm", mode="development")
    assert esm_options.condition_names == ("import", "module", "webpack", "development", "node")
    with pytest.raises(ValueError, match="target"):
        webpack_normal_defaults("electron")


def test_options_as_enhanced_resolve_takes_them() -> None:
    options = BundlerOptions(alias=(("react$", "preact"), ("x", ("a", "b"))), main_fields=(("a", "b"), "main"))
    converted = options.to_enhanced_resolve()
    assert converted["alias"] == [
        {"name": "react", "onlyModule": True, "alias": "preact"},
        {"name": "x", "onlyModule": False, "alias": ["a", "b"]},
    ]
    assert converted["mainFields"] == [["a", "b"], "main"]
    assert "enforceExtension" not in converted
    assert hash(options) == hash(dataclasses.replace(options))


def test_false_in_an_alias_list_is_refused() -> None:
    # enhanced-resolve 5.27.0 throws when the resolver is created; webpack's schema refuses it too.
    with pytest.raises(ValueError, match="strings only"):
        BundlerOptions(alias=(("x", ("a", False)),))  # type: ignore[arg-type]


def test_context_must_be_absolute() -> None:
    with pytest.raises(ValueError, match="absolute"):
        BundlerResolver(MemoryFS(), BundlerOptions()).resolve("x", "app")


# -- the same cases, asked of the real enhanced-resolve ----------------------------------------------


def write_tree(tree: dict[str, Any], root: Path) -> None:
    """Write a ``MemoryFS.from_mapping`` tree under ``root`` (absolute link targets too)."""
    for path, content in tree.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            link = content.target
            target.symlink_to(f"{root}{link}" if link.startswith("/") else link)
        elif isinstance(content, Dir):
            target.mkdir(exist_ok=True)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        elif isinstance(content, str):
            target.write_text(content)
        else:
            target.write_text(json.dumps(content))


@requires_node
@pytest.mark.node
@pytest.mark.skipif(
    not ENHANCED_RESOLVE.is_dir(), reason="enhanced-resolve is not installed: npm ci --prefix tests/node_tools"
)
def test_cases_agree_with_enhanced_resolve(tmp_path: Path) -> None:
    configs: dict[str, dict[str, Any]] = {}
    queries: list[dict[str, Any]] = []
    expected: list[str | bool | None] = []
    errors: list[str | None] = []
    for index, case in enumerate(CASES):
        root = str(tmp_path / f"case{index}")
        write_tree(case.tree, Path(root))
        configs[str(index)] = case.options(root).to_enhanced_resolve()
        request = root + case.request if case.request.startswith("/app/") else case.request
        queries.append({"id": index, "config": str(index), "context": root + case.context, "request": request})
        expected.append(root + case.expected if isinstance(case.expected, str) else case.expected)
        errors.append(case.error.replace("/app/", f"{root}/app/") if case.error else None)
    answers = run_enhanced_resolve(configs, queries)
    wrong = [
        (case.name, answer["resolved"], answer["error"], want, error)
        for case, answer, want, error in zip(CASES, answers, expected, errors, strict=True)
        if answer["resolved"] != want or (error is not None and answer["error"] != error)
    ]
    assert wrong == []
