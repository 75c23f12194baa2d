"""Imports in the project's own source of packages it does not declare (they work only by hoisting),
or that do not resolve at all."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache, partial

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._ambient import AmbientModules
from nmdoctor.diagnostics.rules._build_outputs import BuiltPackages
from nmdoctor.diagnostics.rules._bundler_served import bundler_configs, served_by_bundler
from nmdoctor.diagnostics.rules._dead_configs import (
    config_of_absent_tool,
    linted_only,
    unloaded_setup_tests,
    unrun_protractor_config,
    unrun_rollup_config,
    unrun_test_file,
)
from nmdoctor.diagnostics.rules._declared import declared_above, declared_names
from nmdoctor.diagnostics.rules._docker_installed import DockerInstalls
from nmdoctor.diagnostics.rules._ember import ember_cli_compiled, lockfile_ember_source
from nmdoctor.diagnostics.rules._generated_clients import prisma_outputs
from nmdoctor.diagnostics.rules._installed import INSTALL_FIRST, NOTHING_INSTALLED, nothing_installed
from nmdoctor.diagnostics.rules._jest_named import named_by_jest_config
from nmdoctor.diagnostics.rules._loader_runs import loader_running
from nmdoctor.diagnostics.rules._lookup import InstalledLookup, pnpm_node_path_folder
from nmdoctor.diagnostics.rules._manual_mocks import manual_mock
from nmdoctor.diagnostics.rules._meteor import MeteorApps
from nmdoctor.diagnostics.rules._next_bundled import NEXT_SOURCE_FOLDERS, NextBundled
from nmdoctor.diagnostics.rules._nuxt_runtime import NUXT_RUNTIME_WHY, nuxt_runtime_fix, nuxt_runtime_import
from nmdoctor.diagnostics.rules._refs import package_ref
from nmdoctor.diagnostics.rules._resolution import project_resolution
from nmdoctor.diagnostics.rules._shim_runs import bin_run_by_dependents, shim_running
from nmdoctor.diagnostics.rules._test_data import TEST_FILE, TEST_FOLDERS, built_by_tests, read_by_tests
from nmdoctor.diagnostics.rules._unnamed_modules import UnnamedModules
from nmdoctor.diagnostics.rules._vite_bundled import vite_bundled_modules
from nmdoctor.diagnostics.rules.pnp_undeclared import is_pnp, pnp_phantoms, pnp_unresolvable
from nmdoctor.diagnostics.rules.strings import hoisted_loaders
from nmdoctor.inspect.layout import virtual_store_folder
from nmdoctor.inspect.package_code import PackageImport, known_names, own_manifest
from nmdoctor.inspect.verify import yarn_classic_unlocked
from nmdoctor.lockfiles.detect import yarnrc_package_extensions
from nmdoctor.lockfiles.model import Lockfile
from nmdoctor.lockfiles.yarn_extensions import PackageExtensions
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import ManifestError, manifest_from_json, scripts_of
from nmdoctor.model.paths import manifest_file, relative
from nmdoctor.project.install_settings import pnpm9_would_hoist
from nmdoctor.project.resolution import ProjectResolution, ResolutionConfig
from nmdoctor.project.resolution.tsconfig import skips_lib_check
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.sources.babel_runtime import PLUGIN as RUNTIME_PLUGIN
from nmdoctor.sources.babel_runtime import runtime_loads
from nmdoctor.sources.components import COMPONENT_SUFFIXES
from nmdoctor.sources.config_refs import jest_loads
from nmdoctor.sources.elision import ImportUse, import_use
from nmdoctor.sources.files import PROJECT_LOCKFILES, TEMPLATE_FOLDERS
from nmdoctor.sources.imports import (
    UNCALLED,
    ImportKind,
    ImportSite,
    language_for,
    package_of,
    script_of,
)
from nmdoctor.sources.index import SourceIndex
from nmdoctor.sources.webpack_request import split_request
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, NotRegularFile
from nmdoctor.vfs.limits import load_json

__all__ = [
    "package_folder",
    "phantom_dependency",
    "phantom_in_project",
    "project_resolution",
    "unresolvable_import",
]

# Files only tooling loads: tests, scripts, configs (`*.config.js`), and the parts of a bundler's or
# test runner's config kept in files named after the tool (`webpack.rules.ts`, `webpack.plugins.ts`
# of Electron Forge's webpack templates, `webpack.common.js` / `webpack.prod.js` merged by
# webpack-merge, `jest.setup.ts`), and gulp's and grunt's task files.
_DEV_PATH = re.compile(
    r"(^|/)(tests?|__tests__|__mocks__|spec|e2e|scripts|stories|build|tools|internals|bench|benchmarks?)/|\.(test|spec|stories)\.[cm]?[jt]sx?$|"
    r"(^|/)[^/]*\.config\.[cm]?[jt]s$|"
    r"(^|/)(webpack|rollup|vite|vitest|jest|karma|esbuild)\.[^/]+\.[cm]?[jt]s$|(^|/)[gG](ulp|runt)file\.[cm]?[jt]s$"
)


PNPM9_HOISTS = (
    "pnpm 9 and pnpm 10 both write this lockfile and nothing says which installs; pnpm 9's default"
    " public-hoist-pattern (*eslint*, *prettier*) puts it in the project's node_modules, pnpm 10 and later"
    " do not"
)
_TYPESCRIPT = re.compile(r"\.[cm]?tsx?$")


def _typescript(fs: FileSystem, file: str) -> bool:
    """A TypeScript file, or a component whose code is TypeScript (``<script lang="ts">``, Astro's
    frontmatter)."""
    if _TYPESCRIPT.search(file):
        return True
    if not file.endswith(COMPONENT_SUFFIXES):
        return False
    try:
        return script_of(fs.read_bytes(file), file)[1] in ("typescript", "tsx")
    except FileSystemError:
        return False


# What TypeScript may drop when every name it brings is a type: import and export-from statements.
# A require() or an import() is a call, kept whatever its result is used for.
_ELIDABLE = frozenset({ImportKind.IMPORT, ImportKind.EXPORT_FROM})


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


@dataclass(frozen=True, slots=True)
class Undeclared:
    """One import of a package its owner does not declare. ``request`` is the module webpack or node
    resolves (a loader or the resource of a ``loader!resource`` request, else the specifier)."""

    owner: Instance
    file: str
    site: ImportSite
    request: str
    name: str
    folder: str | None  # the installed folder it resolves to, or None
    resolution: ProjectResolution
    # a string of a jest config that string-module-reference reads too (the owner's jest.config.* or
    # package.json): when it is not found, that rule reports it, once
    config_string: bool = False
    # the runtime that @babel/plugin-transform-runtime's helpers require, named by the owner's babel
    # config rather than imported by its code
    injected: bool = False


def _nested_owner(fs: FileSystem, folder: str) -> Instance | None:
    """A folder with its own package.json that is not a workspace of the graph (a ``file:`` package,
    an example): it owns its files."""
    try:
        manifest = manifest_from_json(load_json(fs.read_bytes(f"{folder}/package.json")))
    except (FileSystemError, ValueError, ManifestError, AttributeError, TypeError):
        return None
    return Instance(manifest.name or posixpath.basename(folder), manifest.version or "", folder, manifest)


# What npm accepts as a name (URL-safe; old names may hold capitals): ``$lib``, ``@@/x`` or
# ``~icons/...`` are framework aliases, never packages.
_PACKAGE_NAME = re.compile(r"^(@[A-Za-z0-9~-][\w.~-]*/)?[A-Za-z0-9~-][\w.~-]*$")
_LONGEST_HAND_WRITTEN_LINE = 5_000


def _generated(source: bytes) -> bool:
    """A bundle or minified file (a line longer than anyone writes by hand)."""
    return max(map(len, source.split(b"\n"))) > _LONGEST_HAND_WRITTEN_LINE


def _requests(specifier: str) -> list[tuple[str, bool]]:
    """The module requests of an import: (request, is a webpack loader)."""
    if "!" not in specifier:
        return [(specifier, False)]
    split = split_request(specifier)
    return [*((loader, True) for loader in split.loaders), (split.resource, False)]


def _loader_name(name: str, declared: set[str], lookup: InstalledLookup, directory: str) -> str:
    """webpack 1 completed a loader's short name (``style`` -> ``style-loader``); when only the
    long name is the project's, that is the package meant."""
    if name.endswith("-loader") or name in declared or lookup.folder(directory, name) is not None:
        return name
    long = f"{name}-loader"
    return long if long in declared or lookup.folder(directory, long) is not None else name


# Type tests (vitest's typecheck include `**/*.{test,spec}-d.?(c|m)[jt]s?(x)`, tsd's `*.test-d.ts`):
# type-checked, never run, so a package's types are all they load.
_TYPE_TEST = re.compile(r"\.(test|spec)-d\.[cm]?[jt]sx?$")


_DECLARATION_FILES = (".d.ts", ".d.mts", ".d.cts")


def _is_declaration_file(path: str) -> bool:
    """A file only type-checked: a declaration file or a type test."""
    return path.endswith(_DECLARATION_FILES) or _TYPE_TEST.search(path) is not None


def _dependencies_folder_holds(
    graph: DependencyGraph, lookup: InstalledLookup, resolution: ProjectResolution, file: str, name: str
) -> bool:
    """Whether a config's module folder of a package's dependencies (gatsby-plugin-pnpm's folder of
    gatsby's dependencies) holds ``name`` by the dependency graph: the package as installed from that
    folder depends on ``name`` (nivo's website imports @gatsbyjs/reach-router, a dependency of gatsby,
    under ``check --lockfile``, where no folder is on disk to list)."""
    for folder in resolution.for_file(file).folders:
        if folder.dependencies_of is None:
            continue
        found = lookup.folder(posixpath.dirname(folder.path), folder.dependencies_of)
        instance = lookup.instance_at(found) if found is not None else None
        if instance is not None and any(
            edge.name == name and edge.target is not None for edge in graph.edges_from(instance)
        ):
            return True
    return False


def _scan(context: CheckContext) -> Iterator[Undeclared]:
    """Every import, in the project's own source, of a package its owner does not declare and that
    no alias or module folder of the project's resolution config answers."""
    graph = context.graph
    fs = context.fs
    sources = context.sources
    assert isinstance(graph, DependencyGraph)
    if fs is None or sources is None:
        return
    lookup = InstalledLookup(fs, graph)
    resolution = project_resolution(context)
    pending = _owners(graph)
    roots = frozenset(owner.path for owner in pending)
    ancestors = {owner.path: declared_names(owner.manifest) for owner in pending}
    seen: set[str] = set()
    while pending:
        owner = pending.pop(0)
        if owner.path in seen:
            continue
        seen.add(owner.path)
        manifest = owner.manifest
        declared = declared_names(manifest)
        nested: list[str] = []
        for file in sources.files(owner.path, stop_at=roots - {owner.path}, nested=nested):
            try:
                source = fs.read_bytes(file)
            except NotRegularFile:
                raise  # a FIFO or device among the sources: the run stops with its path (exit 2)
            except FileSystemError:
                continue
            if _generated(source):
                continue  # a bundle or minified file kept in the source tree: not code anyone resolves again
            try:
                sites = sources.imports(file)
            except NotRegularFile:
                raise  # a FIFO or device among the sources: the run stops with its path (exit 2)
            except FileSystemError:
                continue
            types_file = _is_declaration_file(file)
            for site in sites:
                for request, is_loader in _requests(site.specifier):
                    name = package_of(request)
                    if name is not None and is_loader and "/" not in request:
                        name = request = _loader_name(name, declared, lookup, posixpath.dirname(file))
                    if name is None or name == manifest.name or name in declared or not _PACKAGE_NAME.match(name):
                        continue  # a path, a builtin, declared, or a framework alias no package can be named
                    if (site.types_only or types_file) and _types_declared(
                        ancestors, owner.path, declared, _types_package(name), lookup, posixpath.dirname(file)
                    ):
                        continue
                    if site.elsewhere:
                        continue  # looked up from elsewhere
                    decision = resolution.decide(request, file)
                    if decision is None and _dependencies_folder_holds(graph, lookup, resolution, file, name):
                        continue  # a module folder of the config (a package's dependencies) answers it
                    looks = decision is None or decision.falls_back
                    folder = lookup.folder(posixpath.dirname(file), name) if looks else None
                    if decision is not None and (not decision.falls_back or folder is None):
                        continue  # an alias or module folder of the config answers it
                    if declared_above(ancestors, owner.path, name, folder):
                        continue
                    yield Undeclared(owner, file, site, request, name, folder, resolution)
        for file, site in jest_loads(fs, owner.path):
            name = package_of(site.specifier)
            if name is None or name == manifest.name or name in declared or not _PACKAGE_NAME.match(name):
                continue
            folder = lookup.folder(owner.path, name)  # jest resolves them from its rootDir
            if not declared_above(ancestors, owner.path, name, folder):
                top = posixpath.dirname(file) == owner.path
                yield Undeclared(owner, file, site, site.specifier, name, folder, resolution, config_string=top)
        if graph.instances_of("@babel/core"):  # something here runs babel with the owner's config
            for file, site in runtime_loads(fs, owner.path):
                name = site.specifier
                if name == manifest.name or name in declared:
                    continue
                # the compiled files require it from their folders: looked up from the package's
                folder = lookup.folder(owner.path, name)
                if not declared_above(ancestors, owner.path, name, folder):
                    yield Undeclared(
                        owner, file, site, name, name, folder, resolution, config_string=True, injected=True
                    )
        for folder in nested:
            if folder not in roots and (found := _nested_owner(fs, folder)) is not None:
                pending.append(found)
                ancestors[found.path] = declared_names(found.manifest)


def _types_declared(
    ancestors: dict[str, set[str]],
    owner: str,
    declared: set[str],
    types: str,
    lookup: InstalledLookup,
    directory: str,
) -> bool:
    """Does a package the owner or an enclosing package (the monorepo root) declares give the types
    of a types-only import? TypeScript drops the import and takes the names from the ``@types``
    package it finds walking up from the file, as node would find a package."""
    if types in declared:
        return True
    return declared_above(ancestors, owner, types, lookup.folder(directory, types))


def _dependency_field(path: str) -> str:
    return "devDependencies" if _DEV_PATH.search(path) else "dependencies"


