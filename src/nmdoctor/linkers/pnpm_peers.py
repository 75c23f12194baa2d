"""pnpm's peer resolution on a logical graph: which copies ("dep paths") of each package pnpm makes.

pnpm gives a package one folder per set of resolved peers (resolve-dependencies, resolvePeers):

- A package's peers are its ``peerDependencies`` (and the names ``peerDependenciesMeta`` marks
  optional) minus its own name and ``optionalDependencies``. With auto-install-peers (the default)
  a name in both ``dependencies`` and ``peerDependencies`` is a peer only: pnpm drops the dependency.
- A peer resolves to what the dependent's scope provides: the importer's direct dependencies, then,
  going down, each ancestor's dependencies (the nearest wins). Only names some package declares as
  a peer count.
- Peers a package's dependencies resolve from above the package (not from its own dependencies) are
  carried up: the package is a variant too (``wrapper@1.0.0(host@2.0.0)``, "transitive peers").
- The dep path is ``name@version`` plus, sorted, the full dep path of each resolved peer in
  parentheses (peers of peers nest: ``router@1.0.0(react-dom@18.3.1(react@18.3.1))(react@18.3.1)``);
  a peer that is part of a cycle of peers counts as ``name@version``; a suffix longer than
  ``peers-suffix-max-length`` (1000) is replaced by a hash.
- A required peer nobody provides is installed for the importer (auto-install-peers): the highest
  version the graph has that satisfies every range asking for it; optional peers stay missing.
- dedupe-peer-dependents (default true) then points dependents of a variant at another variant of
  the same package whose dependencies include all of its own (deduplicateDepPaths). From pnpm 11
  (real 11.29.0 and 12.26.0; not 10.34.8), a dependent so pointed at a variant with peers it does
  not provide itself carries those peers in its own dep path (``bare-kit@1.0.0(host@1.0.0)``), and
  so on up to a package or importer that provides them.

Deliberate simplifications: pnpm reuses an earlier variant when the peers match by package id
(findHit), which can differ from the full dep path compared here only when a peer itself has
different variants with the same name@version in one scope; injected workspace packages and
patched packages are not modelled.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cmp_to_key
from typing import Any

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.model.specs import satisfies

__all__ = ["PeerVariants", "Variant", "compare_versions", "resolve_peer_variants"]

PEERS_SUFFIX_MAX_LENGTH = 1000


@dataclass(slots=True)
class Variant:
    """One ``.pnpm`` folder: a package with one set of resolved peers."""

    dep_path: str
    key: str  # the logical package, name@version
    children: dict[str, str] = field(default_factory=dict)  # alias -> dep path (dependencies and own peers)
    links: dict[str, str] = field(default_factory=dict)  # alias -> importer key (workspace packages)
    resolved_peer_names: frozenset[str] = frozenset()


@dataclass(slots=True)
class PeerVariants:
    variants: dict[str, Variant]  # dep path -> variant, only those the importers reach
    importers: dict[str, dict[str, str]]  # importer key -> alias -> dep path
    importer_links: dict[str, dict[str, str]]  # importer key -> alias -> importer key


@dataclass(eq=False, slots=True)
class _Provider:
    """A package in a scope: it resolves its own peers in ``scope``, the scope it sits in."""

    key: str
    alias: str
    scope: dict[str, _Provider] | None  # None for a workspace package (a link: no peers of its own)
    top: bool = False  # an importer's direct dependency
    node: _Node | None = None


@dataclass(eq=False, slots=True)
class _Node:
    key: str
    children: dict[str, _Node] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    peers: dict[str, _Provider] = field(default_factory=dict)  # own peers, resolved
    resolved: dict[str, _Provider] = field(default_factory=dict)  # own and carried-up peers
    missing: dict[str, tuple[list[str], bool]] = field(default_factory=dict)  # name -> (ranges, optional)
    found_below: dict[str, str] = field(default_factory=dict)  # peer -> package key, provided below an importer
    dep_path: str | None = None


PEER_FIELDS = ("peerDependencies", "peerDependenciesMeta")


def _raw(package: LogicalPackage, extensions: Mapping[str, Mapping[str, Any]]) -> dict[str, object]:
    """The manifest pnpm reads: package.json with the packageExtensions that select it (peer fields
    only; the manifest's own entries win, as in pnpm's createPackageExtender). A package read from a
    lockfile has no package.json: its peers are what the lockfile records (or its peer edges)."""
    source = package.source.manifest
    manifest: dict[str, object]
    if isinstance(source.raw, dict):
        manifest = dict(source.raw)
    else:
        manifest = {
            "peerDependencies": dict(source.peer_dependencies) or dict(package.peers),
            "peerDependenciesMeta": {name: {"optional": True} for name in source.optional_peers},
            "optionalDependencies": dict(source.optional_dependencies),
        }
    for selector, extension in extensions.items():
        at = selector.find("@", 1)
        name, spec = (selector, None) if at == -1 else (selector[:at], selector[at + 1 :])
        if name != package.name or (spec is not None and not satisfies(package.version, spec)):
            continue
        for key in PEER_FIELDS:
            added = extension.get(key)
            own = manifest.get(key)
            if isinstance(added, Mapping):
                manifest[key] = {**added, **(own if isinstance(own, dict) else {})}
    return manifest


def _names(value: object) -> list[str]:
    return [str(name) for name in value] if isinstance(value, dict) else []


class _Resolver:
    def __init__(self, graph: LogicalGraph, extensions: Mapping[str, Mapping[str, Any]]) -> None:
        self.graph = graph
        self.peer_names: set[str] = set()
        self.own_peers: dict[str, dict[str, tuple[str, bool]]] = {}
        self.declared_peers: dict[str, frozenset[str]] = {}
        self.kids: dict[str, dict[str, str]] = {}
        for key, package in graph.packages.items():
            raw = _raw(package, extensions)
            peers = raw.get("peerDependencies")
            meta = raw.get("peerDependenciesMeta")
            if package.importer is None:
                self.peer_names.update(_names(peers))
                self.peer_names.update(_names(meta))
            self.kids[key] = self._children(package, raw)
            self.declared_peers[key] = frozenset(_names(peers))
            self.own_peers[key] = {} if package.importer is not None else self._peers(package, raw)
        self.needs = self._needs()
        self.memo: dict[tuple[object, ...], _Node] = {}
        self.order: list[_Node] = []
        self.pinned: list[_Provider] = []

    def _children(self, package: LogicalPackage, raw: dict[str, object]) -> dict[str, str]:
        if package.importer is not None:
            return dict(package.dependencies)
        # The graph's dependencies are the declared dependencies, optional dependencies and peers
        # that resolved; auto-install-peers drops a dependency that is also a peer.
        peers = set(_names(raw.get("peerDependencies")))
        if not isinstance(package.source.manifest.raw, dict):
            # From a lockfile the resolved peers are among the dependencies, optional ones too.
            peers.update(_names(raw.get("peerDependenciesMeta")))
        optional = set(_names(raw.get("optionalDependencies")))
        return {alias: key for alias, key in package.dependencies.items() if alias not in peers or alias in optional}

    def _peers(self, package: LogicalPackage, raw: dict[str, object]) -> dict[str, tuple[str, bool]]:
        """peerDependenciesWithoutOwn, after auto-install-peers dropped dependencies that are peers."""
        peers = raw.get("peerDependencies")
        meta = raw.get("peerDependenciesMeta")
        own = {package.name, *self.kids[package.key]}
        result: dict[str, tuple[str, bool]] = {}
        for name in _names(peers):
            if name not in own:
                spec = peers[name] if isinstance(peers, dict) else "*"
                result[name] = (spec if isinstance(spec, str) else "*", False)
        for name in _names(meta):
            entry = meta.get(name) if isinstance(meta, dict) else None
            if name in own or not isinstance(entry, dict) or entry.get("optional") is not True:
                continue
            result[name] = (result.get(name, ("*", False))[0], True)
        return result

    def _needs(self) -> dict[str, frozenset[str]]:
        """The peer names each package resolves from above it: its own and its dependencies'."""
        needs = {key: set(peers) - {self.graph.packages[key].name} for key, peers in self.own_peers.items()}
        changed = True
        while changed:
            changed = False
            for key, kids in self.kids.items():
                if self.graph.packages[key].importer is not None:
                    continue
                package = self.graph.packages[key]
                found = needs[key]
                size = len(found)
                for child in kids.values():
                    if self.graph.packages[child].importer is None:
                        found.update(name for name in needs[child] if name not in kids and name != package.name)
                if len(found) != size:
                    changed = True
        return {key: frozenset(found) for key, found in needs.items()}

    # -- the walk -----------------------------------------------------------------------------

    def provider_node(self, provider: _Provider, resolving: set[int]) -> _Node | None:
        if provider.node is None and provider.scope is not None and id(provider) not in resolving:
            resolving.add(id(provider))
            provider.node = self.visit(provider.key, provider.scope, resolving)
            resolving.discard(id(provider))
        return provider.node

    def child_scope(
        self, scope: dict[str, _Provider], kids: dict[str, str], *, top: bool = False
    ) -> dict[str, _Provider]:
        """The scope below a package: its own dependencies (those named as peers anywhere) first.

        A dependency counts under its alias and under its package name (an alias wins over a
        name at the same level). pnpm keeps an ancestor's entry for the same package under the
        same alias (parentPkgsMatch); here the nearer one counts, which differs only when the two
        copies resolved their own peers differently (the memo below depends on it)."""
        below = dict(scope)
        named: list[tuple[str, _Provider]] = []
        for alias, key in kids.items():
            package = self.graph.packages[key]
            provider = _Provider(key, alias, None if package.importer is not None else below, top)
            if alias in self.peer_names:
                below[alias] = provider
            if package.name != alias and package.name in self.peer_names:
                named.append((package.name, provider))
        for name, provider in named:
            if name not in kids:
                below[name] = provider
        return below

    def settle(self, scope: dict[str, _Provider], alias: str, child: _Node) -> None:
        """The node of a dependency visited directly is also its node as a provider of peers."""
        name = self.graph.packages[child.key].name
        for entry in (alias, name):
            provider = scope.get(entry)
            if provider is not None and provider.node is None and provider.key == child.key and provider.scope is scope:
                provider.node = child

    def visit(self, key: str, scope: dict[str, _Provider], resolving: set[int]) -> _Node:
        signature: list[tuple[str, object]] = []
        for name in sorted(self.needs[key]):
            provider = scope.get(name)
            if provider is None:
                signature.append((name, None))
                continue
            node = self.provider_node(provider, resolving)
            if node is None:  # a workspace package, or a peer whose own peers lead back here
                self.pinned.append(provider)  # ids stay unique while the memo holds them
                signature.append((name, ("provider", id(provider))))
            else:
                signature.append((name, id(node)))
        memo_key = (key, tuple(signature))
        found = self.memo.get(memo_key)
        if found is not None:
            return found
        node = _Node(key)
        self.memo[memo_key] = node
        self.order.append(node)
        package = self.graph.packages[key]
        kids = self.kids[key]
        below = self.child_scope(scope, kids)
        carried: dict[str, _Provider] = {}
        for alias in kids:
            child_key = kids[alias]
            if self.graph.packages[child_key].importer is not None:
                node.links[alias] = child_key
                continue
            child = self.visit(child_key, below, resolving)
            self.settle(below, alias, child)
            node.children[alias] = child
            for name, provider in child.resolved.items():
                if name not in kids:
                    carried[name] = provider
            _merge_missing(node.missing, child.missing)
            node.found_below.update(child.found_below)
        for name, (spec, optional) in self.own_peers[key].items():
            provider = below.get(name)
            if provider is None:
                # Only peerDependencies count as missing while pnpm resolves (getMissingPeers).
                if name in self.declared_peers[key]:
                    _merge_missing(node.missing, {name: ([spec], optional)})
            else:
                node.peers[name] = provider
                carried[name] = provider
                if not provider.top and name in self.declared_peers[key]:
                    node.found_below[name] = provider.key
        carried.pop(package.name, None)
        node.resolved = carried
        return node

    def visit_importer(self, importer: LogicalPackage, base: dict[str, _Provider], extra: dict[str, str]) -> _Node:
        """The importer's direct dependencies as a node; ``extra`` are auto-installed peers (in scope,
        not linked)."""
        scope = self.child_scope(base, {**extra, **importer.dependencies}, top=True)
        node = _Node(importer.key)
        resolving: set[int] = set()
        for alias, key in importer.dependencies.items():
            if self.graph.packages[key].importer is not None:
                node.links[alias] = key
                continue
            child = self.visit(key, scope, resolving)
            self.settle(scope, alias, child)
            node.children[alias] = child
            _merge_missing(node.missing, child.missing)
            node.found_below.update(child.found_below)
        for name in extra:
            provider = scope.get(name)
            if provider is not None:
                self.provider_node(provider, resolving)
        return node

    # -- dep paths ------------------------------------------------------------------------------

    def reaches(self, start: _Node, target: _Node) -> bool:
        """Whether ``start``'s resolved peers lead back to ``target`` (a cycle of peers)."""
        seen = {id(start)}
        pending = [start]
        while pending:
            current = pending.pop()
            for provider in current.resolved.values():
                peer = provider.node
                if peer is None or id(peer) in seen:
                    continue
                if peer is target:
                    return True
                seen.add(id(peer))
                pending.append(peer)
        return False

    def dep_path(self, node: _Node, active: set[int]) -> str:
        if node.dep_path is not None:
            return node.dep_path
        if not node.resolved:
            node.dep_path = node.key
            return node.key
        active.add(id(node))
        ids = []
        for name, provider in node.resolved.items():
            peer = provider.node or self.provider_node(provider, set())
            if provider.scope is None:
                ids.append(f"{name}@{_filenamify(provider.key)}")
            elif peer is None or id(peer) in active or self.reaches(peer, node):
                ids.append(self.graph.packages[provider.key].key)  # a cycle of peers: name@version
            else:
                ids.append(self.dep_path(peer, active))
        active.discard(id(node))
        node.dep_path = node.key + _peers_suffix(ids)
        return node.dep_path


