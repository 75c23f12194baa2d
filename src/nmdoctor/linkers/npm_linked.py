"""npm's isolated layout (``--install-strategy=linked``, arborist's isolated reifier) for a logical graph.

    node_modules/<alias>                                      -> .store/<key>/node_modules/<name>
    node_modules/.store/<key>/node_modules/<name>/              the package itself
    node_modules/.store/<key>/node_modules/<alias>            -> ../../<dep key>/node_modules/<dep name>
    <workspace>/node_modules/<alias>                          -> the store folder, or the workspace

Arborist first builds the hoisted ideal tree (here: npm_hoisted.place_npm_hoisted), then turns
each copy in it into a store folder, its dependencies being the copies they resolve to in that
tree. ``<key>`` is ``<name>@<version>-<hash>``: the hash is SHAKE-256 (16 bytes, base64 with ``+``
as ``-``, ``/`` as ``_`` and no padding) of the sorted, comma-joined lines ``<branch>::<resolved>``,
one per copy reached by a depth-first walk of the dependencies, where ``<branch>`` is the
``name@version`` chain from the package down to it (``a@1.0.0->c@1.0.0``) the first time the walk
reaches it, and ``<resolved>`` its tarball URL (arborist ``isolated-reifier.js`` ``getKey``;
checked against npm 11.19). The walk follows arborist's order: a package's edges as loaded
(peerDependencies, dependencies, optionalDependencies; package.json order), required registry
packages first, then workspaces, then optional ones, and optional peers named only in
``peerDependenciesMeta`` last, linked to whatever the name resolves to from the copy. Copies of
one version whose dependencies resolve differently get different keys: one store folder each.

Tarball URLs are not in the logical graph: they are taken as the registry's usual
``<registry><name>/-/<basename>-<version>.tgz``, so folder names match npm's exactly for packages
from ``registry`` and differ only in the hash otherwise. (``npm ci`` from a lockfile without
``resolved`` fields hashes "null" for every package: ``registry=None``.) Where the hoisted
planner places a copy elsewhere than arborist would, the keys above it differ too. Only the
workspaces the project declares as dependencies are linked into its node_modules (arborist links
the others nowhere). Bundled dependencies, packages with a shrinkwrap (``.store/<name>@<version>``)
and ``.bin`` links are not modelled.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.npm_hoisted import PlacedNode, place_npm_hoisted
from nmdoctor.linkers.plan import Plan
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.vfs.limits import load_json
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["NPM_REGISTRY", "lockfile_registry", "plan_npm_linked", "registry_of_lockfile", "store_keys"]

NPM_REGISTRY = "https://registry.npmjs.org/"


def registry_of_lockfile(fs: FileSystem, path: str) -> str | None:
    """``lockfile_registry`` of the package-lock.json at ``path`` (npm's public registry when it
    cannot be read)."""
    try:
        text: str | None = fs.read_bytes(path).decode("utf-8", "replace")
    except FileSystemError:
        text = None
    return lockfile_registry(text)


def lockfile_registry(lockfile_text: str | None) -> str | None:
    """The registry npm would hash into store folder names when installing from this
    package-lock.json: the one its first ``resolved`` URL points into, None when it records none
    (``omit-lockfile-registry-resolved``), npm's public registry without a lockfile."""
    if lockfile_text is None:
        return NPM_REGISTRY
    try:
        document = load_json(lockfile_text)
    except ValueError:
        return NPM_REGISTRY
    packages = document.get("packages") if isinstance(document, dict) else None
    for location, entry in (packages or {}).items():
        resolved = entry.get("resolved") if isinstance(entry, dict) else None
        if not location or not isinstance(resolved, str):
            continue
        marker = "/-/"
        name = location.rpartition("node_modules/")[2]
        cut = resolved.find(f"/{name}{marker}")
        return resolved[: cut + 1] if cut != -1 else NPM_REGISTRY
    return None


def _names(raw: object, field: str) -> list[str]:
    value = raw.get(field) if isinstance(raw, dict) else None
    return list(value) if isinstance(value, dict) else []


