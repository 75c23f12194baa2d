"""Undeclared imports under Yarn Plug'n'Play: ``phantom-dependency`` and ``unresolvable-import``
judged by yarn's runtime instead of node's node_modules walk.

Under PnP a package reaches only what its own package.json declares (``packageDependencies`` of its
locator). An undeclared import in a workspace fails (workspaces are excluded from the fallback by
default): an error. In an installed package, yarn's top-level fallback may still find the name
among the project's own dependencies: a warning (it works by that accident only); without that
rescue it fails: an error. The fix for a workspace is to declare the package; for an installed
package, a ``packageExtensions`` entry in ``.yarnrc.yml``, with the version already installed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.diagnostics.rules._refs import package_ref
from nmdoctor.diagnostics.rules._resolution import project_resolution
from nmdoctor.inspect.package_code import package_imports
from nmdoctor.linkers.pnp import plan_pnp_state, pnp_fallback_mode
from nmdoctor.lockfiles.to_graph import UNPLACED
from nmdoctor.model.graph import PNP_LAYOUT, DependencyGraph, Instance
from nmdoctor.model.manifest import ManifestError, manifest_from_json
from nmdoctor.model.paths import relative
from nmdoctor.resolve import Resolver
from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.sources.files import PROJECT_LOCKFILES
from nmdoctor.sources.imports import UNCALLED, ImportSite, package_of
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.vfs.limits import load_json

# The Plug'n'Play readers are imported when a project is one: the others do not load them.
if TYPE_CHECKING:
    from nmdoctor.resolve.node.pnp import PnpResolver
    from nmdoctor.resolve.node.pnp_state import Locator

__all__ = ["FolderLookup", "is_pnp", "pnp_folder_lookup", "pnp_phantoms", "pnp_unresolvable"]


def is_pnp(context: CheckContext) -> bool:
    graph = context.graph
    return isinstance(graph, DependencyGraph) and graph.layout == PNP_LAYOUT and context.fs is not None


def _planned(graph: DependencyGraph) -> bool:
    """Whether the graph was read from the lockfile (its packages unplaced), not from an install."""
    return any(f"/{UNPLACED}/" in instance.path for instance in graph.instances)


def _resolver(context: CheckContext) -> PnpResolver | None:
    """Yarn's runtime over the install's ``.pnp.cjs``, or over the state yarn would write from the
    lockfile when the graph was read from it."""
    from nmdoctor.resolve.node.pnp import PnpResolver
    from nmdoctor.resolve.node.pnp_state import PnpError, read_pnp_state
    from nmdoctor.vfs.pnpfs import PnpFS

    graph = context.graph
    assert isinstance(graph, DependencyGraph) and context.fs is not None
    if _planned(graph):
        return PnpResolver(plan_pnp_state(graph, pnp_fallback_mode(context.fs, graph.project)), PnpFS(context.fs))
    try:
        state = read_pnp_state(context.fs, graph.project)
    except PnpError:
        return None
    return PnpResolver(state, PnpFS(context.fs))


def _installed_version(resolver: PnpResolver, name: str) -> str | None:
    """The version of ``name`` already in the install (the highest of its npm locators)."""
    versions = [
        str(locator.reference)[4:]
        for locator in resolver.state.locators()
        if locator.name == name and str(locator.reference).startswith("npm:")
    ]
    return max(versions, key=_version_key) if versions else None


def _version_key(version: str) -> tuple[int, ...]:
    core = version.split("-", 1)[0].split("+", 1)[0]
    return tuple(int(part) if part.isdigit() else 0 for part in core.split("."))


def _reach(resolver: PnpResolver, folder: str, name: str) -> tuple[Locator | None, bool, bool]:
    """(issuer locator, declared in its packageDependencies, resolves at all under the runtime)."""
    issuer = folder.rstrip("/") + "/"
    locator = resolver.find_package_locator(issuer)
    information = resolver.state.information(locator) if locator is not None else None
    declared = information is not None and information.dependencies.get(name) is not None
    try:
        resolver.resolve_to_unqualified(name, issuer)
    except ResolutionError:
        return locator, declared, False
    return locator, declared, True


def _apart(fs: FileSystem, folder: str) -> str | None:
    """The lockfile of a folder that is a project of its own (a package.json and a lockfile beside
    it: yarn 1's docs, a second Plug'n'Play root): installed apart from that lockfile, so the root's
    install does not decide its imports."""
    for name in PROJECT_LOCKFILES:
        if fs.stat(f"{folder}/{name}") is not None:
            return name
    return None


def _project_sites(context: CheckContext) -> Iterator[tuple[Instance, str, ImportSite, str, str | None]]:
    """Each undeclared import of the project's source: owner, file, site, package name, and, for a
    file of a nested project of its own, why the root's install does not decide it (else None)."""
    graph = context.graph
    fs = context.fs
    assert isinstance(graph, DependencyGraph) and fs is not None
    owners = sorted(graph.roots, key=lambda item: -len(item.path))
    roots = frozenset(owner.path for owner in owners)
    # aliases and module folders of the project's own config answer some bare-looking requests
    resolution = project_resolution(context)
    sources = context.sources
    assert sources is not None
    pending: list[tuple[Instance, str, str | None]] = [(owner, owner.path, None) for owner in owners]
    while pending:
        owner, folder, apart = pending.pop(0)
        declared = {item.name for item in owner.manifest.declared(include_dev=True)} | owner.manifest.optional_peers
        nested: list[str] = []
        stop_at = roots - {owner.path}
        for file in sources.files(folder, stop_at=stop_at, nested=nested):
            try:
                sites = sources.imports(file)
            except FileSystemError:
                continue
            for site in sites:
                name = package_of(site.specifier)
                if name is None or name == owner.manifest.name or name in declared:
                    continue
                if resolution.decide(site.specifier, file) is not None:
                    continue
                yield owner, file, site, name, apart
        for inner in nested:
            lockfile = _apart(fs, inner)
            if lockfile is None and apart is None:
                pending.append((owner, inner, None))  # yarn's runtime gives its files to the owner
                continue
            try:
                manifest = manifest_from_json(load_json(fs.read_bytes(f"{inner}/package.json")))
            except (FileSystemError, ValueError, ManifestError, AttributeError, TypeError):
                manifest = owner.manifest  # a template without a package.json: its project's
            where = relative(graph, inner)
            why = (
                apart
                if lockfile is None
                else f"{where} is a project of its own, installed from {where}/{lockfile}, which this run does not read"
            )
            name = manifest.name or posixpath.basename(inner)
            pending.append((Instance(name, manifest.version or "", inner, manifest), inner, why))


def pnp_phantoms(context: CheckContext) -> Iterator[Finding]:
    """phantom-dependency under PnP: undeclared imports of installed packages, in the project's
    source and in installed packages' reachable code."""
    resolver = _resolver(context)
    if resolver is None:
        return
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    for owner, file, site, name, apart in _project_sites(context):
        if apart is not None:
            continue  # installed apart: the root's install does not say how it resolves
        version = _installed_version(resolver, name)
        if version is None:
            continue  # not installed at all: unresolvable-import
        _, _, works = _reach(resolver, posixpath.dirname(file), name)
        manifest = "package.json" if owner.path == graph.project else f"{relative(graph, owner.path)}/package.json"
        how = "works only through yarn's top-level fallback" if works else "fails under Plug'n'Play"
        yield Finding(
            "phantom-dependency",
            Severity.WARNING if works or site.types_only else Severity.ERROR,
            f"`{name}` is imported by `{owner.label}` but not declared; the import {how}",
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            fix=f'add "{name}": "^{version}" to dependencies in {manifest}, then run yarn install',
        )
    if not _planned(graph):
        yield from _in_packages(context, resolver)  # a lockfile holds no package's code


def _in_packages(context: CheckContext, resolver: PnpResolver) -> Iterator[Finding]:
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    node = Resolver(resolver.fs)
    scanned: set[str] = set()
    for instance in graph.instances:
        if instance.is_project or instance.is_workspace or instance.path in scanned:
            continue
        scanned.add(instance.path)
        known = {item.name for item in instance.manifest.declared(include_dev=False)} | {instance.name}
        reported: set[str] = set()
        for found in package_imports(resolver.fs, node, instance, known):
            name = package_of(found.site.specifier)
            if name is None or name in reported:
                continue
            types = found.site.types_only or found.file.endswith(_DECLARATION_FILES)
            if types and _types_package(name) in known:
                continue  # TypeScript takes the name's types from the @types package it declares
            version = _installed_version(resolver, name)
            locator, declared, works = _reach(resolver, posixpath.dirname(found.file), name)
            if declared or version is None or locator is None:
                continue  # declared as a peer and provided, or nothing to point at
            reported.add(name)
            severity, how = _in_package_outcome(
                works, guarded=found.site.guarded, types=types, uncalled=found.site.uncalled
            )
            yield Finding(
                "phantom-dependency",
                severity,
                f"`{instance.label}` requires `{name}` but does not declare it; {how}",
                package_ref(graph, instance),
                request=found.site.specifier,
                from_=relative(graph, found.file),
                line=found.site.line,
                column=found.site.column,
                fix=f'declare it in .yarnrc.yml: packageExtensions: {{"{instance.name}@*": {{"dependencies": '
                f'{{"{name}": "{version}"}}}}}}, then run yarn install',
            )


_DECLARATION_FILES = (".d.ts", ".d.mts", ".d.cts")


def _types_package(name: str) -> str:
    return "@types/" + (name[1:].replace("/", "__") if name.startswith("@") else name)


def _in_package_outcome(works: bool, *, guarded: bool, types: bool, uncalled: bool = False) -> tuple[Severity, str]:
    """How sure an installed package's undeclared require is to fail under Plug'n'Play: one the
    fallback answers works by accident; one inside a try block is a feature probe that fails softly
    (a note, as for the project's own code); one only TypeScript reads (a declaration file, an
    ``import type``) never runs, nor does one inside a function that nothing calls (a note)."""
    if works:
        return Severity.WARNING, "it resolves only through yarn's top-level fallback"
    if uncalled:
        return Severity.INFO, f"under Plug'n'Play the require would fail, {UNCALLED}"
    if guarded:
        return (
            Severity.INFO,
            "under Plug'n'Play the require fails, inside a try block (a feature probe, it fails softly)",
        )
    if types:
        return Severity.WARNING, "under Plug'n'Play its types are not found (a type import: node never loads it)"
    return Severity.ERROR, "under Plug'n'Play the require fails"


def pnp_unresolvable(context: CheckContext) -> Iterator[Finding]:
    """unresolvable-import under PnP: imports of packages neither declared nor in the install."""
    resolver = _resolver(context)
    if resolver is None:
        return
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    for owner, file, site, name, apart in _project_sites(context):
        if apart is not None:
            yield Finding(
                "unresolvable-import",
                Severity.INFO,
                f"`{site.specifier}` is imported by `{owner.label}` but `{name}` is not declared"
                f" (cannot be decided: {apart})",
                PackageRef(owner.name, owner.version, relative(graph, owner.path)),
                request=site.specifier,
                from_=relative(graph, file),
                line=site.line,
                column=site.column,
                fix=f"declare `{name}` in {relative(graph, owner.path)}/package.json if that project needs it",
            )
            continue
        if _installed_version(resolver, name) is not None:
            continue
        if any(locator.name == name for locator in resolver.state.locators()):
            continue  # installed from elsewhere than the registry (a workspace, a git or file package)
        yield Finding(
            "unresolvable-import",
            Severity.WARNING if site.types_only else Severity.ERROR,
            f"`{site.specifier}` is imported by `{owner.label}` but `{name}` is not declared nor installed",
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            # Never "yarn add NAME": a name in neither the install nor the lockfile may be a stranger's
            # package on the registry (an alias the project meant, a typo).
            fix=f"`{name}` is in neither the Plug'n'Play install nor the lockfile: remove the import, or map it "
            "with an alias (tsconfig `paths`, webpack `resolve.alias`, jest `moduleNameMapper`)",
        )


FolderLookup = Callable[[str, str], tuple[str | None, list[str]]]


def pnp_folder_lookup(context: CheckContext) -> FolderLookup | None:
    """Under PnP, the package folder a tool finds for a name from a folder (the runtime's mapping
    through the folder's locator, as webpack's and babel's PnP resolution use), and where it looked;
    None when the project is not PnP."""
    if not is_pnp(context):
        return None
    resolver = _resolver(context)
    if resolver is None:
        return None

    planned = _planned(context.graph)

    def lookup(directory: str, name: str) -> tuple[str | None, list[str]]:
        try:
            folder = resolver.resolve_to_unqualified(name, directory.rstrip("/") + "/")
        except ResolutionError:
            return None, [directory]
        if folder is None or (not planned and resolver.fs.stat(folder.rstrip("/")) is None):
            return None, [directory]
        return folder.rstrip("/"), [directory]

    return lookup