def _merge_missing(into: dict[str, tuple[list[str], bool]], more: dict[str, tuple[list[str], bool]]) -> None:
    for name, (ranges, optional) in more.items():
        if name in into:
            known, was_optional = into[name]
            into[name] = ([*known, *(item for item in ranges if item not in known)], was_optional and optional)
        else:
            into[name] = (list(ranges), optional)


def _filenamify(path: str) -> str:
    return re.sub(r'[<>:"/\\|?*]', "+", path)


def _peers_suffix(ids: list[str]) -> str:
    """createPeerDepGraphHash."""
    text = ")(".join(sorted(ids))
    if len(text) > PEERS_SUFFIX_MAX_LENGTH:
        text = hashlib.sha256(text.encode()).hexdigest()[:32]
    return f"({text})"


def compare_versions(left: str, right: str) -> int:
    import nodesemver  # imported by the first comparison: its import compiles dozens of patterns

    try:
        return int(nodesemver.compare(left, right, loose=True))
    except (ValueError, TypeError):
        return (left > right) - (left < right)


def _auto_installed_peer(graph: LogicalGraph, name: str, ranges: list[str], root: LogicalPackage | None) -> str | None:
    """The package pnpm installs for a required peer that no scope provides (hoistPeers)."""
    if root is not None and name in root.dependencies:
        return root.dependencies[name]
    candidates = [package for package in graph.packages.values() if package.name == name and package.importer is None]
    fitting = [package for package in candidates if all(satisfies(package.version, spec) for spec in ranges)]
    pool = fitting or candidates
    if not pool:
        return None
    return max(pool, key=cmp_to_key(lambda a, b: compare_versions(a.version, b.version))).key