@check("phantom-dependency", Severity.WARNING)
def phantom_dependency(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    Code imports a package that its own package.json does not declare; it resolves only because
    another package's dependency was hoisted (or linked) where node looks. Imports answered by the
    project's own resolution config (tsconfig `paths`/`baseUrl`, webpack `resolve.modules`/`alias`,
    jest `moduleDirectories`/`moduleNameMapper`, vite/rollup `alias`, babel module-resolver) are the
    project's code, not packages; a workspace may use what the monorepo root declares. A webpack
    loader named by string in a webpack config (the project's, or a build wrapper's run with the
    project as context) counts too: webpack looks it up from the project's folder; so does a babel preset
    or plugin named by string in a babel config that something in the tree reads (babel resolves the
    normalised name, `@babel/react` -> `@babel/preset-react`, from the config's folder); so does the runtime
    that a babel config's `@babel/plugin-transform-runtime` makes the compiled code require
    (`@babel/runtime`, or `@babel/runtime-corejs3` with `corejs: 3`). In a tree yarn
    berry installed, an installed package declares what yarn adds to its manifest: its built-in
    package extensions, `.yarnrc.yml` `packageExtensions`, and names only `peerDependenciesMeta` lists.
    ## Severity
    A warning: the import works today, by accident (where it would fail, `check` reports
    `unresolvable-import`, and `migrate` names the layout under which it breaks, as an error). Under
    Yarn Plug'n'Play, where yarn's runtime refuses it, an error. A note for a `require` inside
    `try { } catch { }` (a feature probe that fails softly).
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
    yield from hoisted_loaders(context)
    yield from _in_packages(context)


def phantom_in_project(context: CheckContext, *, runtime: Severity = Severity.WARNING) -> Iterator[Finding]:
    """Phantom imports in the project's own source (and workspaces'), not in installed packages.

    ``runtime`` is the severity of an import that runs (a warning today: it works by hoisting; a
    layout that refuses undeclared imports makes it an error); a types-only import stays a warning
    and a guarded one a note."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    fs = context.fs
    if fs is None:
        return
    lookup = InstalledLookup(fs, graph)
    tests_name: dict[tuple[str, str, str], list[str]] = {}  # the folders each test folder names, read once
    for item in _scan(context):
        owner, file, site, name, folder = item.owner, item.file, item.site, item.name, item.folder
        if folder is None:
            continue
        instance = lookup.instance_at(folder)
        brought = sorted({edge.source.label for edge in graph.dependents(instance)}) if instance else []
        note = f" (installed at {relative(graph, folder)}" + (
            f", a dependency of {', '.join(brought)})" if brought else ")"
        )
        # jest-runtime answers @jest/globals from its own globals at run time: only a type check
        # of the test needs the package, as for an import of types.
        served = name == "@jest/globals" and bool(graph.instances_of("jest-runtime"))
        types = " for its types" if site.types_only else " for its types (jest serves it at run time)" if served else ""
        guarded = " inside a try block (a feature probe)" if site.guarded else f" {UNCALLED}" if site.uncalled else ""
        field = "dependencies" if item.injected else _dependency_field(relative(graph, file))
        manifest = manifest_file(graph, owner.path)
        # It resolves today, through hoisting: it works by accident (a warning); where it does not
        # resolve, unresolvable-import reports the error. A fixture's import is never loaded at all
        # (the test reads the file as text), under this layout or any other: a note.
        data = not item.injected and read_as_data(fs, owner, file, site.line, graph.project, tests_name)
        kept = instance is None and _kept_in_source(graph, owner, folder)
        never_fails = site.guarded or site.uncalled or data or kept
        severity = Severity.INFO if never_fails else Severity.WARNING if site.types_only or served else runtime
        yield Finding(
            "phantom-dependency",
            severity,
            f"`{name}` is required by the helpers that {RUNTIME_PLUGIN} ({relative(graph, file)}) injects into"
            f" the code of `{owner.label}`, but not declared{note}"
            if item.injected
            else f"`{name}` is imported{types}{guarded} by `{owner.label}` but not declared{note}"
            + (READ_AS_DATA if data else KEPT_IN_SOURCE if kept else ""),
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            fix=f'add "{name}": "{declared}" to {field} in {manifest}'
            if (declared := _declared_range(graph, instance))
            else f"add {name} to {field} in {manifest}",
        )


def _declared_range(graph: DependencyGraph, instance: Instance | None) -> str | None:
    """The range that declares ``instance`` so that the manager links it where it is today: a
    workspace by the workspace protocol under pnpm, yarn berry and bun (pnpm 9 and later link a
    workspace by its version only with link-workspace-packages, and fetch the registry's package of
    that name otherwise); npm and yarn 1 link a workspace whose version the range accepts."""
    if instance is None:
        return None
    if instance.is_workspace and graph.layout.startswith(("pnpm", "yarn-berry", "bun")):
        return "workspace:*"
    return f"^{instance.version}" if instance.version else None


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
    yarn = _yarn_extensions(fs, graph)
    for instance in graph.instances:
        if instance.is_project or instance.is_workspace:
            continue
        known = known_names(instance)
        key = (instance.name, instance.version)
        if key not in scanned:  # copies of one name@version hold the same code: read it once
            scanned[key] = code.imports(instance, known)
        added: set[str] = set()  # what yarn adds to the manifest, asked only of a package with imports left
        if scanned[key] and yarn is not None:
            added = yarn.declared(instance.name, instance.version, own_manifest(fs, instance.path))
        candidates: dict[str, list[tuple[PackageImport, str]]] = {}
        meta_peers = _meta_only_peers(instance) if scanned[key] else frozenset()
        for found in _rebase(scanned[key], instance):
            name = package_of(found.site.specifier)
            if name is None or name in added:
                continue
            if _types_site(found) and _types_package(name) in known:
                continue  # TypeScript takes the name's types from the @types package the package declares
            folder = package_folder(fs, found.file, name)
            if folder is None:
                continue  # an optional require in a try block, most often: not ours to judge
            if _linked_beside(instance, name, folder):
                continue
            if name in meta_peers and _hosts_copy(graph, by_path.get(fs.realpath(folder)), name):
                continue
            candidates.setdefault(name, []).append((found, folder))
        for name, sites in candidates.items():
            # the first require that runs unguarded; if every one is in a try block, a feature probe
            # (the scans record it: ``PackageCode.imports``)
            # (a type import, or any import of a declaration file, is erased before anything runs:
            # only a type check reads it)
            runs = [item for item in sites if not _types_site(item[0])]
            chosen = next((item for item in runs if not item[0].site.guarded), None)
            guarded = chosen is None
            types = not runs
            found, folder = chosen or (runs or sites)[0]
            target = by_path.get(fs.realpath(folder))
            version = f"^{target.version}" if target else "*"
            # Electron's API (or VS Code's): the runtime that loads the package answers the name
            # itself, whatever node_modules holds (Electron's Module._resolveFilename returns its
            # API for `electron`), so no layout breaks it
            hosted = host_module(graph, name)
            where = f"`{instance.label}` requires `{name}` but does not declare it; it resolves only from " + relative(
                graph, folder
            )
            if hosted and not guarded:
                message, fix = where + hosted[0], hosted[1]
            elif name in meta_peers and not guarded:
                message, fix = _unprovided_meta_peer(graph, instance, name, folder)
            else:
                how = (
                    TYPES_WHERE
                    if types
                    else GUARDED_WHERE
                    if guarded
                    else _breaks_where(folder, _project_declares(graph, target, name))
                )
                message = where + " (" + how + ")"
                fix = (
                    f'declare it for the package: "pnpm": {{"packageExtensions": {{"{instance.label}": '
                    f'{{"dependencies": {{"{name}": "{version}"}}}}}}}} in package.json (pnpm), packageExtensions '
                    "in .yarnrc.yml (yarn), or ask its maintainers to add it"
                )
            yield Finding(
                "phantom-dependency",
                Severity.INFO if guarded or hosted else Severity.WARNING,
                message,
                package_ref(graph, instance),
                request=found.site.specifier,
                from_=relative(graph, found.file),
                line=found.site.line,
                column=found.site.column,
                fix=fix,
            )
    code.flush()  # the scans as this run left them, for the next run of the project


def _meta_only_peers(instance: Instance) -> frozenset[str]:
    """The optional peers the package's peerDependenciesMeta alone names (@typescript-eslint's
    ``typescript``): pnpm and yarn take each for an optional peer and link the host's copy beside the
    package; npm draws no edge for them, and node finds the host's copy by walking up."""
    raw = instance.manifest.raw
    meta = raw.get("peerDependenciesMeta") if isinstance(raw, dict) else None
    if not isinstance(meta, dict):
        return frozenset()
    peers = raw.get("peerDependencies")
    listed = set(peers) if isinstance(peers, dict) else set()
    return frozenset(name for name in meta if isinstance(name, str) and name not in listed)


def _hosts_copy(graph: DependencyGraph, target: Instance | None, name: str) -> bool:
    """Whether ``target`` is the copy the project or one of its workspaces declares as ``name``: the
    host providing the package's optional peer, as every manager has it (npm's walk up finds it at the
    top of node_modules, pnpm and yarn link it as the peer)."""
    return _declared_copy(graph, graph.roots, target, name)


def _declared_copy(graph: DependencyGraph, owners: Collection[Instance], target: Instance | None, name: str) -> bool:
    """Whether ``target`` is the copy one of ``owners`` resolves its dependency ``name`` to."""
    if target is None:
        return False
    return any(edge.target is target for owner in owners for edge in graph.edges_from(owner) if edge.name == name)


def _unprovided_meta_peer(graph: DependencyGraph, instance: Instance, name: str, folder: str) -> tuple[str, str]:
    """The message and fix for a require of an optional peer only peerDependenciesMeta names, which
    the project does not provide: the copy found is another package's, hoisted; pnpm would link
    nothing there."""
    return (
        f"`{instance.label}` requires `{name}`, an optional peer only its peerDependenciesMeta names, which the "
        f"project does not declare; it resolves only from {relative(graph, folder)}, another package's copy "
        "hoisted there (breaks under pnpm's isolated layout, which links an optional peer only from the host)",
        f"declare `{name}` in the project: the package takes it as an optional peer, which its host provides",
    )


TYPES_WHERE = (
    "cannot be decided: every import of it is a type import or in a declaration file, which node never"
    " loads; only a type check of the package's declarations reads it"
)


def _types_site(found: PackageImport) -> bool:
    """An import that nothing runs: ``import type``, or any import in a ``.d.ts`` file."""
    return found.site.types_only or _is_declaration_file(found.file)


GUARDED_WHERE = (
    "cannot be decided: every require of it is inside a try block, a feature probe the package makes,"
    " or inside a function nothing in its file calls; where it is not found, nothing fails"
)


def _yarn_extensions(fs: FileSystem, graph: DependencyGraph) -> PackageExtensions | None:
    """In a tree yarn berry's node-modules linker installed, the extensions yarn applies to
    packages' manifests (its built-in ones and ``.yarnrc.yml`` ``packageExtensions``): what they
    add, a package declares, as yarn sees it (``PackageExtensions.declared``)."""
    if graph.layout != "yarn-berry-nm":
        return None
    return PackageExtensions(yarnrc_package_extensions(fs, graph.project))


def _linked_beside(instance: Instance, name: str, folder: str) -> bool:
    """Whether pnpm linked ``name`` beside the package in its own virtual-store folder, where only
    what pnpm resolved for that package lives: a peer, an optional peer its peerDependenciesMeta
    alone names, or a dependency a packageExtensions entry gives it (the project's, or those pnpm
    applies itself, such as connect-mongo's express-session). pnpm declares it for the package."""
    store = virtual_store_folder(instance.path, instance.name)
    return store is not None and folder == f"{store}/{name}"


def _breaks_where(folder: str, project_declares: bool = False) -> str:
    """Where the phantom breaks: under pnpm, one found in ``node_modules/.pnpm/node_modules`` (its
    hidden hoisting) already works under pnpm's isolated layout, by that hoisting alone; the copy
    the project itself declares works in every node_modules layout (the project's own
    ``node_modules`` lies above every package folder, pnpm's store included), until the package is
    installed without it."""
    if "/node_modules/.pnpm/node_modules/" in folder:
        return "pnpm's hoist-pattern puts every package there; it breaks when hoist-pattern leaves it out"
    if project_declares:
        return (
            "the project declares it, and every node_modules layout puts the project's own dependencies above "
            "the package; it breaks where the package is installed without it"
        )
    return "breaks under pnpm's isolated layout"


def _project_declares(graph: DependencyGraph, target: Instance | None, name: str) -> bool:
    """Whether ``target`` is the copy the project (the root, not a workspace) declares as ``name``."""
    return _declared_copy(graph, [root for root in graph.roots if root.is_project], target, name)


