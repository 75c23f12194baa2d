"""What the app's own code imports, from its entry point on, and what each import resolves to.

The walk starts at the app's entry files (package.json ``main``, else ``index.js``; ``exports`` and
``bin`` targets), parses each file with the real parser, resolves every specifier from that file as
node would, and follows the ones that land in the app's own code (not in ``node_modules``: the
packages' own dependencies are judged by their declared edges). Electron's own modules
(``electron``, ``original-fs``) are provided by the runtime, not by the app, and are skipped.

An import written inside the body of a ``try`` block, or an ``import()`` with a ``.catch``, is marked
``guarded`` (as the source parser marks it, from the one parse of the file): the code copes with its
absence (``try { require('electron-reloader')(module) } catch {}``), so its absence is no finding.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from nmdoctor.archive.pages import page_paths, page_scripts
from nmdoctor.inspect.package_code import entry_files
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative
from nmdoctor.resolve import ImportKind, ResolveOptions, Resolver
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, NodeVersion
from nmdoctor.sources.imports import ImportKind as SiteKind
from nmdoctor.sources.imports import language_for, parse_imports
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath

__all__ = ["ELECTRON_MODULES", "MAX_APP_FILES", "AppImports", "ImportUse", "app_imports", "is_electron_module"]

MAX_APP_FILES = 2000
MAX_FILE_BYTES = 8 * 1024 * 1024  # a bundled main process can be large; more is not hand-written code
# Modules Electron's runtime provides (`require('electron')` never reads node_modules in an app),
# and the packages that ship Electron itself, which packers leave out on purpose.
ELECTRON_MODULES = frozenset(
    {"electron", "original-fs", "electron-prebuilt", "electron-prebuilt-compile", "electron-nightly"}
)


def is_electron_module(specifier: str) -> bool:
    return specifier in ELECTRON_MODULES or specifier.startswith("electron/")


@dataclass(frozen=True, slots=True)
class ImportUse:
    """One import in the app's code. ``file`` and ``resolved`` are relative to the app root
    (``resolved`` is ``node:NAME`` for a builtin); ``target`` is the package the resolved file
    belongs to (None for the app's own files and builtins); ``error`` is node's code when it fails."""

    file: str
    specifier: str
    kind: ImportKind
    line: int
    column: int
    guarded: bool
    resolved: str | None
    target: Instance | None
    error: str | None
    page: str | None = None  # the HTML page whose scripts reach this file (None: the main process)

    @property
    def key(self) -> tuple[str, str, ImportKind]:
        return (self.file, self.specifier, self.kind)


@dataclass(frozen=True, slots=True)
class AppImports:
    entries: tuple[str, ...]  # the entry files found, relative to the app root
    main: str | None  # package.json "main" as written (None when absent)
    uses: tuple[ImportUse, ...]
    unread: tuple[str, ...] = ()  # files of the app's code reached but not read (too large, unreadable)


def _owner_of(path: str, by_path: dict[VPath, Instance], root: VPath) -> Instance | None:
    folder = path
    while folder and folder not in (root, "/"):
        found = by_path.get(folder)
        if found is not None:
            return found
        folder = posixpath.dirname(folder)
    return None


def _in_app_code(path: str, root: VPath) -> bool:
    return path.startswith(root.rstrip("/") + "/") and "/node_modules/" not in path[len(root) :] + "/"


def app_imports(
    fs: FileSystem,
    graph: DependencyGraph,
    *,
    max_files: int = MAX_APP_FILES,
    node_version: NodeVersion = DEFAULT_NODE_VERSION,
) -> AppImports:
    """Every import of the app's code reachable from its entry files, resolved on ``fs`` as the node
    of ``node_version`` resolves it."""
    root = graph.instances[0]
    resolver = Resolver(fs, ResolveOptions(node_version=node_version))
    raw = root.manifest.raw if isinstance(root.manifest.raw, dict) else {}
    main = raw.get("main") if isinstance(raw.get("main"), str) else None
    entries = [path for path in entry_files(fs, resolver, root) if _in_app_code(path, root.path)]
    by_path = {instance.path: instance for instance in graph.instances if not instance.is_project}
    pending: list[tuple[str, str | None]] = [(path, None) for path in entries]
    seen = set(entries)
    pages: list[str] = []
    scripts_of: dict[str, list[str]] = {}
    unread: list[str] = []
    uses: list[ImportUse] = []
    while pending or pages:
        if not pending:
            page = pages.pop(0)
            scripts_of[page] = page_scripts(fs, page)
            for script in scripts_of[page]:
                if script not in seen and _in_app_code(script, root.path) and len(seen) < max_files:
                    seen.add(script)
                    pending.append((script, page))
            continue
        file, page = pending.pop(0)
        if language_for(file) is None:
            continue
        try:
            source = fs.read_bytes(file)
        except FileSystemError:
            unread.append(file)
            continue
        if len(source) > MAX_FILE_BYTES:
            unread.append(file)
            continue
        if page is None:
            pages.extend(found for found in page_paths(fs, source, file, root.path) if found not in seen)
            seen.update(pages)
        # A page's own script requires from the page's folder; what it requires, from its own.
        origin = page if page is not None and file in scripts_of.get(page, ()) else file
        sites = [site for site in parse_imports(source, file) if site.kind is not SiteKind.IMPORT_TYPE]
        sites = [site for site in sites if not is_electron_module(site.specifier)]
        for site in sites:
            kind = (
                ImportKind.REQUIRE if site.kind in (SiteKind.REQUIRE, SiteKind.REQUIRE_RESOLVE) else ImportKind.IMPORT
            )
            result = resolver.resolve(site.specifier, origin, kind)
            resolved = result.resolved
            target = None
            if resolved is not None and resolved.startswith("/"):
                target = _owner_of(resolved, by_path, root.path)
                own = target is None and _in_app_code(resolved, root.path)
                if own and resolved not in seen and len(seen) < max_files:
                    seen.add(resolved)
                    pending.append((resolved, page))
                resolved = relative(graph, resolved)
            uses.append(
                ImportUse(
                    relative(graph, file),
                    site.specifier,
                    kind,
                    site.line,
                    site.column,
                    site.guarded,
                    resolved,
                    target,
                    result.error,
                    relative(graph, page) if page is not None else None,
                )
            )
    return AppImports(
        tuple(relative(graph, path) for path in entries),
        main,
        tuple(uses),
        tuple(relative(graph, path) for path in unread),
    )