def _optional_peer(graph: LogicalGraph, name: str, ranges: list[str]) -> str | None:
    """An optional peer nobody provides is installed for the importer when the graph already has a
    version that satisfies every range asking for it (getHoistableOptionalPeers)."""
    fitting = [
        package
        for package in graph.packages.values()
        if package.name == name
        and package.importer is None
        and all(satisfies(package.version, spec) for spec in ranges)
    ]
    if not fitting:
        return None
    return max(fitting, key=cmp_to_key(lambda a, b: compare_versions(a.version, b.version))).key


def _walk(nodes: list[_Node]) -> Iterator[_Node]:
    seen: set[int] = set()
    pending = list(nodes)
    while pending:
        following: list[_Node] = []
        for node in pending:
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            following.extend(node.children.values())
            following.extend(provider.node for provider in node.peers.values() if provider.node is not None)
        pending = following


def resolve_peer_variants(
    graph: LogicalGraph,
    *,
    dedupe_peer_dependents: bool = True,
    package_extensions: Mapping[str, Mapping[str, Any]] | None = None,
    pnpm_major: int = 10,
) -> PeerVariants:
    resolver = _Resolver(graph, package_extensions or {})
    importers = graph.importers()
    root = next((item for item in importers if item.importer == "."), None)
    base: dict[str, _Provider] = {}
    if root is not None and len(importers) > 1:  # resolve-peers-from-workspace-root
        base = resolver.child_scope({}, root.dependencies, top=True)
    tops: dict[str, _Node] = {}
    for importer in importers:
        extra: dict[str, str] = {}
        for _round in range(8):
            top = resolver.visit_importer(importer, base, extra)
            required = {name: ranges for name, (ranges, optional) in top.missing.items() if not optional}
            optional_peers = {name: ranges for name, (ranges, optional) in top.missing.items() if optional}
            wanted = {
                name: key
                for name, key in top.found_below.items()
                if name not in importer.dependencies and name not in required and name not in extra
            }
            for name, ranges in sorted(required.items()):
                key = _auto_installed_peer(graph, name, ranges, root)
                if key is not None and name not in extra:
                    wanted[name] = key
            for name, ranges in sorted(optional_peers.items()):
                key = _optional_peer(graph, name, ranges)
                if key is not None and name not in extra and name not in wanted:
                    wanted[name] = key
            if not wanted:
                break
            extra.update(wanted)
        tops[importer.key] = top
    active: set[int] = set()
    variants: dict[str, Variant] = {}
    for node in _walk(list(tops.values())):
        if node.key in tops:
            continue
        dep_path = resolver.dep_path(node, active)
        if dep_path in variants:
            continue
        children = {alias: resolver.dep_path(child, active) for alias, child in node.children.items()}
        links = dict(node.links)
        for alias, provider in node.peers.items():
            if provider.scope is None:
                links[alias] = provider.key  # a workspace package
            elif provider.node is not None:
                children[alias] = resolver.dep_path(provider.node, active)
        variants[dep_path] = Variant(dep_path, node.key, children, links, frozenset(node.resolved))
    importer_deps = {
        key: {alias: resolver.dep_path(child, active) for alias, child in top.children.items()}
        for key, top in tops.items()
    }
    if dedupe_peer_dependents:
        _dedupe_peer_dependents(variants, importer_deps)
        if pnpm_major >= _DEDUPED_PEERS_CARRIED:
            _carry_deduped_peers(variants, importer_deps)
    return _reachable(variants, importer_deps, {key: dict(top.links) for key, top in tops.items()})


