"""``tslib``, which TypeScript's output requires under ``importHelpers``: a dependency no source
file names.

With ``"importHelpers": true`` (and no ``noEmitHelpers``) TypeScript compiles a file that needs a
helper to ``const tslib_1 = require("tslib")`` (``import ... from "tslib"`` for ES modules), and
when tslib cannot be found its type check fails: ``TS2354: This syntax requires an imported helper
but module 'tslib' cannot be found`` (checked with TypeScript 5.9). Today a hoisted tslib (some
dependency's) answers both; under Plug'n'Play a workspace reaches only what it declares, so the
workspace whose output requires it must declare it.

Only what is certain is an error: a file that needs a helper whatever else it holds (a decorator
under ``experimentalDecorators``: ``__decorate``; an ``async`` function below ES2017:
``__awaiter``), compiled by TypeScript itself (the workspace declares ``typescript`` and runs ``tsc``
in a script, or declares ts-node, ts-jest, ts-loader or a rollup plugin that compiles with it). A
workspace whose TypeScript may be compiled by another tool (Babel, esbuild, swc ignore
``importHelpers``) gets a note.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import tree_sitter

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.paths import manifest_file, relative
from nmdoctor.project.resolution.tsconfig import helper_options
from nmdoctor.project.resolution.tsconfig import includes as _included
from nmdoctor.sources.imports import language_for, parser_for
from nmdoctor.vfs.base import FileSystemError

__all__ = ["tslib_findings"]

# packages that compile TypeScript with TypeScript itself (importHelpers honoured)
_TSC_COMPILERS = frozenset(
    {
        "ts-node",
        "ts-jest",
        "ts-loader",
        "awesome-typescript-loader",
        "rollup-plugin-typescript2",
        "@rollup/plugin-typescript",
    }
)
_TSC_SCRIPT = re.compile(r"(?<![\w-])(tsc|ts-node)(?![\w-])")
# targets below ES2017, where `async` compiles to tslib's __awaiter (TypeScript 5's default is ES5)
_OLD_TARGETS = frozenset({"es3", "es5", "es6", "es2015", "es2016"})
_TYPESCRIPT = (".ts", ".tsx", ".mts", ".cts")
_DECLARATIONS = (".d.ts", ".d.mts", ".d.cts")
_QUERY_TEXT = """
(decorator) @decorator
"async" @async
"""


@cache
def _query(language: str) -> tree_sitter.Query:
    grammar = parser_for(language).language
    assert grammar is not None
    return tree_sitter.Query(grammar, _QUERY_TEXT)


def _declares(instance: Instance, name: str) -> bool:
    return any(item.name == name for item in instance.manifest.declared(include_dev=True))


def _compiler(instance: Instance) -> str | None:
    """What shows that TypeScript itself compiles the workspace, or None."""
    if not _declares(instance, "typescript"):
        return None
    for name, command in scripts_of(instance.manifest.raw).items():
        if _TSC_SCRIPT.search(command):
            return f'its "{name}" script runs {_TSC_SCRIPT.search(command).group(1)}'  # type: ignore[union-attr]
    tools = sorted(name for name in _TSC_COMPILERS if _declares(instance, name))
    return f"it declares {tools[0]}" if tools else None


def _helper_site(source: bytes, file: str, decorators: bool, old_target: bool) -> tuple[int, int, str] | None:
    """The first place in the file that makes TypeScript emit a helper: (line, column, helper)."""
    language = language_for(file)
    if language is None or (decorators is False and old_target is False):
        return None
    if not ((decorators and b"@" in source) or (old_target and b"async" in source)):
        return None
    tree = parser_for(language).parse(source)
    captures = tree_sitter.QueryCursor(_query(language)).captures(tree.root_node)
    places = []
    if decorators:
        places += [(node.start_point, "__decorate") for node in captures.get("decorator", [])]
    if old_target:
        places += [(node.start_point, "__awaiter") for node in captures.get("async", [])]
    if not places:
        return None
    (row, column), helper = min(places)
    return row + 1, column + 1, helper


def _tsconfig_scope(context: CheckContext, path: str) -> dict[str, Any]:
    from nmdoctor.project.resolution.jsonc import loads_jsonc

    assert context.fs is not None
    try:
        data = loads_jsonc(context.fs.read_bytes(path))
    except (FileSystemError, ValueError):
        return {}
    return {key: data[key] for key in ("include", "files") if isinstance(data, dict) and key in data}


def _tslib_today(graph: DependencyGraph, root: Instance) -> Instance | None:
    """The tslib node finds today from the workspace's folder (a hoisted copy), if any."""
    by_path = {instance.path: instance for instance in graph.instances if instance.name == "tslib"}
    folder = root.path
    while True:
        found = by_path.get(f"{folder}/node_modules/tslib")
        if found is not None:
            return found
        if folder == graph.project or "/" not in folder.strip("/"):
            return None
        folder = posixpath.dirname(folder)


def tslib_findings(context: CheckContext, layout: str) -> Iterable[Finding]:
    """One finding per workspace (the project included) whose TypeScript output requires tslib
    under ``importHelpers`` without declaring it, where tslib resolves today."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph) and context.fs is not None and context.sources is not None
    roots = graph.roots
    for root in roots:
        if _declares(root, "tslib"):
            continue
        tsconfig = f"{root.path}/tsconfig.json"
        options = helper_options(context.fs, tsconfig)
        if options.get("importHelpers") is not True or options.get("noEmitHelpers") is True:
            continue
        tslib = _tslib_today(graph, root)
        if tslib is None:
            continue  # not found today either: migrating changes nothing
        target = str(options.get("target", "es5")).lower()
        decorators, old_target = options.get("experimentalDecorators") is True, target in _OLD_TARGETS
        scope = _tsconfig_scope(context, tsconfig)
        others = frozenset(item.path for item in roots if item is not root)
        site = None
        for file in context.sources.files(root.path, stop_at=others):
            if not file.endswith(_TYPESCRIPT) or file.endswith(_DECLARATIONS) or not _included(scope, root.path, file):
                continue
            try:
                source = context.fs.read_bytes(file)
            except FileSystemError:
                continue
            found = _helper_site(source, file, decorators, old_target)
            if found is not None:
                site = (file, *found)
                break
        if site is None:
            continue
        file, line, column, helper = site
        compiler = _compiler(root)
        where = relative(graph, root.path)
        manifest = manifest_file(graph, root.path)
        ref = PackageRef(root.name, root.version, where)
        fix = f'add "tslib": "^{tslib.version}" to dependencies in {manifest}, then run yarn install'
        why = f'tsconfig.json sets importHelpers, so TypeScript compiles this file to require("tslib") ({helper})'
        if compiler is None:
            severity, message = (
                Severity.INFO,
                f"under {layout}, `tslib` would not be found by `{root.label}` if TypeScript compiles it: {why}, "
                "and it does not declare tslib (cannot be decided: no tsc, ts-node, ts-jest or ts-loader shows "
                "that TypeScript, not Babel, esbuild or swc, compiles it)",
            )
        else:
            severity, message = (
                Severity.ERROR,
                f"under {layout}, `tslib` would not be found by `{root.label}`: {why}, and {compiler}; it does not "
                "declare tslib, and workspaces get no fallback (tsc: TS2354 This syntax requires an imported helper "
                "but module 'tslib' cannot be found)",
            )
        yield Finding(
            "phantom-dependency",
            severity,
            message,
            ref,
            request="tslib",
            from_=relative(graph, file),
            line=line,
            column=column,
            fix=fix,
        )