@check("unresolvable-import", Severity.ERROR)
def unresolvable_import(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    Code imports a package that is neither declared nor installed anywhere node looks, and that no
    path alias or module folder of the project's own config answers (tsconfig/jsconfig `baseUrl` and
    `paths` with their `extends` chain, webpack `resolve.modules`/`resolve.alias`, jest
    `moduleDirectories`/`modulePaths`/`moduleNameMapper`, vite/rollup `alias`,
    babel-plugin-module-resolver, `NODE_PATH` in `.env`).
    ## Severity
    An error only when it is certain to fail: a `require` inside `try { } catch { }` (a feature probe),
    an `import()` with a `.catch`, or an import in a project whose resolution config nmdoctor could
    not read, or whose first path segment names a folder of the project (an alias nmdoctor does not
    know about, such as a framework's own), is a note; a types-only import (or any import of a
    declaration file) is a warning (a note where every tsconfig compiling that declaration file sets
    `skipLibCheck`: tsc then reports nothing in it), and so is one in a tool's config that the tool
    loads with `require` under pnpm's isolated layout when pnpm hoists the package to
    `node_modules/.pnpm/node_modules`: pnpm's bin shims put that folder on NODE_PATH (so is a
    `require` in a file the scripts run with node through a package's executable, such as
    `cross-env ... node FILE`, an import in a file a script loads with a module runner such as
    `esno FILE` or `tsx FILE`, or in a module that file imports by a relative path, of a package that
    is not `"type": "module"`, and an import in a module a Next.js app's pages reach). A package the
    repository's own build writes into node_modules (an nx `outputPath`, an ng-packagr `dest`) is a
    note, and so is `electron` in a file a script runs with an Electron the project does not install,
    and an import in an ES module below a package's `src/` that no file of the package names (no
    import, config, manifest or script mentions it, and no code loads whole folders): no bundler entry
    reaches it.
    ## Why it matters
    It fails the moment that code runs (or the bundler builds it).
    ## How to fix
    When the package is in the tree or the lockfile: declare it (`npm install NAME`). Otherwise it is
    not a package the project uses: if it is a folder of the project, map it with an alias (tsconfig
    `paths`, webpack `resolve.alias`, ...); if not, remove the import. nmdoctor never suggests
    installing a name that the tree or lockfile does not already hold: a same-named package on the
    registry may be a stranger's code."""
    if is_pnp(context):
        yield from pnp_unresolvable(context)
        return
    graph = context.graph
    fs = context.fs
    assert isinstance(graph, DependencyGraph)
    placeholders = _Mentions(context, graph)
    stale_lock = _StaleYarnLock(context)
    uninstalled = nothing_installed(context)
    installed = InstalledLookup(fs, graph) if fs is not None else None
    raw_texts = _RawTexts(context, graph)
    unnamed_modules = UnnamedModules(fs)
    built = BuiltPackages(fs, graph.project) if fs is not None else None
    extensions = _vscode_extensions(graph)
    # a config's imports share one answer (its tool, its scripts, hooks and workflows read once)
    dead_configs: dict[tuple[str, str], str | None] = {}

    ambient = (
        AmbientModules(fs, context.sources, frozenset(item.path for item in _owners(graph)))
        if fs is not None and context.sources is not None
        else None
    )
    harnesses: dict[str, str | None] = {}  # a package's test harness, read once per package
    tests_name: dict[tuple[str, str, str], list[str]] = {}  # the folders each test folder names, read once
    # what a Next.js app's build compiles, walked from its pages once per app, when asked
    next_bundled = (
        NextBundled(fs, context.sources, project_resolution(context))
        if fs is not None and context.sources is not None
        else None
    )
    roots = frozenset(item.path for item in _owners(graph))

    @cache
    def vite_bundled() -> dict[str, list[str]]:
        if fs is None or context.sources is None:
            return {}
        return vite_bundled_modules(fs, sorted(roots), context.sources.imports)

    @cache
    def imported_files() -> _ImportedFiles | None:
        return _ImportedFiles(graph, context.sources, roots) if context.sources is not None else None

    runners: dict[tuple[str, str], str | None] = {}  # the executable the scripts run a file through

    def runner_of(owner: Instance, file: str) -> str | None:
        key = (owner.path, file)
        if key not in runners:
            runners[key] = shim_running(graph, owner, file)
        return runners[key]

    loaders: dict[tuple[str, str], str | None] = {}  # the module runner the scripts load a file in

    def loader_of(owner: Instance, file: str) -> str | None:
        key = (owner.path, file)
        if key not in loaders:
            assert fs is not None and context.sources is not None  # asked only of an import on disk
            loaders[key] = loader_running(fs, graph, owner, file, context.sources.imports)
        return loaders[key]

    meteor = MeteorApps(fs, graph.project) if fs is not None else None
    docker = DockerInstalls(fs, graph.project) if fs is not None else None

    def harness_of(owner: Instance) -> str | None:
        if owner.path not in harnesses:
            assert fs is not None  # asked only of an import on disk
            harnesses[owner.path] = built_by_tests(fs, graph.project, owner)
        return harnesses[owner.path]

    def absent_tool(owner: Instance, file: str) -> str | None:
        key = (owner.path, file)
        if key not in dead_configs:
            assert fs is not None  # asked only of an import on disk
            dead_configs[key] = config_of_absent_tool(fs, graph, owner, file)
        return dead_configs[key]

    @cache
    def pnpm9_hoists(name: str) -> bool:
        assert fs is not None  # asked only of an import on disk
        root = next((item for item in graph.roots if item.is_project), None)
        manifest = root.manifest.raw if root is not None and isinstance(root.manifest.raw, dict) else None
        return pnpm9_would_hoist(fs, graph.project, manifest, name)

    for item in _scan(context):
        if item.folder is not None or fs is None or installed is None or item.config_string:
            continue
        owner, site, name = item.owner, item.site, item.name
        if _runtime_module(owner, name, extensions):
            continue
        file = item.file
        if name == "bun" and _script_running(fs, owner, file, _BUN_RUN) is not None:
            continue  # a script runs the file with bun, which provides `bun` (real bun 1.3.13)
        # Meteor's build answers a Meteor package its .meteor/versions lists, and a local Meteor
        # package's Npm.depends (wekan's `meteor/mongo`, packages/wekan-ldap's ldapts)
        by_meteor = meteor.serves(file, site.specifier, name) if meteor is not None else None
        if by_meteor == "served":
            continue
        if (
            (site.types_only or file.endswith(_DECLARATION_FILES))
            and ambient is not None
            and ambient.declares(owner, site.specifier)
        ):
            continue  # TypeScript answers it with the package's own `declare module` (tsc 5.9.3)
        config = item.resolution.for_file(file)
        local = _local_folder(fs, graph, owner, item.request)
        fix: str | None = None
        elided = False
        hidden: str | None = None  # the folder that answers the import through NODE_PATH today
        # what TypeScript does with the import: the file is parsed again, at most once per site
        use = cache(partial(_import_use, fs, file, site))
        if site.guarded:
            severity, why = Severity.INFO, " (inside a try block: a feature probe, it fails softly)"
        elif site.uncalled:
            severity, why = Severity.INFO, f" (cannot be decided: {UNCALLED})"
        elif site.skipped:
            severity, why = Severity.INFO, " (cannot be decided: inside a skipped test, whose callback never runs)"
        elif _babelrc_outside_roots(fs, graph, owner, file):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: a .babelrc of a package other than the project's root, which Babel applies"
                " only when the root config's babelrcRoots names that package)",
            )
        elif site.commonjs_guarded and _es_module_file(owner, file):
            severity, why = (
                Severity.INFO,
                " (never runs: it is on a branch of a `typeof exports` or `typeof module` test, and node loads"
                " this file as an ES module, where neither is defined)",
            )
        elif site.env_guarded:
            severity, why = (
                Severity.INFO,
                " (cannot be decided: it is loaded only on one branch of a `process.env` test, which the files do"
                " not settle)",
            )
        elif uninstalled:
            severity, why = Severity.INFO, f" (cannot be decided: {NOTHING_INSTALLED})"
        elif graph.layout == "pnpm-isolated" and graph.instances_of(name) and pnpm9_hoists(name):
            severity, why = Severity.INFO, f" (cannot be decided: {PNPM9_HOISTS})"
        elif name == "@jest/globals" and graph.instances_of("jest-runtime"):
            # jest-runtime answers it from its own globals, never from node_modules; only a type
            # check of the test (ts-jest's) needs the package itself.
            severity, why = Severity.INFO, " (cannot be decided: jest serves it itself; a type check needs it)"
        elif name == "vitest" and graph.instances_of("vitest"):
            # vitest's resolver plugin (vitest:resolve-root) answers `vitest` in the files it runs
            # from its own root, not from the importing file (tiptap's packages, run by vite-plus)
            severity, why = (
                Severity.INFO,
                " (cannot be decided: vitest resolves `vitest` in the files it runs from where it runs, not from"
                " this file)",
            )
        elif (tool := absent_tool(owner, file)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: nothing here loads {posixpath.basename(file)}: `{tool}` is in neither"
                " node_modules nor the lockfile, and no script, git hook or CI workflow runs it)",
            )
        elif unrun_test_file(fs, graph, owner, file):
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: nothing here runs {posixpath.basename(file)}: `{owner.label}` has no test"
                " script and neither it nor the project declares a test runner or has a script, git hook or CI"
                " workflow that runs one)",
            )
        elif unrun_protractor_config(fs, graph, owner, file):
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: nothing here loads {posixpath.basename(file)}: no Angular workspace target"
                " names protractor, and no script, git hook or CI workflow runs `protractor`)",
            )
        elif unrun_rollup_config(fs, graph, owner, file):
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: nothing here runs rollup with {posixpath.basename(file)}: only rollup's CLI"
                " reads it (`rollup -c`), and no script, git hook or CI workflow of the package or the project runs"
                " `rollup` or names the file)",
            )
        elif (linter := linted_only(graph, owner, file)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: nothing here runs {posixpath.basename(file)}: every script of `{owner.label}`"
                f" runs {linter}, which reads the file as text and never loads its imports, and the package has no"
                " entry point for others to load)",
            )
        elif unloaded_setup_tests(fs, graph, owner, file):
            severity, why = (
                Severity.INFO,
                f" (never runs: nothing here loads {posixpath.basename(file)}, create-react-app's test setup: only"
                " react-scripts (or craco, react-app-rewired) loads it by that name, and no test config names it)",
            )
        elif _listed_for_its_runner(fs, file, name):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: the file lists it in `module.exports.dependencies`, which the release"
                " tool that runs the file (jquery-release) installs first)",
            )
        elif read_as_data(fs, owner, file, site.line, graph.project, tests_name):
            severity, why = Severity.INFO, READ_AS_DATA
        elif (harness := harness_of(owner)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: `{owner.label}` is a case that {relative(graph, harness)} builds or runs with"
                " the code under test, expecting what the test says)",
            )
        elif raw_texts.holds(file):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: the project loads this file as text (raw-loader, `?raw`), so its"
                " imports are not resolved here; whatever runs the text resolves them)",
            )
        elif (virtual := _plugin_virtual_module(graph, site.specifier)) is not None:
            severity, why = Severity.INFO, f" (cannot be decided: a virtual module {virtual}'s plugin serves)"
            # removing the import drops what the plugin generates (UnoCSS's styles); no alias gives it
            fix = (
                f"nothing to install: {virtual}'s bundler plugin serves `{site.specifier}` to the builds it is"
                " configured in; code loaded without that plugin (node, a test runner) must not import it"
            )
        elif (ember := _ember_source_module(fs, graph, owner, name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: the Ember build maps it to ember-source's own module, {relative(graph, ember)})",
            )
            fix = _EMBER_FIX
        elif nuxt_runtime_import(owner, file, name):
            severity, why = Severity.INFO, NUXT_RUNTIME_WHY.format(name=name)
            fix = nuxt_runtime_fix(relative(graph, owner.path + "/package.json"), name)
        # a project of its own: what its install brings, types included, is unknown
        elif (unmodelled := _unmodelled_project(fs, graph, owner)) is not None:
            severity, why = Severity.INFO, f" (cannot be decided: {unmodelled})"
        elif site.types_only:
            types = _types_package(name)
            found = installed.folder(posixpath.dirname(file), types) if installed else package_folder(fs, file, types)
            # the types come from an @types package the tree holds where TypeScript looks, undeclared:
            # "nor installed" would send the reader to install the runtime package
            why = f"; TypeScript takes its types from {types}, which is installed but not declared" if found else ""
            severity = Severity.WARNING
        elif not _typescript(fs, file) and _flow_type_import(fs, file, site.line, site.specifier):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: a Flow type import, which Babel erases before node or a bundler sees it;"
                " Flow resolves it with its library definitions)",
            )
            fix = _FLOW_FIX.format(specifier=site.specifier)
        elif _served_as_is(owner, file):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: a file below public/ or static/, which bundlers copy as it is rather than"
                " resolve its imports)",
            )
        elif _kept_for_elsewhere(owner, file, _THIRD_PARTY_FOLDERS) and not graph.instances_of(name):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: code below a third-party folder, kept from or for another project, and"
                " nothing here installs what it imports)",
            )
        elif _kept_for_elsewhere(owner, file, _UNUSED_FOLDERS) and not graph.instances_of(name):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: code below a folder its name marks as not used, and nothing here installs"
                " what it imports)",
            )
        elif (
            _copied_or_shown(owner, file)
            or _in_agent_skill(fs, owner, file)
            or (_kept_for_elsewhere(owner, file, _EXAMPLE_FOLDERS) and not graph.instances_of(name))
        ):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: a template or an example file, which is copied into other projects or"
                " shown in docs rather than run here)",
            )
        elif config.plugins and file not in config.plugins and ("." in name or _quoted_in(fs, config.plugins, name)):
            # the config's own imports: vite bundles the config with esbuild, externalizing bare
            # names, and node imports them; the plugins it defines transform the app's modules only
            plugins = relative(graph, sorted(set(config.plugins))[0])
            severity, why = Severity.INFO, f" (cannot be decided: plugins of {plugins} may provide it)"
        elif _mocked_in(fs, file, site.specifier):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: the file mocks it with vi.mock or jest.mock, which may stand in for the package)",
            )
        elif (mock := manual_mock(fs, owner.path, file, site.specifier)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: the test runner answers it with the manual mock {relative(graph, mock)})",
            )
        elif built is not None and not graph.instances_of(name) and (builder := built.writer(name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: the repository's build writes it to node_modules/{name} ({builder}), where"
                " node finds it once that build has run)",
            )
            fix = f"run the build that writes node_modules/{name} ({builder}) before the code that imports it"
        elif (served := placeholders.served(owner, name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: {served[0]} of the bundler config in {relative(graph, served[1])}, which"
                " the bundler serves itself, never from node_modules)",
            )
            fix = f"nothing to install: `{name}` is {served[0]} that {relative(graph, served[1])} configures"
        elif (
            # a package of that name in the tree is the module the import means, whatever else names it
            not graph.instances_of(name) and (named := placeholders.named(owner, site.specifier, file)) is not None
        ):
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: other code of `{owner.label}` names `{named}`, which it may"
                " replace or provide at build time)"
                if named == site.specifier
                else f" (cannot be decided: other code of `{owner.label}` names the scope `{named}` alone, an alias"
                " key no package can be named, which the bundler it configures maps)",
            )
        elif (mapped := _own_name_mapped(graph, config, name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: `{name}` is this project's own package, which {mapped} maps; the"
                " bundler that maps it may map its subpaths too)",
            )
        elif _browser_mapped(owner, name):
            severity, why = (
                Severity.INFO,
                " (cannot be decided: the `browser` field of its package.json maps it for bundlers)",
            )
        elif config.unread:
            unread = ", ".join(relative(graph, path) for path in sorted(set(config.unread))[:2])
            severity, why = Severity.INFO, f" (cannot be decided: {unread} could not be read)"
        elif local is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: {local} may be mapped by a config nmdoctor does not read)",
            )
        elif (generated := _generated_folder(fs, graph, owner, item.request)) is not None:
            output, schema = generated
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: `prisma generate` writes {output}, the output of a generator in {schema},"
                " which the repository does not hold until it runs)",
            )
        elif (
            _typescript(fs, file)
            and site.kind in _ELIDABLE
            and graph.instances_of(_types_package(name))
            and not _side_effect_import(fs, file, site.line, site.specifier)
            # a binding used as a value (``<Route />``, ``useLocation()``): kept, and resolved
            and use() is not ImportUse.KEPT
        ):
            types = _types_package(name)
            # where node looks from the file: on disk, or in the layout the lockfile describes
            if installed.folder(posixpath.dirname(file), types) if installed else package_folder(fs, file, types):
                severity, why = (
                    Severity.INFO,
                    f" (cannot be decided: {types} answers it for TypeScript, which drops an import"
                    " whose names are all types)",
                )
                if use() is ImportUse.DROPPED and not config.keeps_imports:
                    # nothing loads it: adding the runtime package would install what no code runs
                    fix = (
                        f"nothing to add for `{name}`: TypeScript takes its types from {types} and drops the"
                        " import, whose names are all types"
                    )
            else:
                # dropped from the output, but the type check looks for the types where node would
                # (pterodactyl's `import { History } from 'history'` under pnpm: TS2307)
                severity, why = (
                    Severity.WARNING,
                    f"; TypeScript drops the import, whose names are all types, but the type check does not find"
                    f" {types} from here either (the tree holds it elsewhere)",
                )
                fix = (
                    f"add `{types}` to devDependencies in {relative(graph, owner.path + '/package.json')}:"
                    f" TypeScript takes the types of `{name}` from it"
                )
        elif (
            site.kind is ImportKind.IMPORT
            and _typescript(fs, file)
            and not config.keeps_imports
            and use() is ImportUse.DROPPED
        ):
            # styled-components' test-utils: `import { ReactWrapper } from 'enzyme'`, a type annotation
            # only; graphql-codegen's generated `TypedDocumentNode as DocumentNode`, used in `as` casts
            severity, why, elided = Severity.WARNING, _ELIDED_WHY, True
        elif (
            site.kind is ImportKind.IMPORT
            and _typescript(fs, file)
            and use() is ImportUse.AUGMENTS
            and (imported := imported_files()) is not None
            and not imported.may_import(file)
        ):
            # turborepo-fullstack-starter's apps/api/src/types.ts: `import 'express'` and `declare module
            # 'express' { ... }`, a file only tsconfig's "include" reads
            severity, why, elided = Severity.WARNING, _AUGMENTATION_WHY, True
        elif (
            _loaded_like_a_config(fs, graph, owner, file)
            # `require` in an ES config is createRequire's, CommonJS resolution, which reads NODE_PATH
            # (graphql-eslint's website/next.config.ts: `createRequire(import.meta.url).resolve('esquery')`)
            or (site.kind in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE) and _TOOL_CONFIG.search(file))
        ) and (hidden := pnpm_node_path_folder(fs, graph, installed, name)):
            severity, why = Severity.WARNING, _NODE_PATH_WHY.format(folder=relative(graph, hidden))
        elif (test_run := _test_runner_of(graph, owner, file, site.kind, fs)) is not None and (
            hidden := pnpm_node_path_folder(fs, graph, installed, name)
        ):
            severity, why = (
                Severity.WARNING,
                _TEST_NODE_PATH_WHY.format(
                    folder=relative(graph, hidden),
                    script=test_run[1],
                    runner=test_run[0],
                    how=_TEST_RUNNER_HOW[test_run[0]],
                ),
            )
        elif _story_storybook_webpack_bundles(fs, owner, file) and (
            hidden := pnpm_node_path_folder(fs, graph, installed, name)
        ):
            severity, why = Severity.WARNING, _STORYBOOK_NODE_PATH_WHY.format(folder=relative(graph, hidden))
        elif _next_webpack_bundles(graph, owner, file, next_bundled, roots) and (
            hidden := pnpm_node_path_folder(fs, graph, installed, name)
        ):
            severity, why = Severity.WARNING, _NEXT_NODE_PATH_WHY.format(folder=relative(graph, hidden))
        elif (
            site.kind in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE)
            and not _es_module_file(owner, file)
            and (runner := runner_of(owner, file)) is not None
            and (hidden := pnpm_node_path_folder(fs, graph, installed, name))
        ):
            severity, why = (
                Severity.WARNING,
                _SHIM_NODE_PATH_WHY.format(folder=relative(graph, hidden), runner=runner),
            )
        elif (
            site.kind in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE)
            and (started := bin_run_by_dependents(graph, owner, file)) is not None
            and (hidden := pnpm_node_path_folder(fs, graph, installed, name))
        ):
            severity, why = (
                Severity.WARNING,
                _BIN_NODE_PATH_WHY.format(
                    folder=relative(graph, hidden), runner=started[1], dependent=started[0].label
                ),
            )
        elif (
            site.kind in _LOADER_REQUIRED
            and context.sources is not None
            and not _es_module_file(owner, file)
            and (runner := loader_of(owner, file)) is not None
            and (hidden := pnpm_node_path_folder(fs, graph, installed, name))
        ):
            severity, why = (
                Severity.WARNING,
                _LOADER_NODE_PATH_WHY.format(folder=relative(graph, hidden), runner=runner),
            )
        elif (
            site.kind in _VITE_BUNDLED
            and context.sources is not None
            and (bundling := vite_bundled().get(file))
            and all(
                installed.folder(posixpath.dirname(config), name) if installed else package_folder(fs, config, name)
                for config in bundling
            )
        ):
            # works through the configs that bundle the file, and only there
            configs = relative(graph, bundling[0]) + (
                f" and {len(bundling) - 1} other config{'s' if len(bundling) > 2 else ''}" if len(bundling) > 1 else ""
            )
            severity, why = (
                Severity.WARNING,
                f"; vite bundles this file into {configs} and leaves `{name}` to node, which finds it from there"
                " only: it works because every config that imports this file declares or reaches it",
            )
        elif docker is not None and (by_docker := docker.installing(file, name)) is not None:
            dockerfile, install_line = by_docker
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: {relative(graph, dockerfile)} copies this file into an image and installs"
                f" `{name}` beside it (line {install_line}), where node finds it; whether it runs anywhere else is"
                " not in the files)",
            )
            fix = (
                f"nothing to install for the image: {relative(graph, dockerfile)} installs `{name}` where it puts"
                " this file"
            )
            if graph.instances_of(name):  # never a name the tree or the lockfile does not hold
                manifest = relative(graph, owner.path + "/package.json")
                fix += f"; to run it outside the image, declare `{name}` in {manifest}"
        elif (script := _installed_by_script(owner, file, name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: the script that runs this file, `{script}`, installs `{name}` first)",
            )
            fix = f"nothing to install when the file runs through `npm run {script}`, which installs `{name}` first"
        elif (host := host_module(graph, name)) is not None:
            severity, (why, fix) = Severity.INFO, host
        elif (name == "aws-sdk" or name.startswith("@aws-sdk/")) and _lambda_handler(fs, file):
            # rh-nx-monorepo's apps/company-api/lambda/jira-webhook-sqs-publish/index.js: `require('aws-sdk')`
            # and `exports.handler`, a function uploaded as it is
            severity, why = Severity.INFO, _LAMBDA_SDK_WHY
            fix = _LAMBDA_SDK_FIX
        elif name == "electron" and (runner := _electron_runs(fs, owner, file)) is not None:
            # jose's tap/run-electron.ts (`import { app } from 'electron'`), which `npm run tap:electron`
            # runs through tap/.electron.sh with an Electron its CI installs globally
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: {runner} runs this file with the `electron` command, an Electron this"
                " project does not install, which provides `electron` to the code it runs)",
            )
            fix = (
                f"nothing to install for node: only Electron runs this file; run it through {runner},"
                " with an Electron on PATH"
            )
        elif file.endswith(_DECLARATION_FILES) and (skipping := skips_lib_check(fs, file, owner.path)) is not None:
            # pure-admin-thin's types/shims-tsx.d.ts imports compatible-vue, which nothing installs,
            # under a tsconfig with skipLibCheck: tsc reports nothing in a declaration file then
            severity, why = (
                Severity.INFO,
                f" (nothing fails: nothing runs a declaration file, and {relative(graph, skipping)} sets skipLibCheck,"
                " so the type check skips it)",
            )
            fix = "nothing to install; remove the import if the type it names is not meant to be `any`"
        elif file.endswith(_DECLARATION_FILES):
            # nothing runs a declaration file: only a type check reads it, as for an `import type`
            # (solid-start's landing-page/src/global.d.ts imports lucia, which nothing installs)
            severity, why = Severity.WARNING, ""
        elif (stale := stale_lock.holding(name)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: yarn.lock holds `{name}` but has no entry for `{stale}`, which package.json"
                " declares; where `yarn install` puts it once it updates the lockfile is not in the files)",
            )
            fix = "run `yarn install`, commit yarn.lock, and check again"
        elif by_meteor == "meteor":
            severity, why = (
                Severity.INFO,
                " (cannot be decided: Meteor's build serves `meteor/*` from the Meteor packages of the app, which"
                " its .meteor/versions does not list under this name)",
            )
            fix = (
                f"nothing to install with npm: Meteor's build serves `{site.specifier}` if the app uses a Meteor"
                " package of that name (.meteor/packages); if it uses none, remove the import"
            )
        elif (ember_build := ember_cli_compiled(fs, owner, file)) is not None:
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: {ember_build} compiles this file into Ember's module loader, where the"
                " addons the app depends on, and the addons they depend on, serve modules under names of their"
                " own, found from their own folders)",
            )
            if not graph.instances_of(name):
                fix = (
                    f"nothing to install if an addon of the app serves `{site.specifier}`; if none does, Ember's"
                    " loader fails at run time (`Could not find module`): remove the import"
                )
        elif (
            _unpublished(graph, owner)
            and (unnamed := unnamed_modules.unnamed(owner.path, file, site, declared_names(owner.manifest))) is not None
        ):
            severity, why = (
                Severity.INFO,
                f" (cannot be decided: no file of `{owner.label}` names this module (`{unnamed}` appears in no"
                " import, config, manifest or script), so no bundler entry reaches it and nothing here runs it)",
            )
            fix = "nothing to install: no build includes this module; remove it, or the import, if it is left over"
        else:
            severity, why = Severity.ERROR, ""
        state = "not declared" if severity is Severity.WARNING and why and not elided else "not declared nor installed"
        held = sorted(graph.instances_of(name), key=lambda item: (len(item.path), item.path))
        if state != "not declared" and held:
            # the tree has it, only not where node looks from this file (pnpm's hidden hoisting, a
            # copy nested under another package): "nor installed" would send the reader to install it
            where = relative(graph, held[0].path)
            state = f"not declared, nor installed where node looks from here (the tree holds it at {where})"
        yield Finding(
            "unresolvable-import",
            severity,
            f"`{site.specifier}` is imported by `{owner.label}` but `{name}` is {state}{why}",
            PackageRef(owner.name, owner.version, relative(graph, owner.path)),
            request=site.specifier,
            from_=relative(graph, file),
            line=site.line,
            column=site.column,
            fix=INSTALL_FIRST
            if uninstalled
            else fix
            or _types_fix(
                graph,
                owner,
                name,
                (site.types_only or elided or file.endswith(_DECLARATION_FILES)) and severity is Severity.WARNING,
            )
            or _unresolvable_fix(
                graph,
                owner,
                item.request,
                name,
                config,
                local,
                installed.instance_at(hidden) if hidden is not None and installed is not None else None,
                next((item for item in held if not item.is_project), None),
            ),
        )


