"""npm's isolated layout (``--install-strategy=linked``, arborist's isolated reifier) for a logical graph.

    node_modules/<alias>                                      -> .store/<key>/node_modules/<name>
    node_modules/.store/<key>/node_modules/<name>/              the package itself
    node_modules/.store/<key>/node_modules/<alias>            -> ../../<dep key>/node_modules/<dep name>
    <workspace>/node_modules/<alias>                          -> the store folder, or the workspace

``<key>`` is ``<name>@<version>-<hash>``: the hash is SHAKE-256 (16 bytes, base64 with ``+`` as
``-``, ``/`` as ``_`` and no padding) of the sorted, comma-joined lines ``<branch>::<resolved>``,
one per package reached by a depth-first walk of the package's dependencies, where ``<branch>`` is
the ``name@version`` chain from the package down to it (``a@1.0.0->c@1.0.0``) the first time the
walk reaches it, and ``<resolved>`` its tarball URL (arborist ``isolated-reifier.js`` ``getKey``;
checked against npm 11.19). The walk follows arborist's order of a package's dependencies:
peerDependencies, then dependencies, then optional ones last.

Tarball URLs are not in the logical graph: they are taken as the registry's usual
``<registry><name>/-/<basename>-<version>.tgz``, so folder names match npm's exactly for packages
from ``registry`` and differ only in the hash otherwise. Only the workspaces the project declares as
dependencies are linked into its node_modules (arborist links the others nowhere). One store folder
per name@version: arborist makes one per distinct dependency subtree, which differs only when a
hoisted tree held one version with two different sets of dependencies. Bundled dependencies,
packages with a shrinkwrap (``.store/<name>@<version>``) and ``.bin`` links are not modelled.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from collections.abc import Iterator

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.plan import Plan
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["NPM_REGISTRY", "plan_npm_linked", "store_key"]

NPM_REGISTRY = "https://registry.npmjs.org/"


def _names(raw: object, field: str) -> list[str]:
    value = raw.get(field) if isinstance(raw, dict) else None
    return list(value) if isinstance(value, dict) else []


def _ordered_dependencies(package: LogicalPackage) -> list[str]:
    """The aliases of ``package``'s resolved dependencies in the order arborist walks them: its
    edges in the order they were loaded (peer, optional peer, prod, optional, dev; an edge keeps
    the place of the first type that named it and the optionality of the last), the required
    registry packages first, then workspaces, then optional registry packages."""
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
    present = [name for name in loaded if name in package.dependencies]
    return (
        [name for name in present if not loaded[name] and package.importer is None]
        + [name for name in present if package.importer is not None]
        + [name for name in present if loaded[name] and package.importer is None]
    )


class _Keys:
    """Store keys of a graph's packages (``getKey``), computed once each."""

    def __init__(self, graph: LogicalGraph, registry: str) -> None:
        self.graph = graph
        self.registry = registry if registry.endswith("/") else registry + "/"
        self.order = {key: _ordered_dependencies(package) for key, package in graph.packages.items()}
        self.keys: dict[str, str] = {}

    def resolved(self, package: LogicalPackage) -> str:
        if package.importer is not None:
            return "null"  # a workspace has no tarball
        return f"{self.registry}{package.name}/-/{package.name.rpartition('/')[2]}-{package.version}.tgz"

    def label(self, package: LogicalPackage) -> str:
        return f"{package.name}@{package.version if package.importer is None else 'undefined'}"

    def children(self, key: str) -> Iterator[str]:
        package = self.graph.packages[key]
        for alias in self.order[key]:
            yield package.dependencies[alias]

    def key(self, key: str) -> str:
        found = self.keys.get(key)
        if found is None:
            found = self.keys[key] = self._compute(key)
        return found

    def _compute(self, start: str) -> str:
        packages = self.graph.packages
        lines: list[str] = []
        branch: list[str] = []
        seen: set[str] = set()

        def visit(key: str) -> Iterator[str]:
            seen.add(key)
            branch.append(self.label(packages[key]))
            lines.append(f"{'->'.join(branch)}::{self.resolved(packages[key])}")
            return self.children(key)

        stack = [visit(start)]
        while stack:
            following = next((key for key in stack[-1] if key not in seen), None)
            if following is None:
                stack.pop()
                branch.pop()
            else:
                stack.append(visit(following))
        digest = hashlib.shake_256(",".join(sorted(lines)).encode()).digest(16)
        text = base64.b64encode(digest).decode().replace("+", "-").replace("/", "_").rstrip("=")
        package = packages[start]
        return f"{package.name}@{package.version}-{text}"


def store_key(graph: LogicalGraph, key: str, registry: str = NPM_REGISTRY) -> str:
    """The ``.store`` folder name npm gives the package ``key`` of ``graph``."""
    return _Keys(graph, registry).key(key)


def _link(fs: MemoryFS, link: str, target: str) -> None:
    fs.add_symlink(link, posixpath.relpath(target, posixpath.dirname(link)))


def plan_npm_linked(graph: LogicalGraph, registry: str = NPM_REGISTRY) -> Plan:
    """The planned node_modules (package.json files and links) as an in-memory tree."""
    keys = _Keys(graph, registry)
    fs = MemoryFS()
    binds: dict[str, str] = {}
    root = graph.project
    store = f"{root}/node_modules/.store"

    def location(key: str) -> str:
        package = graph.packages[key]
        if package.importer is not None:
            return root if package.importer == "." else f"{root}/{package.importer}"
        return f"{store}/{keys.key(key)}/node_modules/{package.name}"

    for key, package in graph.packages.items():
        if package.importer is not None:
            continue
        folder = location(key)
        raw = package.source.manifest.raw
        fs.add_file(folder + "/package.json", _manifest_bytes(raw, package))
        binds[folder] = package.source.path
        for alias, dependency in package.dependencies.items():
            link = f"{store}/{keys.key(key)}/node_modules/{alias}"
            if link != folder:
                _link(fs, link, location(dependency))
    for importer in graph.importers():
        base = location(importer.key)
        for alias, dependency in importer.dependencies.items():
            _link(fs, f"{base}/node_modules/{alias}", location(dependency))
    fs.add_file(f"{root}/node_modules/.package-lock.json", b"{}")
    fs.add_dir(store)
    return Plan(fs, binds)


def _manifest_bytes(raw: object, package: LogicalPackage) -> bytes:
    return json.dumps(raw if isinstance(raw, dict) else {"name": package.name, "version": package.version}).encode()
