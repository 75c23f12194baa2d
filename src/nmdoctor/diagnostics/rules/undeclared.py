"""Imports in the project's own source of packages it does not declare (they work only by hoisting),
or that do not resolve at all."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.render.tree_json import relative
from nmdoctor.resolve.builtins import builtin_name
from nmdoctor.resolve.cjs import node_modules_paths
from nmdoctor.sources.files import source_files
from nmdoctor.sources.imports import ImportSite, parse_imports
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["package_of", "phantom_dependency", "unresolvable_import"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Path aliases of bundlers and TypeScript ("@/components", "~/lib"): not packages.
_ALIAS_PREFIXES = ("@/", "~/", "~", "#")
_DEV_PATH = re.compile(
    r"(^|/)(tests?|__tests__|__mocks__|spec|e2e|scripts|stories)/|\.(test|spec|stories)\.[cm]?[jt]sx?$|"
    r"(^|/)[^/]*\.config\.[cm]?[jt]s$"
)


def package_of(specifier: str) -> str | None:
    """The package a bare specifier names, or None for paths, builtins, URLs and aliases."""
    if not specifier or specifier.startswith((".", "/")) or specifier.startswith(_ALIAS_PREFIXES):
        return None
    if _SCHEME.match(specifier) or builtin_name(specifier) is not None:
        return None
    if builtin_name(specifier.split("/", 1)[0]) is not None:
        return None  # "fs/promises" and friends
    parts = specifier.split("/")
    if specifier.startswith("@"):
        return "/".join(parts[:2]) if len(parts) > 1 and parts[1] else None
    return parts[0]


def _types_package(name: str) -> str:
    return "@types/" + (name[1:].replace("/", "__") if name.startswith("@") else name)


def _package_folder(fs: FileSystem, file: str, name: str) -> str | None:
    for folder in node_modules_paths(posixpath.dirname(file)):
        stat = fs.stat(f"{folder}/{name}/package.json")
        if stat is not None and stat.kind is Kind.FILE:
            return f"{folder}/{name}"
    return None


def _owners(graph: DependencyGraph) -> list[Instance]:
    return sorted(graph.roots, key=lambda item: -len(item.path))


def _scan(context: CheckContext) -> Iterator[tuple[Instance, str, ImportSite, str, str | None]]:
    """(owner, file, import site, package name, folder it resolves to or None) for undeclared imports."""
    graph = context.graph
    fs = context.fs
    assert isinstance(graph, DependencyGraph)
    if fs is None:
        return
    owners = _owners(graph)
    roots = frozenset(owner.path for owner in owners)
    for owner in owners:
        declared = {item.name for item in owner.manifest.declared(include_dev=True)}
        for file in source_files(fs, owner.path, stop_at=roots - {owner.path}):
            try:
                sites = parse_imports(fs.read_bytes(file), file)
            except FileSystemError:
                continue
            for site in sites:
                name = package_of(site.specifier)
                if name is None or name == owner.manifest.name or name in declared:
                    continue
                if site.types_only and _types_package(name) in declared:
                    continue
                yield owner, file, site, name, _package_folder(fs, file, name)


def _manifest_path(graph: DependencyGraph, owner: Instance) -> str:
    folder = relative(graph, owner.path)
    return "package.json" if folder == "." else f"{folder}/package.json"


def _dependency_field(path: str) -> str:
    return "devDependencies" if _DEV_PATH.search(path) else "dependencies"


@check("phantom-dependency", Severity.ERROR)
def phantom_dependency(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    Code imports a package that its own package.json does not declare; it resolves only because
    another package's dependency was hoisted (or linked) where node looks.
    ## Why it matters
    A different package manager (pnpm's isolated layout), a dedupe, or an upgrade of the package
    that brought it in makes the import fail: Cannot find module / ERR_MODULE_NOT_FOUND.
    ## How to fix
    Declare the package in the importing package's `dependencies` (or `devDependencies` for tests
    and tooling)."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    by_path = {instance.path: instance for instance in graph.instances}
    fs = context.fs
    for owner, file, site, name, folder in _scan(context):
        if folder is None:
            continue
        instance = by_path.get(fs.realpath(folder)) if fs is not None else None
        version = instance.version if instance else ""
        brought = sorted({edge.source.label for edge in graph.dependents(instance)}) if instance else []
        note = f" (installed at {relative(graph, folder)}" + (
            f", a dependency of {', '.join(brought)})" if brought else ")"
        )
        types = " for its types" if site.types_only else ""
        field = _dependency_field(relative(graph, file))
        manifest = _manifest_path(graph, owner)
        yield Finding(
            "phantom-dependency",
            Severity.WARNING if site.types_only else Severity.ERROR,
            f"`{name}` is imported{types} by `{owner.label}` but not declared{note}",
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            fix=f'add "{name}": "^{version}" to {field} in {manifest}'
            if version
            else f"add {name} to {field} in {manifest}",
        )


@check("unresolvable-import", Severity.ERROR)
def unresolvable_import(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    Code imports a package that is neither declared nor installed anywhere node looks.
    ## Why it matters
    It fails the moment that code runs (or the bundler builds it).
    ## How to fix
    Install and declare it (`npm install NAME`), or remove the import; if it is a path alias of your
    bundler or tsconfig, nmdoctor does not read that configuration yet: ignore the code for that file."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    for owner, file, site, name, folder in _scan(context):
        if folder is not None:
            continue
        yield Finding(
            "unresolvable-import",
            Severity.WARNING if site.types_only else Severity.ERROR,
            f"`{site.specifier}` is imported by `{owner.label}` but `{name}` is not declared nor installed",
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            fix=f"run `npm install {name}` (or your manager's add command) in {relative(graph, owner.path)}",
        )