class _StaleYarnLock:
    """A v1 yarn.lock read alone that lacks an entry package.json declares (``yarn install
    --frozen-lockfile`` refuses it): the packages only that declaration leads to are placed nowhere,
    yet ``yarn install`` brings and hoists them once it updates the lockfile (foodadvisor's admin
    extensions import react and @strapi/design-system, which @strapi/strapi 4.13.5 brings; yarn.lock
    still locks 4.12.0). An import of a package the lockfile holds cannot be decided there."""

    def __init__(self, context: CheckContext) -> None:
        model = context.model_lockfile
        self.first: str | None = None
        self.names: frozenset[str] = frozenset()
        if context.lockfile is not None or not isinstance(model, Lockfile):
            return
        unlocked = yarn_classic_unlocked(model)
        if unlocked:
            name, spec = min(item for declarations in unlocked.values() for item in declarations)
            self.first = f"{name}@{spec}"
            self.names = frozenset(package.name for package in model.packages.values() if not package.is_importer)

    def holding(self, name: str) -> str | None:
        """The declaration the lockfile lacks, when it holds ``name``."""
        return self.first if name in self.names else None


_ELIDED_WHY = (
    " (its names are used only as types, or not at all: TypeScript, and the TypeScript transforms of Babel,"
    " esbuild and SWC,"
    " drop the import, so nothing loads it; a type check still needs it, and node's own type stripping keeps it)"
)


_AUGMENTATION_WHY = (
    " (the file imports it so that its `declare module` of the same name applies, and no source file of"
    " the project imports this file: nothing loads it at run time; a type check still resolves it)"
)
_SCRIPT_SUFFIX = re.compile(r"\.(?:[cm]?[jt]sx?|d\.[cm]?ts)$")


def _stem(file: str) -> str:
    """The name an import of ``file`` ends with: its base name less the extension, or its folder's
    name for an index file (``./types``, ``../types.js``, ``@/types``)."""
    base = _SCRIPT_SUFFIX.sub("", posixpath.basename(file))
    return posixpath.basename(posixpath.dirname(file)) if base == "index" else base