def _deps_count(variant: Variant) -> int:
    return len(variant.children) + len(variant.resolved_peer_names)


def _compatible(bigger: Variant, smaller: Variant) -> bool:
    """isCompatibleAndHasMoreDeps."""
    if _deps_count(bigger) < _deps_count(smaller):
        return False
    if not set(smaller.children.values()) <= set(bigger.children.values()):
        return False
    return smaller.resolved_peer_names <= bigger.resolved_peer_names


def _dedupe_round(variants: dict[str, Variant], groups: list[list[str]]) -> tuple[dict[str, str], list[list[str]]]:
    """deduplicateDepPaths: the replacements of one round and the groups still duplicated."""
    replaced: dict[str, str] = {}
    remaining: list[list[str]] = []
    for group in groups:
        unresolved = dict.fromkeys(group)
        current = sorted(group, key=lambda item: _deps_count(variants[item]))
        while current:
            first = current.pop()
            following: list[str] = []
            while current:
                other = current.pop()
                if _compatible(variants[first], variants[other]):
                    replaced[other] = first
                    unresolved.pop(first, None)
                    unresolved.pop(other, None)
                else:
                    following.append(other)
            current = sorted(following, key=lambda item: _deps_count(variants[item]))
        if unresolved:
            remaining.append(list(unresolved))
    return replaced, remaining


