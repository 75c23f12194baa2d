"""pnpm's isolated layout (``node-linker=isolated``) for a logical graph.

    node_modules/<alias>                          -> .pnpm/<dir>/node_modules/<name>   (importer deps)
    node_modules/.pnpm/<dir>/node_modules/<name>/   the package itself
    node_modules/.pnpm/<dir>/node_modules/<alias> -> ../../<dep dir>/node_modules/<dep name>
    node_modules/.pnpm/node_modules/<alias>       -> hoisted (hoist-pattern, visible to packages only)
    node_modules/<alias>                          -> publicly hoisted (public-hoist-pattern)

One folder per dep path: name@version, plus one per set of resolved peers as pnpm makes them
(``react-dom@18.3.1(react@18.3.1)`` -> ``.pnpm/react-dom@18.3.1_react@18.3.1``), computed from the
graph's structure by linkers.pnpm_peers, so a plan from an npm or yarn tree has the variants too. A
variant's folder links its dependencies and the peers it resolved itself. Which package wins a
hoisted name follows pnpm's hoister (pkg-manager/hoist): dep paths in the order its graph walker
reaches them (by depth, then dep path, compared by code points), their dependencies in name order;
the first to claim a name keeps it.
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm_peers import PeerVariants, resolve_peer_variants
from nmdoctor.lockfiles.pnpm_paths import dep_path_to_filename
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["PnpmSettings", "hoisted_dependencies", "hoisted_links", "plan_pnpm"]


@dataclass(frozen=True, slots=True)
class PnpmSettings:
    """pnpm 10's defaults; pnpm 7-9 used public_hoist_pattern ("*eslint*", "*prettier*").

    ``package_extensions`` is pnpm's ``packageExtensions`` (``{"react-scripts@*": {"peerDependencies":
    {"eslint": "*"}}}``); only the peer fields are applied. pnpm also applies its built-in
    compatibility database (``ignore-compatibility-db``), which nmdoctor does not ship: give the
    entries that matter here."""

    hoist_pattern: tuple[str, ...] = ("*",)
    public_hoist_pattern: tuple[str, ...] = ()
    shamefully_hoist: bool = False
    hoist: bool = True
    pnpm_major: int = 10
    # hoist-workspace-packages: workspace packages linked by the hoister too (pnpm 9's default on;
    # pnpm 8.15.9's off).
    hoist_workspace_packages: bool = True
    package_extensions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)
    # pnpm's virtual-store-dir, inside node_modules (bun's isolated linker lays out the same in .bun)
    virtual_store_dir: str = ".pnpm"


def _matches(name: str, patterns: Sequence[str]) -> bool:
    included = False
    for pattern in patterns:
        if pattern.startswith("!"):
            if fnmatch.fnmatchcase(name, pattern[1:]):
                return False
        elif fnmatch.fnmatchcase(name, pattern):
            included = True
    return included


def _store_dir(dep_path: str, settings: PnpmSettings) -> str:
    return dep_path_to_filename(dep_path, "9.0", pnpm_major=settings.pnpm_major)


def _walk_depths(peers: PeerVariants) -> list[tuple[str, int]]:
    """Dep paths with the depth pnpm's lockfile walker first reaches them at.

    The walker marks a package visited when its parent's level is expanded, and descends into
    one subtree fully before the next, so a package can get a depth larger than its shortest path.
    """
    visited: set[str] = set()

    def step(dep_paths: list[str]) -> list[str]:
        found = []
        for dep_path in dep_paths:
            if dep_path in visited or dep_path not in peers.variants:
                continue
            visited.add(dep_path)
            found.append(dep_path)
        return found

    def children(dep_path: str) -> list[str]:
        variant = peers.variants[dep_path]
        return [variant.children[alias] for alias in sorted(variant.children)]

    def walk(dep_paths: list[str], depth: int) -> list[tuple[str, int]]:
        result = [(dep_path, depth) for dep_path in dep_paths]
        following = [step(children(dep_path)) for dep_path in dep_paths]
        for below in following:
            result += walk(below, depth + 1)
        return result

    # The importers' direct dependencies in package.json order (checked against pnpm 10 on a
    # 1,650-package tree: every hoisted name the same); each package's own in name order.
    entry = [dep_path for deps in peers.importers.values() for dep_path in deps.values()]
    return walk(step(entry), 0)


@dataclass(frozen=True, slots=True)
class _Hoisted:
    target: str  # a dep path, or an importer key for a workspace package
    kind: str  # "public" | "private"
    workspace: bool = False


def _hoisted_variants(graph: LogicalGraph, peers: PeerVariants, settings: PnpmSettings) -> dict[str, _Hoisted]:
    """alias -> what pnpm's hoister links under that name.

    Before the packages come the workspace packages (hoist-workspace-packages, unless it is off) and
    every importer's direct dependencies, as one node above depth 0; only the root project's own
    dependency names are never hoisted (they are in its node_modules already)."""
    public = ("*",) if settings.shamefully_hoist else settings.public_hoist_pattern
    private = settings.hoist_pattern if settings.hoist else ()
    importers = graph.importers()
    root = next((item for item in importers if item.importer == "."), None)
    taken = {alias.lower() for alias in (root.dependencies if root is not None else {})}
    chosen: dict[str, _Hoisted] = {}

    def offer(alias: str, candidate: _Hoisted) -> None:
        kind = "public" if _matches(alias, public) else "private" if _matches(alias, private) else None
        if kind is None or alias.lower() in taken:
            return
        if not candidate.workspace:
            taken.add(alias.lower())
        chosen.setdefault(alias, _Hoisted(candidate.target, kind, candidate.workspace))

    workspaces = settings.hoist_workspace_packages
    top: dict[str, _Hoisted] = {}
    for importer in importers:
        # pnpm hoists a workspace package under its package.json name; one without a name (unocss's
        # bench and test fixtures) is not hoisted
        name = importer.source.manifest.name
        if importer.importer != "." and workspaces and name:
            top[name] = _Hoisted(importer.key, "", workspace=True)
    direct: dict[str, _Hoisted] = {}
    for importer in importers:
        for alias, dep_path in peers.importers[importer.key].items():
            direct.setdefault(alias, _Hoisted(dep_path, ""))
        if workspaces:
            for alias, key in peers.importer_links[importer.key].items():
                direct.setdefault(alias, _Hoisted(key, "", workspace=True))
    top.update(direct)
    for alias, candidate in top.items():
        offer(alias, candidate)
    for dep_path, _depth in sorted(_walk_depths(peers), key=lambda item: (item[1], item[0])):
        variant = peers.variants[dep_path]
        for alias in sorted(variant.children):
            offer(alias, _Hoisted(variant.children[alias], ""))
    return chosen


def hoisted_dependencies(graph: LogicalGraph, settings: PnpmSettings) -> dict[str, tuple[str, str]]:
    """alias -> (package key, "public" | "private") as pnpm's hoister chooses them."""
    peers = resolve_peer_variants(graph, package_extensions=settings.package_extensions, pnpm_major=settings.pnpm_major)
    return {
        alias: (item.target if item.workspace else peers.variants[item.target].key, item.kind)
        for alias, item in _hoisted_variants(graph, peers, settings).items()
    }