def _ordered_dependencies(package: LogicalPackage) -> list[tuple[str, bool]]:
    """(alias, optional) of ``package``'s resolved dependencies in the order of arborist's edges:
    as they were loaded (peer, optional peer, prod, optional, dev), each keeping the place of the
    first type that named it and the optionality of the last."""
    raw = package.source.manifest.raw
    meta = raw.get("peerDependenciesMeta") if isinstance(raw, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    peers = _names(raw, "peerDependencies")

    def peer_optional(name: str) -> bool:
        entry = meta.get(name)
        return isinstance(entry, dict) and entry.get("optional") is True

    loaded: dict[str, bool] = {}  # alias -> optional, in first-insertion order
    for group, optional in (
        ([name for name in peers if not peer_optional(name)], False),
        ([name for name in peers if peer_optional(name)], True),
        (_names(raw, "dependencies"), False),
        (_names(raw, "optionalDependencies"), True),
        (_names(raw, "devDependencies") if package.importer is not None else [], False),
    ):
        for name in group:
            loaded[name] = optional
    for name in package.dependencies:
        loaded.setdefault(name, False)
    return [(name, optional) for name, optional in loaded.items() if name in package.dependencies]


@dataclass(eq=False, slots=True)
class _Proxy:
    """A node of arborist's ideal graph: one package copy of the hoisted ideal tree, or a
    workspace (``local``)."""

    name: str  # the folder name it was placed under (the alias)
    key: str  # the logical package
    local: bool
    dependencies: list[_Proxy] = field(default_factory=list)
    store: str = ""  # its .store folder name, once computed


class _IdealGraph:
    """The isolated reifier's graph over the hoisted ideal tree (npm_hoisted.place_npm_hoisted):
    each placed copy is its own node, depending on the copies its dependencies resolve to there."""

    def __init__(self, graph: LogicalGraph, registry: str | None) -> None:
        self.graph = graph
        self.registry = registry if registry is None or registry.endswith("/") else registry + "/"
        root, workspaces = place_npm_hoisted(graph)
        self.placed: dict[int, _Proxy] = {}
        self.workspaces: dict[str, _Proxy] = {}
        self._unlinked: list[tuple[_Proxy, PlacedNode]] = []  # proxies whose dependencies are not set yet
        self.importers: list[tuple[LogicalPackage, PlacedNode]] = [
            (graph.packages[node.key], node) for node in [root, *workspaces]
        ]
        for package, _node in self.importers:
            if package.importer != ".":
                self.workspaces[package.key] = _Proxy(package.name, package.key, local=True)
        pending = [(package, node, self.workspaces.get(package.key)) for package, node in self.importers]
        while pending:
            package, node, proxy = pending.pop()
            dependencies = self.dependencies(package, node)
            if proxy is not None:
                proxy.dependencies = dependencies
            pending += [(graph.packages[found.key], placed, found) for found, placed in self._unlinked]
            self._unlinked = []

    def proxy(self, node: PlacedNode) -> _Proxy:
        found = self.placed.get(id(node))
        if found is None:
            found = self.placed[id(node)] = _Proxy(node.name, node.key, local=False)
            self._unlinked.append((found, node))
        return found

    def dependencies(self, package: LogicalPackage, node: PlacedNode) -> list[_Proxy]:
        """What each dependency of the copy at ``node`` resolves to there, in arborist's order:
        required registry packages, workspaces, optional registry packages."""
        required: list[_Proxy] = []
        local: list[_Proxy] = []
        optional: list[_Proxy] = []
        for alias, is_optional in _ordered_dependencies(package):
            target = self.graph.packages[package.dependencies[alias]]
            if target.importer is not None:
                workspace = self.workspaces.get(target.key)
                if workspace is not None:
                    local.append(workspace)
                continue
            found = node.resolve(alias)
            if found is not None and self.graph.packages[found.key].importer is not None:
                # a workspace's link holds the name (npm_hoisted: plan.workspace_links)
                workspace = self.workspaces.get(found.key)
                if workspace is not None:
                    local.append(workspace)
            elif found is not None:
                (optional if is_optional else required).append(self.proxy(found))
        # Optional peers named only in peerDependenciesMeta have no edge: arborist links whatever
        # the name resolves to from the copy, if anything.
        present = {proxy.name for proxy in required + optional}
        for name in _meta_only_optional_peers(package):
            if name in present:
                continue
            found = node.resolve(name)
            if found is not None and found is not node and self.graph.packages[found.key].importer is None:
                optional.append(self.proxy(found))
        return required + local + optional

    def resolved(self, proxy: _Proxy) -> str:
        package = self.graph.packages[proxy.key]
        if proxy.local or self.registry is None:
            return "null"  # a workspace has no tarball; nor has a package whose lockfile entry omits it
        return f"{self.registry}{package.name}/-/{package.name.rpartition('/')[2]}-{package.version}.tgz"

    def label(self, proxy: _Proxy) -> str:
        package = self.graph.packages[proxy.key]
        return f"{package.name}@{'undefined' if proxy.local else package.version}"

    def store_key(self, start: _Proxy) -> str:
        """``getKey``: the hash of the ``branch::resolved`` lines of a depth-first walk."""
        if start.store:
            return start.store
        lines: list[str] = []
        branch: list[str] = []
        seen: set[int] = set()

        def visit(proxy: _Proxy) -> Iterator[_Proxy]:
            seen.add(id(proxy))
            branch.append(self.label(proxy))
            lines.append(f"{'->'.join(branch)}::{self.resolved(proxy)}")
            return iter(proxy.dependencies)

        stack = [visit(start)]
        while stack:
            following = next((proxy for proxy in stack[-1] if id(proxy) not in seen), None)
            if following is None:
                stack.pop()
                branch.pop()
            else:
                stack.append(visit(following))
        digest = hashlib.shake_256(",".join(sorted(lines)).encode()).digest(16)
        text = base64.b64encode(digest).decode().replace("+", "-").replace("/", "_").rstrip("=")
        package = self.graph.packages[start.key]
        start.store = f"{package.name}@{package.version}-{text}"
        return start.store


def _meta_only_optional_peers(package: LogicalPackage) -> list[str]:
    raw = package.source.manifest.raw
    meta = raw.get("peerDependenciesMeta") if isinstance(raw, dict) else None
    if not isinstance(meta, dict):
        return []
    return [
        name
        for name, entry in meta.items()
        if isinstance(entry, dict) and entry.get("optional") is True and name not in package.dependencies
    ]


def store_keys(graph: LogicalGraph, registry: str | None = NPM_REGISTRY) -> dict[str, list[str]]:
    """package key -> the ``.store`` folder names npm gives its copies (one, unless copies of one
    version in the hoisted tree resolve their dependencies differently)."""
    ideal = _IdealGraph(graph, registry)
    found: dict[str, list[str]] = {}
    for proxy in ideal.placed.values():
        names = found.setdefault(proxy.key, [])
        if ideal.store_key(proxy) not in names:
            names.append(ideal.store_key(proxy))
    return found


def _link(fs: MemoryFS, link: str, target: str) -> None:
    fs.add_symlink(link, posixpath.relpath(target, posixpath.dirname(link)))


def plan_npm_linked(graph: LogicalGraph, registry: str | None = NPM_REGISTRY) -> Plan:
    """The planned node_modules (package.json files and links) as an in-memory tree.

    ``registry`` is where the packages' tarballs are taken to come from; None when the lockfile npm
    installs from records no ``resolved`` URLs (npm then hashes the text "null" instead)."""
    ideal = _IdealGraph(graph, registry)
    fs = MemoryFS()
    binds: dict[str, str] = {}
    root = graph.project
    store = f"{root}/node_modules/.store"

    def location(proxy: _Proxy) -> str:
        package = graph.packages[proxy.key]
        if proxy.local:
            return f"{root}/{package.importer}"
        return f"{store}/{ideal.store_key(proxy)}/node_modules/{package.name}"

    for proxy in ideal.placed.values():
        folder = location(proxy)
        if folder in binds:
            continue  # another copy with the same dependencies: one store folder
        package = graph.packages[proxy.key]
        fs.add_file(folder + "/package.json", _manifest_bytes(package.source.manifest.raw, package))
        binds[folder] = package.source.path
        for dependency in proxy.dependencies:
            link = f"{store}/{ideal.store_key(proxy)}/node_modules/{dependency.name}"
            if link != folder:
                _link(fs, link, location(dependency))
    for package, node in ideal.importers:
        base = root if package.importer == "." else f"{root}/{package.importer}"
        for dependency in ideal.dependencies(package, node):
            _link(fs, f"{base}/node_modules/{dependency.name}", location(dependency))
    fs.add_file(f"{root}/node_modules/.package-lock.json", b"{}")
    fs.add_dir(store)
    return Plan(fs, binds)


def _manifest_bytes(raw: object, package: LogicalPackage) -> bytes:
    return json.dumps(raw if isinstance(raw, dict) else {"name": package.name, "version": package.version}).encode()