class _ImportedFiles:
    """Which files the project's source files may import, read generously (a file this says no to
    is imported by none of them): a relative specifier by the path it names (less the extension); a
    bare one naming no package of the tree (an alias) by the last segment of its path, within the
    importing package for the package-local forms (``@/``, ``~/``, ``#``); a bare one naming a
    workspace by any file of that workspace."""

    def __init__(self, graph: DependencyGraph, sources: SourceIndex, roots: frozenset[str]) -> None:
        self.roots = roots
        self.paths: set[str] = set()
        self.stems: set[str] = set()
        self.local_stems: set[tuple[str, str]] = set()
        self.folders: set[str] = set()
        for root in sorted(roots):
            for file in sources.files(root, stop_at=roots - {root}):
                try:
                    sites = sources.imports(file)
                except FileSystemError:
                    continue
                for site in sites:
                    self._note(graph, root, file, site.specifier)

    def _note(self, graph: DependencyGraph, root: str, file: str, specifier: str) -> None:
        if specifier.startswith(("./", "../")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(file), specifier))
            self.paths.add(_SCRIPT_SUFFIX.sub("", target))
            return
        name = package_of(specifier)
        instances = graph.instances_of(name) if name is not None else []
        stem = _SCRIPT_SUFFIX.sub("", specifier.rstrip("/").rpartition("/")[2])
        if not instances and specifier.startswith(("@/", "~/", "#")):
            self.local_stems.add((root, stem))
        elif not instances:
            self.stems.add(stem)
        self.folders.update(item.path + "/" for item in instances if item.is_workspace or item.is_project)

    def may_import(self, file: str) -> bool:
        bare = _SCRIPT_SUFFIX.sub("", file)
        if bare in self.paths or (posixpath.basename(bare) == "index" and posixpath.dirname(bare) in self.paths):
            return True
        stem = _stem(file)
        root = max((item for item in self.roots if file.startswith(item + "/")), key=len, default="")
        return (
            stem in self.stems
            or (root, stem) in self.local_stems
            or any(file.startswith(folder) for folder in self.folders)
        )


def _import_use(fs: FileSystem, file: str, site: ImportSite) -> ImportUse:
    """What TypeScript does with this import (``sources.elision``); asked only of an import about to
    be reported."""
    try:
        source = fs.read_bytes(file)
    except FileSystemError:
        return ImportUse.UNDECIDED
    return import_use(source, file, site.line, site.column)


# A module another runtime answers to the code it runs (its API, a builtin of its own), which node
# has not: (the package the tree must hold for the note, or None; why; fix).
_HOSTED: dict[str, tuple[str | None, str, str]] = {
    # Electron's API, whatever node_modules holds: a library an Electron app of the project loads
    # (joplin's lib, behind `shim.isElectron()`) imports it without declaring it
    "electron": (
        "electron",
        " (cannot be decided: Electron provides `electron` to the code it runs, and an Electron app of this"
        " project may run this file)",
        "nothing to install when only Electron runs this code: it provides `electron`; node alone never gets"
        " Electron's API (the npm package `electron` only names its binary), so load it only where"
        " `process.versions.electron` is set",
    ),
    # Bun's own API (`import { Glob } from 'bun'`): remix's test runner imports it behind IS_BUN
    "bun": (
        None,
        " (cannot be decided: the Bun runtime provides `bun` to the code it runs; node does not)",
        "nothing to install when only Bun runs this code: it provides `bun`, node does not; load it only where"
        " `process.versions.bun` is set",
    ),
    # AWS AppSync's APPSYNC_JS runtime provides `@aws-appsync/utils` (and its /dynamodb, /rds subpaths)
    # to the resolvers and functions it runs, which their bundler leaves external (amplify-backend's
    # test projects: amplify/data/js_custom_fn.js, an `a.handler.custom({ entry })`)
    "@aws-appsync/utils": (
        None,
        " (cannot be decided: AWS AppSync's APPSYNC_JS runtime provides `@aws-appsync/utils` to the resolver"
        " code it runs; node does not)",
        "nothing to install when only AppSync runs this code: its runtime provides `@aws-appsync/utils`, node"
        " alone does not, so load this file only as an AppSync resolver",
    ),
    # a library for VS Code extensions (a webview RPC bridge, a language client): the extension host
    # that loads the extension using it answers `vscode`
    "vscode": (
        "@types/vscode",
        " (cannot be decided: VS Code's extension host provides `vscode` to the extensions it runs, and"
        " @types/vscode, which the tree holds, gives its types)",
        "nothing to install: only VS Code's extension host runs code that imports `vscode`; node alone"
        " never gets the editor's API, so load this file only from an extension",
    ),
}


_LAMBDA_SDK_WHY = (
    " (cannot be decided: the file exports `handler`, the entry of an AWS Lambda function, and Lambda's"
    " Node.js runtimes provide the AWS SDK to the functions they run: v2, `aws-sdk`, up to nodejs16.x, and v3,"
    " `@aws-sdk/*`, from nodejs18.x on; which runtime runs it is not in these files)"
)
_LAMBDA_SDK_FIX = (
    "nothing to install when the function runs on a Lambda runtime that provides it (`aws-sdk` on nodejs16.x"
    " and older, `@aws-sdk/*` on nodejs18.x and newer); elsewhere, bundle the SDK with the function"
)
# `exports.handler =`, `module.exports = { handler }`, `export const handler`, `export { handler }`
_HANDLER_EXPORT = re.compile(
    rb"\b(?:module\.)?exports\.handler\s*=|\bmodule\.exports\s*=\s*\{[^}]*\bhandler\b"
    rb"|\bexport\s+(?:const|let|var|async\s+function|function)\s+handler\b|\bexport\s*\{[^}]*\bhandler\b"
)


def _unpublished(graph: DependencyGraph, owner: Instance) -> bool:
    """Can no other project import ``owner``'s files by a deep path? It is private, or it is a folder
    of a private project that nothing here depends on (a Strapi app's copy of a plugin in
    src/plugins/): only its own builds load its modules."""
    if _private(owner):
        return not any(edge.target is owner for edge in graph.edges)
    project = next((item for item in graph.instances if item.path == graph.project), None)
    return (
        project is not None
        and owner is not project
        and _private(project)
        and owner.path.startswith(graph.project + "/")
        and not any(edge.target is owner for edge in graph.edges)
    )


def _private(instance: Instance) -> bool:
    raw = instance.manifest.raw
    return isinstance(raw, dict) and raw.get("private") is True


def _lambda_handler(fs: FileSystem | None, file: str) -> bool:
    """Whether the file exports a function named ``handler``, as the entry of a Lambda function does."""
    if fs is None:
        return False
    try:
        return _HANDLER_EXPORT.search(fs.read_bytes(file)) is not None
    except FileSystemError:
        return False


def host_module(graph: DependencyGraph, name: str) -> tuple[str, str] | None:
    """(why, fix) of the note for ``name`` when another runtime provides it, else None."""
    hosted = _HOSTED.get(name)
    if hosted is None or (hosted[0] is not None and not graph.instances_of(hosted[0])):
        return None
    return hosted[1], hosted[2]


_FLOW_FIX = (
    "nothing to install for node: Babel erases the type import; Flow finds `{specifier}` in its library"
    " definitions (its built-in libs, flow-typed/, the [libs] of .flowconfig), or in an installed package"
)
# ``import type { Node } from 'React'``, ``import typeof X from``, ``export type { T } from`` in a
# Flow file, which the JavaScript grammar reads as a plain import
_STATEMENT_START = re.compile(rb"^\s*(?:import|export)\b")
_FLOW_TYPE_IMPORT = re.compile(rb"^\s*(?:import|export)\s+(?:type|typeof)\s[^'\"]*\bfrom\s*['\"]([^'\"]+)['\"]")


# ``electron tap/run-electron.ts``: the command and the file it runs
_ELECTRON_RUN = re.compile(r"(?:^|[;&|(]|\s)(?:npx\s+)?electron\s+(?:--?[\w-]+(?:=\S*)?\s+)*([^\s;&|)]+)")
# a shell script a package.json script runs (``./tap/.electron.sh``, ``bash scripts/e2e.sh``)
_SHELL_SCRIPT = re.compile(r"(?:^|\s)((?:\./)?[\w./-]+\.sh)(?=\s|$)")


def _electron_runs(fs: FileSystem, owner: Instance, file: str) -> str | None:
    """The script that runs ``file`` with the ``electron`` command (``"tap:electron":
    "./tap/.electron.sh"``, whose ``electron tap/run-electron.ts`` names the file), in the owner's
    package.json scripts or in a shell script one of them runs; paths are read from the package's
    folder, where npm runs scripts. None when nothing names the file so."""
    return _script_running(fs, owner, file, _ELECTRON_RUN)


# ``bun build.ts``, ``bun run --watch example/index.ts``: the file the Bun runtime runs
_BUN_RUN = re.compile(r"(?:^|[;&|(]|\s)bun\s+(?:run\s+)?(?:--?[\w-]+(?:=\S*)?\s+)*([^\s;&|)]+)")


def _script_running(fs: FileSystem, owner: Instance, file: str, runner: re.Pattern[str]) -> str | None:
    """The script of the owner that runs ``file`` through ``runner`` (whose group names the file),
    in its package.json scripts or in a shell script one of them runs, as `npm run <script>`."""
    target = posixpath.relpath(file, owner.path)
    for script, command in scripts_of(owner.manifest.raw).items():
        texts = [command]
        for shell in _SHELL_SCRIPT.findall(command):
            try:
                texts.append(fs.read_bytes(posixpath.normpath(f"{owner.path}/{shell}")).decode("utf-8", "replace"))
            except FileSystemError:
                continue
        for text in texts:
            if any(posixpath.normpath(path) == target for path in runner.findall(text)):
                return f"`npm run {script}`"
    return None


def _source_lines(fs: FileSystem, file: str, line: int) -> list[bytes] | None:
    """The lines of ``file`` when it has a line ``line`` (1-based), else None."""
    try:
        lines = fs.read_bytes(file).splitlines()
    except FileSystemError:
        return None
    return lines if 0 < line <= len(lines) else None


def _flow_type_import(fs: FileSystem, file: str, line: int, specifier: str) -> bool:
    """An import of types only in Flow's syntax on ``line`` of a JavaScript file (react-native-web's
    ``import type { Node } from 'React'``, a module of Flow's own library definitions)."""
    lines = _source_lines(fs, file, line)
    if lines is None or b"@flow" not in b"\n".join(lines[:40]):
        return False
    start = line - 1  # the statement may span lines: ``import type {`` ... ``} from 'x'``
    while start > max(0, line - 30) and not _STATEMENT_START.match(lines[start]):
        start -= 1
    found = _FLOW_TYPE_IMPORT.match(b"\n".join(lines[start:line]))
    return found is not None and found.group(1) == specifier.encode()


def _side_effect_import(fs: FileSystem, file: str, line: int, specifier: str) -> bool:
    """``import 'x'`` on ``line``: an import with no names, which TypeScript always keeps."""
    lines = _source_lines(fs, file, line)
    if lines is None:
        return False
    pattern = rb"""(?:^|[;\s])import\s*['"]""" + re.escape(specifier.encode()) + rb"""['"]"""
    return re.search(pattern, lines[line - 1]) is not None


_INSTALL_COMMAND = r"\b(?:npm\s+(?:install|i|add)|pnpm\s+(?:add|install|i)|yarn\s+add|bun\s+add)\b[^&;|]*?\s"


def _listed_for_its_runner(fs: FileSystem, file: str, name: str) -> bool:
    """Whether ``file`` lists ``name@version`` in ``module.exports.dependencies``: jquery-release
    installs that list before it runs the file (jquery-ui's build/release.js requires shelljs and
    download.jqueryui.com, which the project does not declare)."""
    try:
        text = fs.read_bytes(file)
    except FileSystemError:
        return False
    at = text.find(b"module.exports.dependencies")
    if at == -1:
        return False
    listed = re.compile(rb"""['"]""" + re.escape(name.encode()) + rb"""@[^'"\s]+['"]""")
    return listed.search(text, at) is not None


def _installed_by_script(owner: Instance, file: str, name: str) -> str | None:
    """The package.json script that runs ``file`` after installing ``name`` itself (rollup's
    ``"test:leak": "npm install --no-save weak-napi && node --expose-gc test/leak/index.js"``)."""
    if not file.startswith(owner.path + "/"):
        return None
    inside = file[len(owner.path) + 1 :]
    installs = re.compile(_INSTALL_COMMAND + re.escape(name) + r"(?:@[^\s&;|]*)?(?=[\s&;|]|$)")
    for script, command in scripts_of(owner.manifest.raw).items():
        if inside in command and installs.search(command):
            return script
    return None


_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder} and its shims in node_modules/.bin put"
    " that folder on NODE_PATH, so a tool started from them finds it when it loads this file with require or"
    " jest's resolver; node started by hand does not"
)
_TEST_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, and the script `{script}` runs this test"
    " with {runner} through its shim in node_modules/.bin, which puts that folder on NODE_PATH; {how}, so the"
    " test finds it there only; {runner} started another way does not"
)
_TEST_RUNNER_HOW = {
    "jest": "jest's resolver reads NODE_PATH",
    "vitest": "the `require` vitest gives a test is node's (createRequire), which reads NODE_PATH",
}
_TEST_RUNNER_COMMAND = {
    "jest": re.compile(r"(?<![\w@/.-])jest(?![\w.-])"),
    "vitest": re.compile(r"(?<![\w@/.-])vitest(?![\w.-])"),
}
_TEST_RUNNER_PACKAGES = {"jest": ("jest", "jest-cli"), "vitest": ("vitest",)}


# a Makefile recipe line that starts a runner through the package manager or the shim itself
# (nivo's `pkg-test-%:` recipe, `pnpm jest -c ./packages/jest.config.js ...`); a bare `jest` in a
# recipe is whatever make finds on PATH, which has no node_modules/.bin
_MAKE_RUNNER_PREFIX = r"(?:(?<![\w@/.-])(?:pnpm|pnpx|npx|yarn)(?:\s+(?:exec|run))?\s+|node_modules/\.bin/)"
_MAKE_RUNNER_COMMAND = {
    runner: re.compile(_MAKE_RUNNER_PREFIX + runner + r"(?![\w.-])") for runner in ("jest", "vitest")
}
_MAKE_TARGET = re.compile(r"^([^\s:#=][^:=]*?)\s*:(?!=)")


def _make_recipes(fs: FileSystem, folder: str) -> Iterator[tuple[str, str]]:
    """(target, recipe line) of each recipe line of ``folder``'s Makefile."""
    try:
        text = fs.read_bytes(f"{folder}/Makefile").decode("utf-8", "replace")
    except FileSystemError:
        return
    target = ""
    for line in text.splitlines():
        if line.startswith("\t"):
            if target:
                yield target, line
        elif (match := _MAKE_TARGET.match(line)) is not None:
            target = match.group(1).split()[0]