def hoisted_links(
    graph: LogicalGraph, peers: PeerVariants, settings: PnpmSettings
) -> dict[str, tuple[str, bool, bool]]:
    """alias -> (dep path, or importer key for a workspace; public; a workspace) as pnpm's hoister
    chooses them for ``peers``, which may also be read from a lockfile (its keys as dep paths)."""
    return {
        alias: (item.target, item.kind == "public", item.workspace)
        for alias, item in _hoisted_variants(graph, peers, settings).items()
    }


def _link(fs: MemoryFS, link: str, target: str) -> None:
    fs.add_symlink(link, posixpath.relpath(target, posixpath.dirname(link)))


def plan_pnpm(graph: LogicalGraph, settings: PnpmSettings | None = None) -> Plan:
    """The planned node_modules folders (package.json files and links) as an in-memory tree."""
    settings = settings or PnpmSettings()
    fs = MemoryFS()
    binds: dict[str, str] = {}
    root = graph.project
    store = f"{root}/node_modules/{settings.virtual_store_dir}"
    peers = resolve_peer_variants(graph, package_extensions=settings.package_extensions, pnpm_major=settings.pnpm_major)

    def importer_folder(key: str) -> str:
        importer = graph.packages[key].importer
        return root if importer == "." else f"{root}/{importer}"

    def location(dep_path: str) -> str:
        variant = peers.variants[dep_path]
        name = graph.packages[variant.key].name
        return f"{store}/{_store_dir(dep_path, settings)}/node_modules/{name}"

    for dep_path, variant in peers.variants.items():
        package = graph.packages[variant.key]
        folder = location(dep_path)
        fs.add_file(folder + "/package.json", _manifest_bytes(package))
        binds[folder] = package.source.path
        modules = f"{store}/{_store_dir(dep_path, settings)}/node_modules"
        for alias, dependency in variant.children.items():
            link = f"{modules}/{alias}"
            if link != folder:
                _link(fs, link, location(dependency))
        for alias, key in variant.links.items():
            _link(fs, f"{modules}/{alias}", importer_folder(key))
    for importer in graph.importers():
        base = importer_folder(importer.key)
        for alias, dependency in peers.importers[importer.key].items():
            _link(fs, f"{base}/node_modules/{alias}", location(dependency))
        for alias, key in peers.importer_links[importer.key].items():
            _link(fs, f"{base}/node_modules/{alias}", importer_folder(key))
    for alias, item in _hoisted_variants(graph, peers, settings).items():
        link = f"{root}/node_modules/{alias}" if item.kind == "public" else f"{store}/node_modules/{alias}"
        _link(fs, link, importer_folder(item.target) if item.workspace else location(item.target))
    fs.add_file(f"{root}/node_modules/.modules.yaml", b"nodeLinker: isolated\n")
    fs.add_dir(store)
    return Plan(fs, binds)


def _manifest_bytes(package: LogicalPackage) -> bytes:
    raw = package.source.manifest.raw
    return json.dumps(raw if isinstance(raw, dict) else {"name": package.name, "version": package.version}).encode()