def _dedupe_peer_dependents(variants: dict[str, Variant], importers: dict[str, dict[str, str]]) -> None:
    """deduplicateAll, as pnpm does it: children are repointed only in a round that settled a whole
    group; the importers' dependencies take every replacement."""
    by_key: dict[str, list[str]] = {}
    for dep_path, variant in variants.items():
        by_key.setdefault(variant.key, []).append(dep_path)
    groups = [group for group in by_key.values() if len(group) > 1]
    mapping: dict[str, str] = {}
    while groups:
        replaced, remaining = _dedupe_round(variants, groups)
        mapping.update(replaced)
        if len(remaining) == len(groups):
            break
        for variant in variants.values():
            for alias, target in variant.children.items():
                if target in replaced:
                    variant.children[alias] = replaced[target]
        if not replaced:
            break
        groups = remaining
    for deps in importers.values():
        for alias, target in deps.items():
            deps[alias] = mapping.get(target, target)


# the first pnpm major whose dep paths carry the peers a deduplicated dependency brings
_DEDUPED_PEERS_CARRIED = 11


def _suffix_ids(variant: Variant) -> list[str] | None:
    """The peer ids in a variant's dep path suffix (``a@1(b@2)(c@3)`` -> ``["b@2", "c@3"]``); None
    when the suffix is a hash (too long to rebuild)."""
    suffix = variant.dep_path[len(variant.key) :]
    ids: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(suffix):
        if char == "(":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                ids.append(suffix[start:index])
    if len(ids) == 1 and re.fullmatch(r"[0-9a-f]{32}", ids[0]):
        return None
    return ids