def _make_runs(fs: FileSystem, folders: Collection[str], runner: str) -> str | None:
    """``make <target>`` for the first Makefile recipe in ``folders`` that starts ``runner`` through
    its shim in node_modules/.bin."""
    for folder in folders:
        for target, line in _make_recipes(fs, folder):
            if _MAKE_RUNNER_COMMAND[runner].search(line):
                return f"make {target}"
    return None


def _test_runner_of(
    graph: DependencyGraph, owner: Instance, file: str, kind: ImportKind, fs: FileSystem | None = None
) -> tuple[str, str] | None:
    """(the runner, the script of ``owner`` or of the project that starts it) when ``file`` is a
    test file (by its name, or below a `__tests__` folder) of ``owner`` that the runner resolves
    ``kind`` in with NODE_PATH, and ``owner`` or the project declares the runner, whose shim a pnpm
    install writes to node_modules/.bin; None otherwise. jest-resolve (26 to 30) adds the folders of
    NODE_PATH to every lookup, for `import` and `require` alike (posthog-js's packages/browser:
    `"test:functional": "jest functional_tests"` runs functional_tests/identify.test.ts, which imports
    regenerator-runtime, undeclared); vitest resolves an `import` with vite's resolver, which does not
    read NODE_PATH, and gives a test node's `require` (vanilla-extract's
    `require.resolve('@fixtures/sprinkles')`, a workspace pnpm hoists to node_modules/.pnpm/node_modules).
    Besides package.json scripts, a Makefile recipe that starts the runner with ``pnpm jest`` (or
    npx, yarn, node_modules/.bin/jest) goes through the same shim (nivo's ``pkg-test-%`` target)."""
    if not file.startswith(owner.path + "/"):
        return None
    inner = file[len(owner.path) + 1 :]
    if TEST_FILE.search(posixpath.basename(file)) is None and "__tests__" not in inner.split("/")[:-1]:
        return None
    project = next((item for item in graph.instances if item.is_project), None)
    declared = {item.name for item in owner.manifest.declared(include_dev=True)}
    if project is not None:
        declared |= {item.name for item in project.manifest.declared(include_dev=True)}
    for runner, command in _TEST_RUNNER_COMMAND.items():
        if runner == "vitest" and kind not in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE):
            continue
        if not declared & set(_TEST_RUNNER_PACKAGES[runner]):
            continue
        # the package's own scripts, else the project's (a root `vitest` or `jest` runs every package's tests)
        for source in (owner, project):
            if source is None:
                continue
            for script, text in scripts_of(source.manifest.raw).items():
                if command.search(text):
                    return runner, script
        # a Makefile of the package or the project that starts the runner through pnpm or its shim
        if fs is not None and (target := _make_runs(fs, _folders_of(owner, project), runner)) is not None:
            return runner, target
    return None


def _folders_of(owner: Instance, project: Instance | None) -> list[str]:
    return [owner.path] if project is None or project.path == owner.path else [owner.path, project.path]


_STORYBOOK_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, its shims in node_modules/.bin put"
    " that folder on NODE_PATH, and Storybook's webpack builder adds NODE_PATH to resolve.modules, so"
    " `storybook` started from them bundles it; another bundler or node started by hand does not find it"
)
# A story Storybook's webpack builder bundles: Button.stories.tsx, Card.story.jsx.
_STORY_FILE = re.compile(r"\.(?:stories|story)\.[cm]?[jt]sx?$")
_STORYBOOK_MAINS = ("main.js", "main.ts", "main.cjs", "main.mjs", "main.cts", "main.mts")
# frameworks and builders of Storybook that bundle with webpack 5 (@storybook/nextjs,
# @storybook/react-webpack5, @storybook/angular, @storybook/builder-webpack5, ...)
_STORYBOOK_WEBPACK = re.compile(rb"@storybook/(?:nextjs\b|angular\b|ember\b|[\w-]+-webpack5\b|builder-webpack5\b)")


def _story_storybook_webpack_bundles(fs: FileSystem, owner: Instance, file: str) -> bool:
    """A story file of a package whose ``.storybook/main`` picks a webpack-based framework or
    builder (next-forge's apps/storybook, ``framework: '@storybook/nextjs'``). Storybook's webpack
    config sets ``resolve.modules: ['node_modules'].concat(NODE_PATH)``; its vite builder does not."""
    if _STORY_FILE.search(file) is None or not file.startswith(owner.path + "/"):
        return False
    for name in _STORYBOOK_MAINS:
        try:
            text = fs.read_bytes(f"{owner.path}/.storybook/{name}")
        except FileSystemError:
            continue
        return _STORYBOOK_WEBPACK.search(text) is not None
    return False


_SHIM_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, and the scripts run this file with"
    " node through `{runner}`, whose shim in node_modules/.bin puts that folder on NODE_PATH for the node it"
    " starts; node started by hand does not find it"
)
_BIN_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, and the scripts of `{dependent}` run"
    " this package's `{runner}` through its shim in node_modules/.bin, which puts that folder on NODE_PATH for"
    " the node it starts; node started on `{runner}` by hand does not find it"
)
_LOADER_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, and the scripts load this file with"
    " `{runner}`, whose shim in node_modules/.bin puts that folder on NODE_PATH for the runner, which compiles"
    " the file to CommonJS; node, or the runner started without that shim, does not find it"
)
# imports the runner's CommonJS compile turns into ``require`` calls
_LOADER_REQUIRED = frozenset({ImportKind.IMPORT, ImportKind.EXPORT_FROM, ImportKind.REQUIRE})
# the import kinds a bundled vite config leaves external for node to resolve
_VITE_BUNDLED = (ImportKind.IMPORT, ImportKind.EXPORT_FROM, ImportKind.DYNAMIC_IMPORT, ImportKind.REQUIRE)
_NEXT_NODE_PATH_WHY = (
    "; it resolves only through NODE_PATH: pnpm hoists it to {folder}, its shims in node_modules/.bin put"
    " that folder on NODE_PATH, and Next.js's webpack build adds NODE_PATH to resolve.modules, so `next`"
    " started from them bundles it; Turbopack, another bundler or node started by hand does not find it"
)
_TURBOPACK_FLAG = re.compile(r"\bnext\s+(?:build|dev)\b[^&|;]*--turbo(?:pack)?\b")


def _next_webpack_bundles(
    graph: DependencyGraph, owner: Instance, file: str, bundled: NextBundled | None, stop_at: frozenset[str]
) -> bool:
    """A file of a package that runs Next.js 15 or older that its build compiles: below ``pages/``,
    ``app/`` or ``src/``, or imported from there (graphql-codegen's website: `import {
    buildDynamicMDX } from 'nextra/remote'`, nextra brought by @theguild/components;
    tailwind-nextjs-starter-blog's lib/remark-toc-headings.js, which its pages reach through
    `@/lib/mdx`). Next.js's webpack config sets ``resolve.modules: ['node_modules', ...NODE_PATH]``
    (next 15.5.18's dist/build/webpack-config.js); from 16 `next build` uses Turbopack, as does a
    script that passes ``--turbopack``."""
    if _TOOL_CONFIG.search(file):
        return False
    edge = next((edge for edge in graph.edges_from(owner) if edge.name == "next"), None)
    if edge is None or edge.target is None:
        return False
    major = edge.target.version.split(".", 1)[0]
    if not major.isdigit() or int(major) >= 16:
        return False
    if any(_TURBOPACK_FLAG.search(command) for command in scripts_of(owner.manifest.raw).values()):
        return False
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    if inside.split("/", 1)[0] in NEXT_SOURCE_FOLDERS:
        return True
    return bool(inside) and bundled is not None and bundled.holds(owner, file, stop_at=stop_at - {owner.path})


# A config a tool loads by its name: webpack.config.js, jest.config.ts, .eslintrc.js, jest.preset.js.
_TOOL_CONFIG = re.compile(r"(?:^|/)(?:[\w.-]+\.config|\.[\w-]+rc|jest[.-]preset)\.[cm]?[jt]s$")
# TypeScript configs their tools load through jiti, which compiles them to CommonJS whatever the
# package's "type" (Nuxt's, UnoCSS's, Tailwind's).
_JITI_CONFIG = re.compile(r"(?:^|/)(?:nuxt|app|unocss|uno|tailwind)\.config\.[cm]?ts$")


def _loaded_like_a_config(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """A file its tool loads with ``require`` from a process a pnpm shim started: a tool's config, a
    file a jest config names, or a module of the package that such a config requires by a relative
    path (vue-enterprise-boilerplate's aliases.config.js and tests/mock-api, which vue.config.js and
    jest.config.js require)."""
    return (
        _required_config(owner, file)
        or named_by_jest_config(fs, graph, owner, file)
        or _required_by_config(fs, owner, file)
    )


_RELATIVE_REQUIRE = re.compile(rb"""\brequire\(\s*['"](\.{1,2}/[^'"\n]+)['"]\s*\)""")
_MODULE_SUFFIXES = ("", ".js", ".cjs", ".json", "/index.js", "/index.cjs")


def _required_by_config(fs: FileSystem, owner: Instance, file: str) -> bool:
    """Does a tool config at the top of ``owner`` that its tool loads with ``require`` require
    ``file`` by a relative path (CommonJS: the file is then loaded with ``require`` too)?"""
    if not file.startswith(owner.path + "/") or not file.endswith((".js", ".cjs")) or _required_config(owner, file):
        return False
    try:
        names = fs.listdir(owner.path)
    except FileSystemError:
        return False
    for name in names:
        config = f"{owner.path}/{name}"
        if not _required_config(owner, config):
            continue
        try:
            text = fs.read_bytes(config)
        except FileSystemError:
            continue
        for match in _RELATIVE_REQUIRE.finditer(text):
            base = posixpath.normpath(posixpath.join(owner.path, match.group(1).decode("utf-8", "replace")))
            if any(base + suffix == file for suffix in _MODULE_SUFFIXES):
                return True
    return False


def _es_module_file(owner: Instance, file: str) -> bool:
    """Is ``file`` an ES module (``.mjs``/``.mts``, or another script of a ``"type": "module"``
    package), where ``exports`` and ``module`` are undefined?"""
    if file.endswith((".mjs", ".mts")):
        return True
    if file.endswith((".cjs", ".cts")):
        return False
    raw = owner.manifest.raw
    return isinstance(raw, dict) and raw.get("type") == "module"


def _required_config(owner: Instance, file: str) -> bool:
    """A tool's config that its tool loads with ``require`` (CommonJS, which reads NODE_PATH): a
    ``.cjs``/``.cts`` file, a ``.js``/``.ts`` one of a package that is not ``"type": "module"``, or a
    TypeScript config loaded through jiti. An ES module (``.mjs``, ``"type": "module"``) is imported,
    and ``import`` ignores NODE_PATH."""
    if not _TOOL_CONFIG.search(file):
        return False
    if _JITI_CONFIG.search(file) or file.endswith((".cjs", ".cts")):
        return True
    if file.endswith((".mjs", ".mts")):
        return False
    raw = owner.manifest.raw
    return not (isinstance(raw, dict) and raw.get("type") == "module")


_MOCK_CALL = re.compile(rb"\b(?:vi|jest)\s*\.\s*(?:mock|doMock|unstable_mockModule)\s*\(\s*(['\"`])(.*?)\1")


def _mocked_in(fs: FileSystem, file: str, specifier: str) -> bool:
    """Does the importing file mock ``specifier`` itself (``vi.mock('vscode-factory', () => ...)``,
    ``jest.mock('x', factory, {virtual: true})``)? The test runner then answers the import with
    the mock, a ``__mocks__`` file or a factory, whether or not the package exists (vitest's own
    mocking tests import modules nobody installs)."""
    try:
        text = fs.read_bytes(file)
    except FileSystemError:
        return False
    wanted = specifier.encode()
    return any(found.group(2) == wanted for found in _MOCK_CALL.finditer(text))


def _runtime_module(owner: Instance, name: str, extensions: Collection[str]) -> bool:
    """A module the runtime that loads the file provides, not node nor a package: grafana k6's
    ``k6`` and ``k6/*`` (the k6 binary runs its test scripts: vendure's load tests), CloudFront
    Functions' ``cloudfront`` (JavaScript runtime 2.0's key value store helper, ``import cf from
    'cloudfront'``: a function's code, which CloudFront runs), and ``vscode`` in a VS Code extension
    (``engines.vscode``) or a package inside one (a workspace the extension at the monorepo root
    bundles), which the editor's extension host provides."""
    if name in ("k6", "cloudfront"):
        return True
    return name == "vscode" and any(owner.path == path or owner.path.startswith(path + "/") for path in extensions)


def _vscode_extensions(graph: DependencyGraph) -> list[str]:
    """The folders of the project's VS Code extensions: packages whose manifest names ``engines.vscode``."""
    found = []
    for owner in graph.roots:
        raw = owner.manifest.raw
        engines = raw.get("engines") if isinstance(raw, dict) else None
        if isinstance(engines, dict) and "vscode" in engines:
            found.append(owner.path)
    return found


def _quoted_in(fs: FileSystem, paths: list[str], name: str) -> bool:
    """Does one of these config files quote ``name`` (a plugin's virtual module id, as in
    ``const VIRTUAL_MODULE_ID = 'absolute-importer'``)?"""
    quoted = [f"{quote}{name}{quote}".encode() for quote in "'\"`"]
    for path in set(paths):
        try:
            text = fs.read_bytes(path)
        except FileSystemError:
            continue
        if any(item in text for item in quoted):
            return True
    return False


_EXAMPLE_FILE = re.compile(r"\.example\.[cm]?[jt]sx?$")


def _copied_or_shown(owner: Instance, file: str) -> bool:
    """Code that is copied into other projects or shown in docs rather than run here, inside the
    package that owns it: a file below a ``templates`` folder (a scaffold, a recipe's files:
    hydrogen's cookbook), below a ``template-<variant>`` folder of a package with executables (a
    ``create-*`` generator's scaffolds), a ``*.example.tsx`` snippet, or a file in the package's ``docs`` folder
    (hydrogen's docs/shopify-dev snippets; a docs site with its own manifest is an owner of its
    own and judged as one). Only folders inside the package count, not those it is checked out in."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    folders = inside.split("/")[:-1]
    return (
        bool(TEMPLATE_FOLDERS.intersection(folders))
        or (any(folder.startswith(_VARIANT_TEMPLATE) for folder in folders) and _is_cli(owner))
        or inside.startswith(("docs/", "doc/"))
        or _EXAMPLE_FILE.search(file) is not None
        or (inside.startswith("assets/") and _is_cli(owner))
    )


# a generator's templates, one folder per variant (create-vite's template-react, create-rspress's
# template-i18n and its scripts/template-theme overlay): what the command copies into a new project
_VARIANT_TEMPLATE = ("template-", "template_")


def _is_cli(owner: Instance) -> bool:
    """A package with executables (``bin``): the files of its top ``assets/`` folder are what the
    command writes into the user's project (declarative-routing's assets/nextjs/makeRoute.tsx)."""
    raw = owner.manifest.raw
    return isinstance(raw, dict) and bool(raw.get("bin"))


def _in_agent_skill(fs: FileSystem, owner: Instance, file: str) -> bool:
    """A file of an agent skill: a folder holding ``SKILL.md`` (the Agent Skills format), whose
    examples and scripts are shown to a coding agent or run by it in the user's project (TanStack
    start's skills/react-start/server-components/examples/*.tsx); the package itself never loads them."""
    folder = posixpath.dirname(file)
    while folder.startswith(owner.path + "/"):
        stat = fs.stat(f"{folder}/SKILL.md")
        if stat is not None and stat.kind is Kind.FILE:
            return True
        folder = posixpath.dirname(folder)
    return False


