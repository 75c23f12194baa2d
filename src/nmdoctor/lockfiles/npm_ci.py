"""What ``npm ci`` leaves out of a package-lock.json (npm 7 to 11, arborist).

``npm ci`` does not copy the lockfile to disk: it builds arborist's ideal tree from it
(``lib/commands/ci.js``: ``arb.buildIdealTree()``), refuses to go on when that tree has a package
the lockfile lacks or at another version (``lib/utils/validate-lockfile.js``), and installs the
tree. A successful ``npm ci`` therefore installs a subset of the lockfile's entries, each at its
locked version; what it drops comes from two places in ``build-ideal-tree.js``:

1. Dedupe sweeps. The ideal tree starts as the lockfile (``loadVirtual``) and every node with a
   missing or invalid edge is queued (``#initTree``: the root, what the root reaches without
   passing a link, and, through ``#resolveLinks``, the workspaces), then ``#buildDepStep``
   re-resolves its ``#problemEdges`` (invalid edges, except optional peers under ``npm ci``). When
   the copy found further up already satisfies the edge, ``PlaceDep`` ends on ``KEEP`` there and
   calls ``pruneDedupable(target)`` (``place-dep.js``), which walks the target's whole subtree
   (its children, and its ``fsChildren``' children: the workspaces' own node_modules, from the
   root) and removes every node whose ``canDedupe()`` holds (``node.js``): the copy one level up
   (its parent's parent's resolution of the name) is the same package, or satisfies every edge
   into it and is of an equal or greater version (not one an override chose); with it go the
   dependencies only it needed (``gatherDepSet``). A stale entry nested under a workspace whose
   declared range the root copy now satisfies is thus dropped, and so is any other dedupable
   copy of the sweep; a stale entry newer than the copy above, or with no satisfying copy above,
   stays as it is (the re-resolved version, placed and found unused, is pruned in step 2; had it
   been used, ``npm ci`` would have failed).
2. ``#fixDepFlags``: ``loadVirtual`` given the root always marks the flags suspect, so every node
   no longer reached from the root and the workspaces (``calc-dep-flags.js``: an optional peer
   edge does not count) is extraneous and pruned (``#idealTreePrune``), lockfile flag or not.

Re-resolving needs the registry, which nmdoctor does not ask: only the sweep a ``KEEP`` settles
is modelled, the one where the next copy up satisfies the edge. Checked with npm 11 on generated
projects (tests/installs/test_npm_ci_prune.py).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.overrides import overrides_from
from nmdoctor.model.specs import satisfies

__all__ = ["npm_ci_leaves_out", "root_overrides"]


def _folder_name(location: str) -> str:
    return location.rpartition("node_modules/")[2]


@dataclass(slots=True)
class _Tree:
    """The lockfile as arborist's ideal tree while it is pruned: which entries are still present."""

    lock: Lockfile
    search: Callable[[str, str], list[str]]  # the locations node searches for a name from a location
    overrides: dict[str, str]
    undecided: frozenset[str]
    present: set[str] = field(default_factory=set)
    out: dict[str, list[LockedEdge]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    fs_children: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    # Resolutions while nothing is removed (cleared by ``remove``): the sweep asks the same ones.
    _found: dict[tuple[str, str], str | None] = field(default_factory=dict)
    _incoming: dict[str, list[LockedEdge]] | None = None

    def __post_init__(self) -> None:
        self.present = set(self.lock.packages)
        for edge in self.lock.edges:
            self.out.setdefault(edge.source, []).append(edge)
            # The reader resolved every edge already: where that is the entry itself (not a link's
            # target), it is what ``find`` answers until something is removed.
            if edge.target is not None and edge.target.endswith("node_modules/" + edge.name):
                self._found[(edge.source, edge.name)] = edge.target
        for key, package in self.lock.packages.items():
            parent = self._resolve_parent(key)
            self.parents[key] = parent
            if parent is None:
                continue
            if "node_modules/" in key:
                self.children.setdefault(parent, []).append(key)
            elif package.link_to is None:
                self.fs_children.setdefault(parent, []).append(key)
        for listing in (*self.children.values(), *self.fs_children.values()):
            listing.sort()

    def _resolve_parent(self, key: str) -> str | None:
        """arborist's ``resolveParent``: the package whose node_modules holds ``key``, else (a
        workspace, a linked folder) the nearest package folder around it (``fsParent``)."""
        if key == "":
            return None
        at = key.rfind("node_modules/")
        folder = key[:at].rstrip("/") if at != -1 else posixpath.dirname(key)
        while folder and (folder not in self.lock.packages or self.lock.packages[folder].link_to is not None):
            folder = posixpath.dirname(folder)
        return folder

    def package(self, key: str) -> LockedPackage:
        return self.lock.packages[key]

    def find(self, location: str, name: str) -> str | None:
        """The present entry node finds for ``name`` from ``location`` (a link itself, not followed)."""
        key = (location, name)
        if key in self._found:
            return self._found[key]
        found = next((item for item in self.search(location, name) if item in self.present), None)
        self._found[key] = found
        return found

    def target(self, edge: LockedEdge) -> str | None:
        """Where ``edge`` resolves now, a link followed to its target."""
        found = self.find(edge.source, edge.name)
        seen = 0
        while found in self.lock.packages and self.package(found).link_to is not None and seen < 32:
            seen += 1
            found = self.package(found).link_to
        return found if found in self.present else None

    def spec(self, edge: LockedEdge) -> str | None:
        """The spec npm judges ``edge`` by: an override of every edge of the name replaces the
        declared one; None when an override applies only somewhere (undecided here)."""
        if edge.name in self.undecided:
            return None
        return self.overrides.get(edge.name, edge.spec)

    def valid(self, edge: LockedEdge, key: str) -> bool | None:
        """Does the entry at ``key`` satisfy ``edge``? None when the spec is not a range (a tag,
        git, a path) or an override leaves it undecided."""
        spec = self.spec(edge)
        package = self.package(key)
        if spec is None or package.link_to is not None or package.is_importer or package.local:
            return None
        return satisfies(package.version, spec)

    def optional_peer(self, edge: LockedEdge) -> bool:
        return edge.kind is DependencyKind.PEER and edge.name in self.package(edge.source).optional_peers

    def edges_in(self, key: str) -> list[LockedEdge]:
        """The present edges that resolve to ``key`` (indexed once per state of the tree)."""
        if self._incoming is None:
            self._incoming = {}
            for edge in self.lock.edges:
                if edge.source in self.present and (to := self.target(edge)) is not None:
                    self._incoming.setdefault(to, []).append(edge)
        return self._incoming.get(key, [])

    def remove(self, keys: Iterable[str]) -> None:
        """Detach entries and everything nested in their node_modules (arborist's ``node.root = null``)."""
        self._found.clear()
        self._incoming = None
        for key in list(keys):
            if key not in self.present:
                continue
            stack = [key]
            while stack:
                current = stack.pop()
                self.present.discard(current)
                stack.extend(child for child in self.children.get(current, ()) if child in self.present)


def _dependencies(tree: _Tree, start: str) -> set[str]:
    """``start`` and everything it reaches through valid edges (the first half of ``gatherDepSet``)."""
    deps = [start]
    found = {start}
    for key in deps:
        for edge in tree.out.get(key, ()):
            to = tree.find(edge.source, edge.name)  # a link has no edges of its own: not followed
            if to is None or to == start or to in found or tree.package(to).link_to is not None:
                continue
            if tree.valid(edge, to) is not False:
                found.add(to)
                deps.append(to)
    return found


def _held_from_outside(tree: _Tree, source: str, start: str) -> bool:
    """Does a chain of valid edges from the root or a workspace reach ``source`` without passing
    ``start``? Then ``source`` is not in ``start``'s dependency set (a quick, usual answer)."""
    seen = {source}
    stack = [source]
    while stack:
        key = stack.pop()
        if tree.package(key).is_importer:
            return True
        for edge in tree.edges_in(key):
            if edge.source not in seen and edge.source != start and tree.valid(edge, key) is not False:
                seen.add(edge.source)
                stack.append(edge.source)
    return False


def _gather_dep_set(tree: _Tree, start: str) -> set[str]:
    """``gather-dep-set.js`` with the filter ``e.to !== start && e.valid``: ``start`` and the
    entries only it (and they) depend on."""
    found = _dependencies(tree, start)
    changed = True
    while changed and found:
        changed = False
        for key in list(found):
            for edge in tree.edges_in(key):
                if edge.source not in found and key != start and tree.valid(edge, key) is not False:
                    found.discard(key)
                    changed = True
                    break
    return found


def _matches(one: LockedPackage, other: LockedPackage) -> bool:
    """arborist's ``Node.matches``: the same integrity, else the same resolved, else name and version."""
    if one.integrity and other.integrity:
        return one.integrity == other.integrity
    if one.resolved and other.resolved:
        return one.resolved == other.resolved
    return bool(one.name and one.version) and (one.name, one.version) == (other.name, other.version)


def _can_dedupe(tree: _Tree, key: str) -> bool:
    """arborist's ``Node.canDedupe()`` (no preferDedupe, no explicit request)."""
    package = tree.package(key)
    if package.in_bundle or package.link_to is not None or package.is_importer:
        return False
    parent = tree.parents.get(key)
    grandparent = tree.parents.get(parent) if parent is not None else None
    if parent is None or grandparent is None:
        return False
    incoming = tree.edges_in(key)
    if not incoming:
        return True
    other_key = tree.find(grandparent, _folder_name(key))
    if other_key is None:
        return False
    other = tree.package(other_key)
    if other.link_to is not None or other.is_importer or other.local:
        return False
    if _matches(other, package):
        return True
    # other.canReplace(this): the same package, satisfying every edge into this one from outside
    # what this one alone brings.
    if other.name != package.name:
        return False
    unmet = [
        edge for edge in incoming if (spec := tree.spec(edge)) is None or satisfies(other.version, spec) is not True
    ]
    if unmet:
        # Only an edge from what this one alone brings may stay unmet. The usual unmet edge comes
        # from a package the root reaches some other way, which settles it without the dependency set.
        if any(_held_from_outside(tree, edge.source, key) for edge in unmet):
            return False
        own = _gather_dep_set(tree, key)
        if any(edge.source not in own for edge in unmet):
            return False
    if other.version == package.version:
        return True
    # ``Node.overridden``: the version is the override's own value (npm compares the two strings).
    overridden = tree.overrides.get(package.name) == package.version or package.name in tree.undecided
    return not overridden and satisfies(other.version, f">{package.version}") is True


def _prune_dedupable(tree: _Tree, key: str) -> None:
    """``PlaceDep.pruneDedupable(node, descend = true)``."""
    if key not in tree.present:
        return
    if _can_dedupe(tree, key):
        tree.remove(_gather_dep_set(tree, key))
        return
    for child in tree.children.get(key, ()):
        _prune_dedupable(tree, child)
    for top in tree.fs_children.get(key, ()):
        if top in tree.present:
            for child in tree.children.get(top, ()):
                _prune_dedupable(tree, child)


def _queued(tree: _Tree) -> list[str]:
    """The nodes ``#initTree`` and ``#resolveLinks`` queue: the root, the workspaces, and what the
    root reaches through its edges without passing a link."""
    queued = [
        "",
        *sorted(
            key
            for key, package in tree.lock.packages.items()
            if key and package.link_to is None and (package.is_importer or package.local)
        ),
    ]
    seen = {""}
    stack = [""]
    while stack:
        key = stack.pop()
        for edge in tree.out.get(key, ()):
            found = tree.find(edge.source, edge.name)
            if found is None or found in seen or tree.package(found).link_to is not None:
                continue
            seen.add(found)
            queued.append(found)
            stack.append(found)
    return list(dict.fromkeys(queued))


def _keep_targets(tree: _Tree) -> list[str]:
    """Where re-resolving an invalid edge ends on ``KEEP``: the edge's next copy up (past the stale
    one it reaches) satisfies it, so npm keeps that copy and sweeps the subtree of its holder."""
    targets: list[str] = []
    for key in _queued(tree):
        for edge in tree.out.get(key, ()):
            if tree.optional_peer(edge):
                continue  # npm ci trusts the lockfile for optional peers (#problemEdges)
            stale = tree.find(edge.source, edge.name)
            if stale is None or tree.package(stale).link_to is not None or tree.package(stale).in_bundle:
                continue
            if stale.startswith("node_modules/") and "/node_modules/" not in stale:
                continue  # the root's own node_modules: nothing above it
            candidates = tree.search(edge.source, edge.name)
            above = next((item for item in candidates[candidates.index(stale) + 1 :] if item in tree.present), None)
            if above is None or tree.package(above).link_to is not None:
                continue  # most edges: nothing above the copy they reach, whatever its version
            if tree.valid(edge, stale) is False and tree.valid(edge, above) is True:
                holder = tree.parents.get(above)
                if holder is not None:
                    targets.append(holder)
    return targets


def _reached(tree: _Tree) -> set[str]:
    """``calcDepFlags``: what the root and the workspaces reach; an optional peer edge does not
    make its target wanted."""
    importers = {key for key, package in tree.lock.packages.items() if package.is_importer}
    # The root has an edge to every workspace (through its link), declared or not.
    links = {key for key, package in tree.lock.packages.items() if package.link_to in importers}
    reached = {key for key in importers | links if key in tree.present}
    stack = list(reached)
    while stack:
        key = stack.pop()
        if tree.package(key).link_to is not None:
            link_to = tree.package(key).link_to
            if link_to in tree.present and link_to not in reached:
                reached.add(link_to)
                stack.append(link_to)
            continue
        for edge in tree.out.get(key, ()):
            if tree.optional_peer(edge):
                continue
            found = tree.find(edge.source, edge.name)
            if found is not None and found not in reached:
                reached.add(found)
                stack.append(found)
    return reached


def npm_ci_leaves_out(
    lock: Lockfile,
    search: Callable[[str, str], list[str]],
    *,
    overrides: dict[str, str] | None = None,
    undecided: frozenset[str] = frozenset(),
) -> set[str]:
    """The keys of ``lock``'s entries a successful ``npm ci`` does not install (module docstring).
    ``search(location, name)``: the locations node looks for ``name`` at from ``location``;
    ``overrides``: the root's overrides of every edge of a name; ``undecided``: names overridden
    only somewhere."""
    tree = _Tree(lock, search, dict(overrides or {}), undecided)
    targets = _keep_targets(tree)
    if targets:
        # The root's sweep covers every other; else each holder's, shallowest first.
        for holder in [""] if "" in targets else sorted(set(targets), key=lambda item: (item.count("/"), item)):
            _prune_dedupable(tree, holder)
    reached = _reached(tree)
    tree.remove(key for key in list(tree.present) if key not in reached)
    return set(lock.packages) - tree.present


def root_overrides(root_manifest: dict[str, Any] | None) -> tuple[dict[str, str], frozenset[str]]:
    """The root's npm ``overrides`` as (name -> spec for every edge of the name, names overridden
    only under a parent or for some versions)."""
    found = overrides_from(root_manifest or {}, manager="npm")
    return dict(found.everywhere), found.somewhere
