"""Imports in the project's own source of packages it does not declare (they work only by hoisting),
or that do not resolve at all."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._refs import package_ref
from nmdoctor.diagnostics.rules.pnp_undeclared import is_pnp, pnp_phantoms, pnp_unresolvable
from nmdoctor.inspect.package_code import PackageImport
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative
from nmdoctor.resolve.cjs import node_modules_paths
from nmdoctor.sources.imports import ImportSite, package_of
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, NotRegularFile

__all__ = ["package_folder", "phantom_dependency", "phantom_in_project", "unresolvable_import"]

_DEV_PATH = re.compile(
    r"(^|/)(tests?|__tests__|__mocks__|spec|e2e|scripts|stories)/|\.(test|spec|stories)\.[cm]?[jt]sx?$|"
    r"(^|/)[^/]*\.config\.[cm]?[jt]s$"
)


def _types_package(name: str) -> str:
    return "@types/" + (name[1:].replace("/", "__") if name.startswith("@") else name)


def package_folder(fs: FileSystem, file: str, name: str) -> str | None:
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
    sources = context.sources
    assert isinstance(graph, DependencyGraph)
    if fs is None or sources is None:
        return
    owners = _owners(graph)
    roots = frozenset(owner.path for owner in owners)
    for owner in owners:
        declared = {item.name for item in owner.manifest.declared(include_dev=True)}
        for file in sources.files(owner.path, stop_at=roots - {owner.path}):
            try:
                sites = sources.imports(file)
            except NotRegularFile:
                raise  # a FIFO or device among the sources: the run stops with its path (exit 2)
            except FileSystemError:
                continue
            for site in sites:
                name = package_of(site.specifier)
                if name is None or name == owner.manifest.name or name in declared:
                    continue
                if site.types_only and _types_package(name) in declared:
                    continue
                yield owner, file, site, name, package_folder(fs, file, name)


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
    and tooling); under Yarn Plug'n'Play, where an undeclared require fails, a `packageExtensions`
    entry in .yarnrc.yml declares it for an installed package."""
    if is_pnp(context):
        yield from pnp_phantoms(context)
        return
    yield from phantom_in_project(context)
    yield from _in_packages(context)


def phantom_in_project(context: CheckContext) -> Iterator[Finding]:
    """Phantom imports in the project's own source (and workspaces'), not in installed packages."""
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


def _rebase(found: list[PackageImport], instance: Instance) -> Iterator[PackageImport]:
    """Imports read in one copy of a package, placed in another copy (same relative files)."""
    for item in found:
        if item.file.startswith(instance.path + "/"):
            yield item
            continue
        if item.root and item.file.startswith(item.root + "/"):
            relative_file = item.file[len(item.root) + 1 :]
            yield PackageImport(f"{instance.path}/{relative_file}", item.site, instance.path)


def _in_packages(context: CheckContext) -> Iterator[Finding]:
    """Installed packages whose reachable code requires a package they do not declare."""
    graph = context.graph
    fs = context.fs
    code = context.package_code
    assert isinstance(graph, DependencyGraph)
    if fs is None or code is None:
        return
    code.prepare(graph.instances)
    by_path = {instance.path: instance for instance in graph.instances}
    scanned: dict[tuple[str, str], list[PackageImport]] = {}
    for instance in graph.instances:
        if instance.is_project or instance.is_workspace:
            continue
        known = {item.name for item in instance.manifest.declared(include_dev=False)} | {instance.name}
        reported: set[str] = set()
        key = (instance.name, instance.version)
        if key not in scanned:  # copies of one name@version hold the same code: read it once
            scanned[key] = code.imports(instance, known)
        for found in _rebase(scanned[key], instance):
            name = package_of(found.site.specifier)
            if name is None or name in reported:
                continue
            folder = package_folder(fs, found.file, name)
            if folder is None:
                continue  # an optional require in a try block, most often: not ours to judge
            reported.add(name)
            target = by_path.get(fs.realpath(folder))
            version = f"^{target.version}" if target else "*"
            yield Finding(
                "phantom-dependency",
                Severity.WARNING,
                f"`{instance.label}` requires `{name}` but does not declare it; it resolves only from "
                f"{relative(graph, folder)} (breaks under pnpm's isolated layout)",
                package_ref(graph, instance),
                request=found.site.specifier,
                from_=relative(graph, found.file),
                line=found.site.line,
                column=found.site.column,
                fix=f'declare it for the package: "pnpm": {{"packageExtensions": {{"{instance.label}": '
                f'{{"dependencies": {{"{name}": "{version}"}}}}}}}} in package.json (pnpm), packageExtensions '
                "in .yarnrc.yml (yarn), or ask its maintainers to add it",
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
    if is_pnp(context):
        yield from pnp_unresolvable(context)
        return
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