def _served_as_is(owner: Instance, file: str) -> bool:
    """A file below the package's own ``public/`` or ``static/`` folder: vite, Next.js, rspress,
    SvelteKit and Docusaurus copy it into the site unchanged (react-native-paper's docs keep the
    sources of old versions' bundles there); whether a browser ever loads it cannot be told."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    return inside.startswith(("public/", "static/"))


# An example folder by its usual names: examples/, and a docs repository's code-samples/ (the
# discord.js guide's snippets, which its pages link to and readers copy into their own bot).
_EXAMPLE_FOLDERS = frozenset(("examples", "example", "code-samples", "code-examples"))
# (vendor/, vendored/: libraries copied in as they are, VEuPathDB's wdk-client/vendored/datatables.js)
_THIRD_PARTY_FOLDERS = frozenset(("third-party", "third_party", "thirdparty", "vendor", "vendored"))
# Code set aside by its folder's name (Devographics' results/not_used/: charts no page imports any more).
_UNUSED_FOLDERS = frozenset(("not_used", "not-used", "notused", "unused", "_unused"))


def _kept_for_elsewhere(owner: Instance, file: str, folders: frozenset[str]) -> bool:
    """Code below one of the package's ``folders`` that is not a tool's config: an example
    (react-hook-form's examples/V7/*.tsx, the snippets its README links to) or a third-party copy
    (lighthouse's third-party/devtools-tests, rolled into Chromium's DevTools and run there). Asked
    only for a package in neither the tree nor the lockfile: nothing here installs what it
    imports, so it is run elsewhere or shown; an example's webpack.config.js is run by its tool."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    return bool(folders.intersection(inside.split("/")[:-1])) and not _TOOL_CONFIG.search(file)


# Module ids a bundler plugin serves itself, by the package that brings the plugin.
_VIRTUAL_MODULES = {"uno.css": "unocss", "windi.css": "vite-plugin-windicss", "virtual:uno.css": "unocss"}
# Namespaces a plugin serves every module of: Embroider's resolver (@embroider/core's
# module-resolver) answers ``@embroider/virtual/compat-modules``, ``.../vendor.js`` and the like.
_VIRTUAL_PREFIXES = {"@embroider/virtual/": "@embroider/core"}


def _plugin_virtual_module(graph: DependencyGraph, specifier: str) -> str | None:
    """The plugin package serving ``specifier`` (UnoCSS's ``uno.css``), when it is in the tree."""
    plugin = _VIRTUAL_MODULES.get(specifier) or next(
        (plugin for prefix, plugin in _VIRTUAL_PREFIXES.items() if specifier.startswith(prefix)), None
    )
    return plugin if plugin is not None and graph.instances_of(plugin) else None


_EMBER_FIX = (
    "nothing to install: the Ember build (ember-cli, Embroider) maps it to the ember-source the app"
    " installs; code that node loads without that build must not import it"
)


def _ember_source_module(fs: FileSystem, graph: DependencyGraph, owner: Instance, name: str) -> str | None:
    """The folder of ember-source's module ``name`` when ``owner`` is an Ember package (an addon, or
    an app or addon declaring ember-source or ember-cli) and the ember-source it resolves ships it
    (``dist/packages/@ember/debug``, ``.../@glimmer/tracking``): Ember's modules (RFC 176's
    ``@ember/*``, ``@glimmer/tracking``, ``rsvp``) are not packages on their own; ember-cli and
    Embroider (@embroider/shared-internals' emberVirtualPackages, from ember-rfc176-data 0.3.18's
    mappings, and emberVirtualPeerDeps) map them to ember-source, which an addon's host app
    promises to install (ember-source 6.4 ships ``dist/packages/rsvp``)."""
    if not (name.startswith(("@ember/", "@glimmer/")) or name in ("ember", "ember-testing", "rsvp")):
        return None
    raw = owner.manifest.raw if isinstance(owner.manifest.raw, dict) else {}
    keywords = raw.get("keywords")
    declared = {item for field in _DEPENDENCY_FIELDS if isinstance(raw.get(field), dict) for item in raw[field]}
    if not (
        "ember-addon" in raw
        or (isinstance(keywords, list) and "ember-addon" in keywords)
        or not declared.isdisjoint(("ember-source", "ember-cli"))
    ):
        return None
    for folder in node_modules_paths(owner.path):
        module = f"{folder}/ember-source/dist/packages/{name}"
        stat = fs.stat(module)
        if stat is not None and stat.kind is Kind.DIR:
            return module
    # from the lockfile alone: the ember-source it resolves, whose files are not there to read
    locked = lockfile_ember_source(fs, graph, owner, name)
    return f"{locked.path}/dist/packages/{name}" if locked is not None else None


_DEPENDENCY_FIELDS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
_BABELRC = re.compile(r"(?:^|/)\.babelrc(?:\.(?:js|cjs|mjs|cts|mts|ts))?$")
_BABEL_ROOT_CONFIGS = tuple(f"babel.config.{ext}" for ext in ("js", "cjs", "mjs", "json", "cts", "mts", "ts"))


def _babelrc_outside_roots(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """A file-relative Babel config (``.babelrc.js``) of a workspace package: Babel looks for one only
    in the package of the file it compiles, and only when that package is among ``babelrcRoots``,
    by default the root package alone (Babel's config docs, "File-relative configuration"); a
    package installed under node_modules is never one. Whether some build sets babelrcRoots
    elsewhere (a CLI flag, a loader option) cannot be told; a root config that names it is left to
    the usual judgment (facebook/metro's packages/metro-runtime/src/polyfills/.babelrc.js, whose
    plugins nothing installs, under a root babel.config.js with ``babelrc: false``)."""
    if _BABELRC.search(file) is None or owner.is_project or owner.path == graph.project:
        return False
    for name in _BABEL_ROOT_CONFIGS:
        try:
            if b"babelrcRoots" in fs.read_bytes(f"{graph.project}/{name}"):
                return False
        except FileSystemError:
            continue
    return True


_FIXTURE_FOLDERS = frozenset(("__fixtures__", "__testfixtures__", "fixtures", "fixture", "test-fixtures"))
# A suite's folder of cases: svelte's and rollup's samples/, webpack's cases/ and configCases/,
# statsCases/, watchCases/, hotCases/.
_SUITE_CASES = re.compile(r"^(?:samples|cases|[a-z]+Cases)$")
_CODEMOD_CASE = re.compile(r"\.(input|output)\.[cm]?[jt]sx?$")


READ_AS_DATA = " (cannot be decided: a test fixture, which tests read as data)"
KEPT_IN_SOURCE = (
    " (not hoisting: the package sits in a node_modules folder the source tree keeps, which no install places"
    " or removes)"
)


def _kept_in_source(graph: DependencyGraph, owner: Instance, folder: str) -> bool:
    """A package folder below the owner in a node_modules that no package manager manages (a test's
    fixture modules committed under test/node/node_modules, as opentelemetry-js keeps them): node
    finds it there by the project's own layout, whatever the install does."""
    rest = folder[len(owner.path) :] if folder.startswith(owner.path + "/") else ""
    index = rest.find("/node_modules/")
    if index <= 0:
        return False  # the owner's own node_modules (or outside the owner): the install's
    managed = {f"{root.path}/node_modules" for root in graph.roots} | {f"{graph.project}/node_modules"}
    return f"{owner.path}{rest[:index]}/node_modules" not in managed


def read_as_data(
    fs: FileSystem,
    owner: Instance,
    file: str,
    line: int,
    project: str,
    memo: dict[tuple[str, str, str], list[str]] | None = None,
) -> bool:
    """Whether ``file`` is a test case that tests read as text (a fixture, a suite's sample, a
    transform's input/output pair, a file a snapshot quotes, a file a test reads by name) rather
    than load: its imports are never resolved, whatever the layout (jscodeshift's ``defineTest``
    reads ``__testfixtures__/x.input.js`` and ``x.output.js`` with ``fs.readFileSync``). Only the
    folders inside ``project`` (the project's root) tell: a project checked where it sits, in a
    folder named ``fixture`` (a library's example app checked on its own), is no test's data.
    ``memo``: what ``read_by_tests`` keeps between the files of one run."""
    root = project.rstrip("/") + "/"
    inside = file[len(root) :] if file.startswith(root) else file
    return (
        _fixture(inside)
        or _suite_sample(owner, file)
        or _case_pair(owner, fs, file)
        or _expected_pair(owner, fs, file)
        or _snapshotted_input(fs, file, line)
        or read_by_tests(owner, fs, file, memo)
    )


def _fixture(file: str) -> bool:
    """A test fixture (``__fixtures__/``, ``fixtures/``, a ``samples/`` folder below a test folder:
    svelte's tests/compiler-errors/samples, compiled expecting an error) or a codemod's before/after
    case (``basic.input.ts``): tests read it as data, or run it expecting it to fail; whether node
    ever loads it cannot be told from the files."""
    folders = file.split("/")[:-1]
    if any(folder in _FIXTURE_FOLDERS for folder in folders) or _CODEMOD_CASE.search(file) is not None:
        return True
    return "samples" in folders and not TEST_FOLDERS.isdisjoint(folders[: folders.index("samples")])


_RAW_QUERY = re.compile(r"\?(raw|raw&.*)$")


class _RawTexts:
    """Files the project's own code imports as text: through webpack's ``raw-loader``
    (``require('!raw-loader?esModule=false!./sandbox/client.js')``, react.dev's Sandpack sandbox
    files) or vite's ``?raw``. Their imports are resolved by whatever runs that text (an in-browser
    bundler), never here. The project's imports are gathered once, on the first question."""

    def __init__(self, context: CheckContext, graph: DependencyGraph) -> None:
        self._context = context
        self._graph = graph
        self._files: set[str] | None = None

    def holds(self, file: str) -> bool:
        if self._files is None:
            self._files = set(self._gather())
        return file in self._files

    def _gather(self) -> Iterator[str]:
        fs, sources = self._context.fs, self._context.sources
        if fs is None or sources is None:
            return
        owners = _owners(self._graph)
        roots = frozenset(owner.path for owner in owners)
        for owner in owners:
            for file in sources.files(owner.path, stop_at=roots - {owner.path}, nested=[]):
                try:
                    source = fs.read_bytes(file)
                    if b"raw" not in source or _generated(source):
                        continue
                    sites = sources.imports(file)
                except FileSystemError:
                    continue
                for site in sites:
                    resource = _raw_resource(site.specifier)
                    if resource is not None and resource.startswith(("./", "../")):
                        yield posixpath.normpath(posixpath.join(posixpath.dirname(file), resource))


def _raw_resource(specifier: str) -> str | None:
    """The file an import takes as text (``raw-loader!./x.js``, ``./x.js?raw``), else None."""
    if "!" in specifier:
        split = split_request(specifier)
        if any(package_of(loader) == "raw-loader" for loader in split.loaders):
            return split.resource.partition("?")[0]
        return None
    found = _RAW_QUERY.search(specifier)
    return specifier[: found.start()] if found is not None else None


def _suite_sample(owner: Instance, file: str) -> bool:
    """A case below a test suite's ``samples/`` or ``cases/`` folder, inside the package (svelte's
    tests/compiler-errors/samples/*/main.svelte.js, webpack's test/configCases/**): the suite's
    harness reads, compiles or runs each case with the case's own config, expecting what it says
    (a compile error, an alias of its webpack.config.js)."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    folders = inside.split("/")[:-1]
    tests = next((index for index, folder in enumerate(folders) if folder in TEST_FOLDERS), None)
    return tests is not None and any(_SUITE_CASES.match(folder) for folder in folders[tests + 1 :])


_CASE_FILE = re.compile(r"(?:^|/)(input|output|expected)\.[^/]+$")


def _case_pair(owner: Instance, fs: FileSystem, file: str) -> bool:
    """``input.js`` beside ``expected.js`` or ``output.js`` below a test folder of the package
    (onlook's ``test/data/<case>/``): a transform's test case, whose files the test reads as text and
    compares; node never loads them. A lone ``input.tsx``, or an ``input.tsx`` and ``output.tsx``
    pair of UI components outside the tests, is code that runs."""
    if _CASE_FILE.search(file) is None:
        return False
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    if TEST_FOLDERS.isdisjoint(inside.split("/")[:-1]):
        return False
    try:
        names = fs.listdir(file.rpartition("/")[0])
    except FileSystemError:
        return False
    kinds = {name.partition(".")[0] for name in names if "." in name}
    return "input" in kinds and not kinds.isdisjoint(("output", "expected"))


_EXPECTED_INFIX = re.compile(r"^(.+)\.(snapshot|expected|output)(\.[^./]+)$")


def _expected_pair(owner: Instance, fs: FileSystem, file: str) -> bool:
    """``vite.config.ts`` beside ``vite.config.snapshot.ts`` (or ``.expected.``, ``.output.``)
    below a test folder of the package, and that expected file itself: a migration's or a
    transform's test case (sveltejs/cli's migrations/*/tests/<task>/), whose test runs the code
    under test over the input files and compares the result with the expected one as text; node
    never loads either."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    if TEST_FOLDERS.isdisjoint(inside.split("/")[:-1]):
        return False
    folder, _, base = file.rpartition("/")
    if (expected := _EXPECTED_INFIX.match(base)) is not None:
        partners = [expected.group(1) + expected.group(3)]
    else:
        stem, dot, extension = base.rpartition(".")
        if not dot or not stem:
            return False
        partners = [f"{stem}.{infix}.{extension}" for infix in ("snapshot", "expected", "output")]
    for partner in partners:
        stat = fs.stat(f"{folder}/{partner}")
        if stat is not None and stat.kind is Kind.FILE:
            return True
    return False


def _snapshotted_input(fs: FileSystem, file: str, line: int) -> bool:
    """A file whose text a jest snapshot beside it holds: a snapshot in its folder's
    ``__snapshots__`` is named after the file and quotes the importing line (prettier's
    ``tests/format/**``: the test formats each file of its folder and snapshots input and output).
    The test reads the file as text; node never loads it. A component's render snapshot quotes no
    import line of the component."""
    folder, _, base = file.rpartition("/")
    try:
        snapshots = [name for name in fs.listdir(f"{folder}/__snapshots__") if name.endswith(".snap")]
    except FileSystemError:
        return False
    lines = _source_lines(fs, file, line) if snapshots else None
    if lines is None or not lines[line - 1].strip():
        return False
    # jest writes each snapshot in a template literal: \, ` and ${ are escaped
    quoted = lines[line - 1].strip().replace(b"\\", b"\\\\").replace(b"`", b"\\`").replace(b"${", b"\\${")
    key = b"exports[`" + base.encode() + b" "
    for name in snapshots:
        try:
            text = fs.read_bytes(f"{folder}/__snapshots__/{name}")
        except FileSystemError:
            continue
        if key in text and quoted in text:
            return True
    return False


def _unmodelled_project(fs: FileSystem, graph: DependencyGraph, owner: Instance) -> str | None:
    """Why the install of ``owner`` is unknown, when it is a project of its own inside this one (an
    example or a template that is neither a workspace nor a dependency): it is installed apart, from
    its own lockfile or from none, so what its dependencies bring is not in this run's tree."""
    if any(root.path == owner.path for root in graph.roots):
        return None
    if any(instance.path == owner.path for instance in graph.instances_of(owner.name)):
        return None
    where = relative(graph, owner.path)
    for lockfile in PROJECT_LOCKFILES:
        if fs.stat(f"{owner.path}/{lockfile}") is not None:
            return f"{where} is a project of its own, installed from {where}/{lockfile}, which this run does not read"
    named = isinstance(owner.manifest.raw, dict) and isinstance(owner.manifest.raw.get("name"), str)
    if named and graph.instances_of(owner.name):
        return None  # a package of the tree (a ``file:`` dependency copied elsewhere): the lockfile governs it
    return f"{where} is a project of its own that no lockfile here describes: what its dependencies bring is unknown"


class _Mentions:
    """Whether a package's other code names a module id outside its import statements (a key of a
    replace map, a virtual module's id, a ``jest.mock`` name): a placeholder the package swaps at
    build time rather than a package node looks up. Each package's text is read once."""

    def __init__(self, context: CheckContext, graph: DependencyGraph) -> None:
        self._context = context
        self._roots = frozenset(owner.path for owner in _owners(graph))
        self._texts: dict[str, list[tuple[str, bytes]]] = {}
        # what each question found in all of a package's files (each unresolvable import asks it
        # again: thousands in a large project): owner, specifier or scope -> the files that name it
        self._naming: dict[tuple[str, bytes, bool], frozenset[str]] = {}
        self._bundler_texts: dict[str, list[tuple[str, bytes]]] = {}

    def _texts_of(self, owner: Instance) -> list[tuple[str, bytes]]:
        texts = self._texts.get(owner.path)
        if texts is None:
            texts = self._texts[owner.path] = list(self._read(owner.path))
        return texts

    def named(self, owner: Instance, specifier: str, importer: str) -> str | None:
        """What the other code names: ``specifier`` itself, or its scope alone; None if neither."""
        literal = specifier.encode()
        if any(path != importer for path in self._naming_files(owner, literal, scope=False)):
            return specifier
        # A scope alone in quotes (``.alias.set('@internal', ...)``, ``alias: {'@transform': ...}``)
        # names no package (a package name has a scope and a name): an alias key, which a bundler
        # matches as a prefix of ``@internal/routes`` (vuepress's core sets them for its client code).
        scope = literal.split(b"/", 1)[0] if literal.startswith(b"@") and b"/" in literal else None
        if scope is None or len(scope) < 2:
            return None
        found = any(path != importer for path in self._naming_files(owner, scope, scope=True))
        return scope.decode("utf-8", "replace") if found else None

    def _naming_files(self, owner: Instance, literal: bytes, *, scope: bool) -> frozenset[str]:
        """The files of ``owner`` that name ``literal`` outside an import of it (``scope``: that
        quote a scope alone)."""
        key = (owner.path, literal, scope)
        found = self._naming.get(key)
        if found is not None:
            return found
        escaped = re.escape(literal)
        texts = self._texts_of(owner)
        if scope:
            quoted = re.compile(rb"['\"`]" + escaped + rb"['\"`]")
            found = frozenset(path for path, text in texts if literal in text and quoted.search(text))
        else:
            imported = re.compile(rb"(?:\bfrom|\bimport|\brequire|\bimport\()\s*\(?\s*['\"`]" + escaped + rb"['\"`]")
            named = re.compile(rb"['\"`]" + escaped + rb"['\"`]|(?<![\w$.\-/@])" + escaped + rb"\s*:(?!:)")
            # Both patterns hold the specifier itself: a file without it is passed over unsearched.
            found = frozenset(path for path, text in texts if literal in text and named.search(imported.sub(b"", text)))
        self._naming[key] = found
        return found

    def served(self, owner: Instance, name: str) -> tuple[str, str] | None:
        """What the owner's bundler config makes ``name`` (a module federation remote, a DLL's
        scope) and in which file, read from its code and its storybook config; None if nothing."""
        texts = self._bundler_texts.get(owner.path)
        if texts is None:
            texts = [*self._texts_of(owner), *self._storybook(owner.path)]
            texts = self._bundler_texts[owner.path] = bundler_configs(texts)
        return served_by_bundler(texts, name)

    def _storybook(self, folder: str) -> Iterator[tuple[str, bytes]]:
        """The storybook config (``.storybook/main.*``, a hidden folder the source walk skips)."""
        fs = self._context.fs
        if fs is None:
            return
        try:
            names = fs.listdir(f"{folder}/.storybook")
        except FileSystemError:
            return
        for name in names:
            if name.startswith("main."):
                try:
                    yield f"{folder}/.storybook/{name}", fs.read_bytes(f"{folder}/.storybook/{name}")
                except FileSystemError:
                    continue

    def _read(self, folder: str) -> Iterator[tuple[str, bytes]]:
        fs, sources = self._context.fs, self._context.sources
        if fs is None or sources is None:
            return
        for path in sources.files(folder, stop_at=self._roots - {folder}, nested=[]):
            try:
                text = fs.read_bytes(path)
            except FileSystemError:
                continue
            if not _generated(text):
                yield path, text


def _own_name_mapped(graph: DependencyGraph, config: ResolutionConfig, name: str) -> str | None:
    """The config mapping ``name`` when it is the name of the project or one of its workspaces and
    an alias of the importing file's configs maps the bare name (react-native-paper's example: its
    tsconfig maps `react-native-paper` to ../src, metro's monorepo config the package's folder, and
    `require('react-native-paper/package.json')` is left to metro)."""
    if not any(item.name == name for item in graph.roots):
        return None
    for alias in config.aliases:
        if alias.key == name:
            return f"{relative(graph, alias.config)} ({alias.tool})"
    return None


def _browser_mapped(owner: Instance, name: str) -> bool:
    """The owner's ``browser`` field replaces ``name`` (``"jsdom": false``): bundlers building for
    the browser never look it up; node would."""
    browser = owner.manifest.raw.get("browser") if isinstance(owner.manifest.raw, dict) else None
    return isinstance(browser, dict) and name in browser


_CONFIG_HINT = "an alias (tsconfig `paths`, webpack `resolve.alias`, jest `moduleNameMapper`)"


def _local_folder(fs: FileSystem, graph: DependencyGraph, owner: Instance, request: str) -> str | None:
    """A folder or file of the project named like the request's first segment (``utils`` for
    ``utils/request``), or a package of the repository's lerna.json that the lockfile does not
    install: then an alias or a module folder is the likely reading, not a package of the registry."""
    lerna = _lerna_package(fs, graph, package_of(request))
    if lerna is not None:
        return lerna
    first = request.split("/", 1)[0]
    for base in dict.fromkeys((owner.path, f"{owner.path}/src", graph.project, f"{graph.project}/src")):
        try:
            names = fs.listdir(base)
        except FileSystemError:
            continue
        for entry in names:
            if entry == first or (entry.startswith(first + ".") and language_for(entry) is not None):
                return relative(graph, f"{base}/{entry}")
    return None


def _generated_folder(fs: FileSystem, graph: DependencyGraph, owner: Instance, request: str) -> tuple[str, str] | None:
    """The output folder of a Prisma generator of the owner (or the project) that the request's first
    segment names from the package's folder or its src/ (where tsconfig's baseUrl points), with the
    schema that sets it: ``generated/client`` for ``output = "../generated/client"`` in prisma/."""
    first = request.split("/", 1)[0]
    for package in dict.fromkeys((owner.path, graph.project)):
        for output, schema in prisma_outputs(fs, package):
            for base in (package, f"{package}/src"):
                if output == f"{base}/{first}" or output.startswith(f"{base}/{first}/"):
                    return relative(graph, output), relative(graph, schema)
    return None


def _lerna_package(fs: FileSystem, graph: DependencyGraph, name: str | None) -> str | None:
    """The folder of the package ``name`` among the repository's lerna packages (lerna.json
    ``packages``, ``packages/*`` by default), when the lockfile does not install it: without
    workspaces, lerna links a package only into the packages that declare it, and the repository's
    tools may find it through a module folder (workbox's test bundles: rollup's node-resolve with
    ``moduleDirectories: ['packages', 'node_modules']``)."""
    if name is None or graph.instances_of(name):
        return None
    try:
        config = json.loads(fs.read_bytes(f"{graph.project}/lerna.json"))
    except (FileSystemError, ValueError):
        return None
    patterns = config.get("packages") if isinstance(config, dict) else None
    if not isinstance(patterns, list):
        patterns = ["packages/*"]
    for pattern in patterns:
        if not isinstance(pattern, str):
            continue
        base = pattern.rstrip("/")
        base = base[: -len("/**")] if base.endswith("/**") else base[: -len("/*")] if base.endswith("/*") else None
        folders = [pattern.rstrip("/")] if base is None else []
        if base is not None:
            try:
                folders = [f"{base}/{entry}" for entry in fs.listdir(f"{graph.project}/{base}")]
            except FileSystemError:
                continue
        for folder in folders:
            try:
                manifest = json.loads(fs.read_bytes(f"{graph.project}/{folder}/package.json"))
            except (FileSystemError, ValueError):
                continue
            if isinstance(manifest, dict) and manifest.get("name") == name:
                return folder
    return None


def _add_command(graph: DependencyGraph, owner: Instance) -> str:
    """The command that adds a dependency with the manager that made the layout (`npm install`
    in a pnpm or yarn project would rebuild node_modules by npm's rules). At the root of a
    workspace, pnpm and yarn 1 refuse a plain add: they take `-w` / `-W`."""
    layout = graph.layout
    root = owner.is_project and any(instance.is_workspace for instance in graph.instances)
    if layout.startswith("pnpm"):
        return "pnpm add -w" if root else "pnpm add"
    if layout == "yarn-classic":
        return "yarn add -W" if root else "yarn add"
    for prefix, command in (("yarn", "yarn add"), ("bun", "bun add")):
        if layout.startswith(prefix):
            return command
    return "npm install"


def _types_fix(graph: DependencyGraph, owner: Instance, name: str, types_only: bool) -> str | None:
    """The fix of an import of types only (``import type * as Har from 'har-format'``) whose
    ``@types`` package the tree holds but the importing package does not declare (insomnia's root
    declares @types/har-format, its workspace imports it): TypeScript takes the names from the
    ``@types`` package and drops the import, so removing the import or an alias is no fix."""
    types = _types_package(name)
    if not types_only or not graph.instances_of(types) or graph.instances_of(name):
        return None
    where = relative(graph, owner.path + "/package.json")
    return f"add `{types}` to devDependencies in {where}: TypeScript takes the types of `{name}` from it"


def _unresolvable_fix(
    graph: DependencyGraph,
    owner: Instance,
    request: str,
    name: str,
    config: ResolutionConfig,
    local: str | None,
    resolved: Instance | None = None,
    held: Instance | None = None,
) -> str:
    """``resolved``: the package the import finds today through NODE_PATH, else ``held``: the copy
    the tree holds elsewhere (the one the message names). The command then names its range: a bare
    add takes the registry's newest release, which may not be the one that works (node-fetch 3, ES
    modules only, where a script requires the 1.7.3 or 2.7.0 the lockfile holds)."""
    where = relative(graph, owner.path)
    instances = graph.instances_of(name)
    if instances and all(item.is_project for item in instances):
        # the project's own root package (no workspace links it): the registry's package of that
        # name may be a stranger's code
        return f"`{name}` is this project's own package: map `{request}` with {_CONFIG_HINT}, or remove the import"
    if instances:
        copy = next((item for item in (resolved, held) if item is not None and item.name == name), None)
        spec = _declared_range(graph, copy)
        return f"run `{_add_command(graph, owner)} {name}{'@' + spec if spec else ''}` in {where}"
    tried = sorted(
        {relative(graph, alias.config) for alias in config.aliases}
        | {relative(graph, folder.config) for folder in config.folders}
    )
    read = f"; aliases read from {', '.join(tried)} do not match it" if tried else "; no alias config applies to it"
    if local is not None:
        return (
            f"`{name}` is in neither node_modules nor the lockfile{read}; if `{request}` means {local}, "
            f"map it with {_CONFIG_HINT}, or import it by relative path"
        )
    return (
        f"`{name}` is in neither node_modules nor the lockfile{read}; remove the import, or map it with {_CONFIG_HINT}"
    )