def _peer_target(variants: dict[str, Variant], dep_path: str, name: str, seen: set[str]) -> str | None:
    """The dep path a variant's resolved peer ``name`` leads to: its own child, or a child's."""
    variant = variants.get(dep_path)
    if variant is None or dep_path in seen:
        return None
    seen.add(dep_path)
    if name in variant.children:
        return variant.children[name]
    for child in variant.children.values():
        if name in getattr(variants.get(child), "resolved_peer_names", frozenset()):
            found = _peer_target(variants, child, name, seen)
            if found is not None:
                return found
    return None


def _carry_deduped_peers(variants: dict[str, Variant], importers: dict[str, dict[str, str]]) -> None:
    """pnpm 11 and later: a variant whose (deduplicated) dependencies resolve peers it neither
    depends on nor already carries takes them into its dep path; its dependents are pointed at the
    renamed variant, and carry them in turn where they do not provide them."""
    for _round in range(len(variants) + 1):
        renamed: dict[str, str] = {}
        for dep_path, variant in list(variants.items()):
            carried: dict[str, str] = {}
            for child in variant.children.values():
                for name in sorted(getattr(variants.get(child), "resolved_peer_names", frozenset())):
                    if name in variant.children or name in variant.resolved_peer_names or name in variant.links:
                        continue
                    if name == variant.key.rpartition("@")[0] or name in carried:
                        continue
                    target = _peer_target(variants, child, name, set())
                    if target is not None:
                        carried[name] = target
            ids = _suffix_ids(variant) if carried else None
            if not carried or ids is None:
                continue
            new_path = variant.key + _peers_suffix([*ids, *carried.values()])
            if new_path == dep_path or new_path in variants:
                continue
            renamed[dep_path] = new_path
            variants[new_path] = Variant(
                new_path, variant.key, variant.children, variant.links, variant.resolved_peer_names | set(carried)
            )
            del variants[dep_path]
        if not renamed:
            return
        for variant in variants.values():
            for alias, target in variant.children.items():
                variant.children[alias] = renamed.get(target, target)
        for deps in importers.values():
            for alias, target in deps.items():
                deps[alias] = renamed.get(target, target)


def _reachable(
    variants: dict[str, Variant], importers: dict[str, dict[str, str]], links: dict[str, dict[str, str]]
) -> PeerVariants:
    kept: dict[str, Variant] = {}
    pending = [target for deps in importers.values() for target in deps.values()]
    while pending:
        dep_path = pending.pop()
        if dep_path in kept or dep_path not in variants:
            continue
        kept[dep_path] = variants[dep_path]
        pending.extend(variants[dep_path].children.values())
    ordered = {dep_path: variant for dep_path, variant in variants.items() if dep_path in kept}
    return PeerVariants(ordered, importers, links)
