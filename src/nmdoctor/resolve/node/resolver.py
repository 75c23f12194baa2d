"""The Resolver: one entry point for ``require`` and ``import`` resolution over a FileSystem."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.fileurl import path_to_file_url
from nmdoctor.resolve.node.cjs import CjsResolver
from nmdoctor.resolve.node.esm import EsmResolver
from nmdoctor.resolve.node.lookup import Lookup, Probe
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, MODULE_SYNC, NodeVersion
from nmdoctor.vfs.base import FileSystem, VPath

__all__ = ["ImportKind", "Resolution", "ResolveOptions", "Resolver"]

# Conditions node v20.20 always sets (require(esm) is on, so "module-sync" is too; "node-addons"
# unless --no-addons). Versions without require(esm) drop "module-sync" (versions.MODULE_SYNC).
CJS_DEFAULT_CONDITIONS = ("require", "node", "node-addons", "module-sync")
ESM_DEFAULT_CONDITIONS = ("node", "import", "node-addons", "module-sync")


def default_conditions(defaults: tuple[str, ...], version: NodeVersion) -> tuple[str, ...]:
    """The conditions node at ``version`` sets by itself, from its v20.20 list."""
    if version.has(MODULE_SYNC):
        return defaults
    return tuple(condition for condition in defaults if condition != "module-sync")


class ImportKind(enum.Enum):
    REQUIRE = "cjs"
    IMPORT = "esm"


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """What node's command line and environment change about resolution.

    ``node_path`` is NODE_PATH split into entries; ``global_folders`` are ``$HOME/.node_modules``,
    ``$HOME/.node_libraries`` and ``$PREFIX/lib/node`` as node computes them (CommonJS only);
    ``cwd`` is where relative NODE_PATH entries are taken from; ``node_version`` is the node
    whose behaviour applies (the rules of ``versions``).
    """

    conditions: tuple[str, ...] = ()
    preserve_symlinks: bool = False
    node_path: tuple[str, ...] = ()
    global_folders: tuple[str, ...] = ()
    cwd: str = "/"
    node_version: NodeVersion = DEFAULT_NODE_VERSION


@dataclass(frozen=True, slots=True)
class Resolution:
    """``resolved`` is an absolute path, ``node:NAME`` or a ``data:`` URL; else ``error`` is Node's code."""

    request: str
    parent: VPath
    kind: ImportKind
    resolved: str | None
    error: str | None = None
    message: str | None = None
    trace: tuple[Probe, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None


class Resolver:
    """Resolves requests exactly as the node of ``options.node_version`` does; caches filesystem
    reads for its lifetime."""

    def __init__(self, fs: FileSystem, options: ResolveOptions | None = None, *, lookup: Lookup | None = None) -> None:
        """``lookup`` lets resolvers with other options share one snapshot of the same ``fs``."""
        self.fs = fs
        self.options = options or ResolveOptions()
        version = self.options.node_version
        if lookup is not None and lookup.node_version != version:
            raise ValueError(f"a Lookup for node {lookup.node_version} cannot serve node {version}")
        self.lookup = lookup if lookup is not None else Lookup(fs, version)
        options = self.options
        user = tuple(options.conditions)
        self._cjs = CjsResolver(
            self.lookup,
            frozenset((*default_conditions(CJS_DEFAULT_CONDITIONS, version), *user)),
            preserve_symlinks=options.preserve_symlinks,
            module_paths=(*(entry for entry in options.node_path if entry), *options.global_folders),
            cwd=options.cwd,
        )
        self._esm = EsmResolver(
            self.lookup,
            frozenset((*default_conditions(ESM_DEFAULT_CONDITIONS, version), *user)),
            preserve_symlinks=options.preserve_symlinks,
        )

    def resolve(
        self, request: str, parent: VPath, kind: ImportKind = ImportKind.REQUIRE, *, trace: bool = False
    ) -> Resolution:
        """Resolve ``request`` as written in the module at ``parent`` (a path as node loaded it)."""
        self.lookup.trace = [] if trace else None
        try:
            if kind is ImportKind.REQUIRE:
                resolved = self._cjs.resolve(request, parent)
            else:
                resolved = self._esm.resolve(request, path_to_file_url(parent))
        except ResolutionError as error:
            probes = tuple(self.lookup.trace or ())
            return Resolution(request, parent, kind, None, error.code, error.message, probes)
        except RecursionError:
            probes = tuple(self.lookup.trace or ())
            return Resolution(request, parent, kind, None, "ERR_RESOLUTION", "resolution loops", probes)
        finally:
            probes_done = self.lookup.trace
            self.lookup.trace = None
        return Resolution(request, parent, kind, resolved, None, None, tuple(probes_done or ()))

    def load_folder(self, folder: VPath) -> VPath | None:
        """What ``require(folder)`` loads (``folder`` absolute): LOAD_AS_FILE, then LOAD_AS_DIRECTORY
        (``main``, the index), as ``resolve`` finds it, without a trace; None when nothing loads.
        A package's main file for every package of a tree is asked this way (cheaper than a
        ``resolve``, whose builtin and self-reference steps an absolute path never takes)."""
        try:
            return self._cjs.find_path(folder, [""])
        except (ResolutionError, RecursionError):
            return None
