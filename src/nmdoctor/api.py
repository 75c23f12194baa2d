"""nmdoctor's Python API: the few calls scripts need, typed and stable.

>>> from nmdoctor.api import resolve
>>> from nmdoctor.vfs import MemoryFS, symlink
>>> fs = MemoryFS.from_mapping({
...     "/app/node_modules/a": symlink(".pnpm/a@1.0.0/node_modules/a"),
...     "/app/node_modules/.pnpm/a@1.0.0/node_modules/a/index.js": "",
... })
>>> resolve("a", "/app/index.js", fs=fs).resolved
'/app/node_modules/.pnpm/a@1.0.0/node_modules/a/index.js'
>>> resolve("b", "/app/index.js", fs=fs).error
'MODULE_NOT_FOUND'
>>> resolve("./x", "/app/index.mjs", esm=True, fs=fs).error
'ERR_MODULE_NOT_FOUND'

>>> from nmdoctor.api import load_project, check
>>> fs = MemoryFS.from_mapping({
...     "/p/package.json": {"name": "p", "version": "1.0.0", "dependencies": {"gone": "^1"}},
...     "/p/node_modules/.package-lock.json": {},
... })
>>> graph = load_project("/p", fs=fs)
>>> graph.layout
'npm-hoisted'
>>> [finding.code for finding in check(graph, fs=fs)]
['missing-dependency']
"""

from __future__ import annotations

from collections.abc import Iterable

from nmdoctor.diagnostics.config import ConfigError
from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.inspect.tree import TreeError
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm import PnpmSettings, plan_pnpm
from nmdoctor.lockfiles import Lockfile, LockfileError, find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.project.session import Project, load_graph
from nmdoctor.resolve import ImportKind, Resolution, ResolveOptions, Resolver
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, parse_node_version
from nmdoctor.vfs import DiskFS, FileSystem

__all__ = [
    "ConfigError",
    "DependencyGraph",
    "Edge",
    "Finding",
    "ImportKind",
    "Instance",
    "Lockfile",
    "LockfileError",
    "PackageRef",
    "Plan",
    "PnpmSettings",
    "Resolution",
    "ResolveOptions",
    "Severity",
    "TreeError",
    "check",
    "load_lockfile",
    "load_project",
    "plan_layout",
    "resolve",
]


def resolve(
    request: str,
    parent: str,
    *,
    esm: bool = False,
    options: ResolveOptions | None = None,
    fs: FileSystem | None = None,
    trace: bool = False,
) -> Resolution:
    """What ``require(request)`` (or ``import``, with ``esm``) loads from the module at ``parent``,
    exactly as node v20; ``trace`` records every candidate tried."""
    kind = ImportKind.IMPORT if esm else ImportKind.REQUIRE
    return Resolver(fs or DiskFS(), options).resolve(request, parent, kind, trace=trace)


def load_project(project: str, *, fs: FileSystem | None = None, from_lockfile: bool = False) -> DependencyGraph:
    """The dependency model of the project at ``project`` (an absolute real path): its installed
    node_modules (its Plug'n'Play state when it has a ``.pnp.cjs``), or its lockfile with
    ``from_lockfile`` or when nothing is installed (the loader
    the CLI uses: workspaces read from a lockfile carry their package.json names)."""
    return load_graph(fs or DiskFS(), project, from_lockfile=from_lockfile)


def load_lockfile(project: str, *, fs: FileSystem | None = None) -> Lockfile:
    """The project's lockfile (npm, pnpm or yarn), read; raises LockfileError if there is none."""
    fs = fs or DiskFS()
    path = find_lockfile(fs, project)
    if path is None:
        raise LockfileError(f"{project}: no lockfile")
    return read_lockfile(fs, path, manifest_json(fs, project))


def check(
    graph: DependencyGraph,
    *,
    fs: FileSystem | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    lockfile: Lockfile | None = None,
    node_version: str | None = None,
) -> list[Finding]:
    """Every finding of the registered checks for ``graph`` (read from ``fs``), as the project's
    settings ask (``"nmdoctor"`` in package.json or .nmdoctor.json: ignored codes and packages,
    singletons), like ``nmdoctor check``; raises ConfigError for settings it cannot read.

    ``node_version`` (``"20"``, ``"22.11.0"``...) is the node the project is judged as (default:
    node 20.20.2; ``nmdoctor check`` picks the project's); raises ValueError for a bad one."""
    version = DEFAULT_NODE_VERSION if node_version is None else parse_node_version(node_version)
    session = Project(graph.project, fs or DiskFS(), graph=graph, node_version=version)
    return sorted(session.findings(select=select, ignore=ignore, lockfile=lockfile), key=Finding.sort_key)


def plan_layout(graph: DependencyGraph, settings: PnpmSettings | None = None) -> Plan:
    """The node_modules pnpm would write for ``graph`` (an in-memory tree; see ``Plan``)."""
    return plan_pnpm(logical_graph(graph), settings)
