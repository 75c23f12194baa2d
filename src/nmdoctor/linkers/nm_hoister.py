"""The hoisting algorithm of yarn's ``@yarnpkg/nm`` package (lib/hoist.ts), which pnpm's
``node-linker=hoisted`` also runs (pkg-manager/real-hoist, @yarnpkg/nm 4.0.5 in pnpm 10).

Written from the algorithm's description in its source, step for step, because the placements and
every tie-break follow from its exact order of work:

- the input is a graph: one node per (alias, package) reached from the root, shared by all its
  dependents; a node reached a second time is *coupled* and is cloned (*decoupled*) before its
  dependencies are changed under one parent;
- for each folder, from the root down, the candidates for each name are ranked: the folder's own
  dependency first, then the others by how many distinct packages depend on them (stable, so the
  first met in a depth-first walk wins a tie); only the top-ranked one may move up, and when a name
  stays unhoisted the next-ranked one is tried;
- a dependency moves up to the folder when no folder between them holds another version of the
  name and no package below already relies on another version of it at that folder;
- rounds repeat until nothing moves.

Peer dependencies are not modelled (pnpm passes none: with its default ``auto-install-peers`` every
peer is an ordinary dependency in the lockfile), nor are hoisting limits, hoist priorities,
external soft links, or the debug and self-check modes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["HoistedNode", "SourceNode", "hoist"]


@dataclass(eq=False, slots=True)
class SourceNode:
    """One node of the input graph: ``name`` is the alias it is installed under, ``ident`` the
    package (equal idents are the same package), ``key`` what the caller maps it back to."""

    name: str
    ident: str
    key: str | None
    workspace: bool = False
    dependencies: list[SourceNode] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class HoistedNode:
    """One folder of the result: ``dependencies`` go into its node_modules."""

    name: str
    ident: str
    key: str | None
    workspace: bool
    dependencies: list[HoistedNode] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class _Node:
    name: str
    ident: str
    key: str | None
    workspace: bool
    dependencies: dict[str, _Node] = field(default_factory=dict)
    original: dict[str, _Node] = field(default_factory=dict)
    hoisted: dict[str, _Node] = field(default_factory=dict)
    decoupled: bool = True
    border: bool = False

    @property
    def aliased(self) -> tuple[str, str]:
        return (self.name, self.ident)


@contextmanager
def _deep_recursion(limit: int) -> Iterator[None]:
    """The walks below recurse as deep as the dependency graph; the order of their work decides
    placements, so they stay recursive."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def hoist(root: SourceNode) -> HoistedNode:
    with _deep_recursion(20_000):
        tree = _clone(root)
        fast_lookup = True
        while True:
            changed, another_round = _hoist_to(tree, [tree], {tree.ident}, {}, fast_lookup)
            fast_lookup = False
            if not (changed or another_round):
                break
        return _shrink(tree)


def _clone(root: SourceNode) -> _Node:
    """The working copy: one node per input node; nodes met twice are marked coupled."""
    top = _Node(root.name, root.ident, root.key, True, border=True)
    copies: dict[int, _Node] = {id(root): top}

    def mark_coupled(node: _Node, seen: set[int]) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        node.decoupled = False
        for dependency in node.dependencies.values():
            mark_coupled(dependency, seen)

    def add(source: SourceNode, parent: _Node) -> None:
        work = copies.get(id(source))
        seen_before = work is not None
        if work is None:
            work = _Node(source.name, source.ident, source.key, source.workspace)
            copies[id(source)] = work
        parent.dependencies[source.name] = work
        parent.original[source.name] = work
        if not seen_before:
            for dependency in source.dependencies:
                add(dependency, work)
        else:
            mark_coupled(work, set())

    for dependency in root.dependencies:
        add(dependency, top)
    return top


def _decouple(parent: _Node, node: _Node) -> _Node:
    """A copy of ``node`` that only ``parent`` uses, put in its place."""
    if node.decoupled:
        return node
    copy = _Node(node.name, node.ident, node.key, node.workspace, border=node.border)
    copy.dependencies = dict(node.dependencies)
    copy.original = dict(node.original)
    copy.hoisted = dict(node.hoisted)
    own = copy.dependencies.get(node.name)
    if own is not None and own.ident == copy.ident:
        copy.dependencies[node.name] = copy
    parent.dependencies[copy.name] = copy
    return copy


def _preference_order(root: _Node) -> list[tuple[str, str]]:
    """(name, ident) of every node below ``root``, by how many distinct packages depend on it
    (most first), ties in the order a depth-first walk first meets them."""
    dependents: dict[tuple[str, str], set[str]] = {}
    seen = {id(root)}

    def add_dependent(dependent: _Node, node: _Node) -> None:
        dependents.setdefault(node.aliased, set()).add(dependent.ident)
        if id(node) in seen:
            return
        seen.add(id(node))
        for dependency in node.dependencies.values():
            dependents.setdefault(dependency.aliased, set())
            add_dependent(node, dependency)

    for dependency in root.dependencies.values():
        add_dependent(root, dependency)
    return sorted(dependents, key=lambda item: -len(dependents[item]))


def _candidates(root: _Node) -> dict[str, list[str]]:
    """name -> the idents that may take the name in ``root``'s node_modules, best first."""
    ranked: dict[str, list[str]] = {root.name: [root.ident]}
    for dependency in root.dependencies.values():
        ranked[dependency.name] = [dependency.ident]
    for name, ident in _preference_order(root):
        idents = ranked.setdefault(name, [])
        if ident not in idents:
            idents.append(ident)
    return ranked


def _used_first_round(path: Sequence[_Node]) -> dict[str, _Node]:
    """Names that packages below the folder already had hoisted away (first round: a quick
    approximation, as the algorithm does)."""
    used: dict[str, _Node] = {}
    seen: set[int] = set()

    def visit(node: _Node) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        for dependency in node.hoisted.values():
            used[dependency.name] = dependency
        for dependency in node.dependencies.values():
            visit(dependency)

    visit(path[-1])
    return used


def _used(path: Sequence[_Node]) -> dict[str, _Node]:
    """What each name hoisted away from a package below the folder resolves to along ``path``."""
    used: dict[str, _Node] = {}
    seen: set[int] = set()

    def visit(node: _Node, hidden: set[str]) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        for dependency in node.hoisted.values():
            if dependency.name in hidden:
                continue
            for ancestor in path:
                reachable = ancestor.dependencies.get(dependency.name)
                if reachable is not None:
                    used[reachable.name] = reachable
        below = set(node.dependencies)
        for dependency in node.dependencies.values():
            visit(dependency, below)

    visit(path[-1], set())
    return used


def _hoist_to(
    tree: _Node,
    path: list[_Node],
    path_idents: set[str],
    parent_shadowed: dict[int, set[str]],
    fast_lookup: bool,
) -> tuple[bool, bool]:
    """Hoist everything below ``path[-1]`` into it, then do the same for each of its dependencies.
    Returns (the graph changed, another round is needed)."""
    root = path[-1]
    ranked = _candidates(root)
    if tree is root:
        used: dict[str, _Node] = {}
    else:
        used = _used_first_round(path) if fast_lookup else _used(path)
    chosen = {name: idents[0] for name, idents in ranked.items()}
    shadowed: dict[int, set[str]] = {}
    changed = another_round = False
    while True:
        graph_changed, again = _hoist_graph(path, used, chosen, parent_shadowed, shadowed, fast_lookup)
        changed |= graph_changed
        another_round |= again
        retried = False
        for name, idents in ranked.items():
            if len(idents) > 1 and name not in root.dependencies:
                idents.pop(0)
                chosen[name] = idents[0]
                retried = True
        if not retried:
            break
    for dependency in list(root.dependencies.values()):
        if dependency.ident in path_idents:
            continue
        path_idents.add(dependency.ident)
        graph_changed, again = _hoist_to(tree, [*path, dependency], path_idents, shadowed, fast_lookup)
        changed |= graph_changed
        another_round |= again
        path_idents.discard(dependency.ident)
    return changed, another_round


def _hoistable(
    root: _Node,
    node_path: Sequence[_Node],
    node: _Node,
    used: dict[str, _Node],
    chosen: dict[str, str],
    shadowed: dict[int, set[str]],
    fast_lookup: bool,
) -> bool:
    parent = node_path[-1]
    if node.ident == parent.ident or node.workspace:
        return False  # a package's dependency on itself, or a workspace
    taken = used.get(node.name)
    if taken is not None and taken.ident != node.ident:
        return False  # a package below already relies on another version there
    for between in reversed(node_path[1:]):
        found = between.dependencies.get(node.name)
        if found is not None and found.ident != node.ident:
            shadowed.setdefault(id(parent), set()).add(node.name)
            return False  # another version sits between the folder and the dependent
    if chosen.get(node.name) != node.ident:
        return False  # another version is preferred for the name
    if not fast_lookup:
        for dependency in node.hoisted.values():
            available = used.get(dependency.name) or root.dependencies.get(dependency.name)
            if available is None or available.ident != dependency.ident:
                return False  # what it had hoisted away would no longer be found
    return True


def _hoist_graph(
    path: list[_Node],
    used: dict[str, _Node],
    chosen: dict[str, str],
    parent_shadowed: dict[int, set[str]],
    shadowed: dict[int, set[str]],
    fast_lookup: bool,
) -> tuple[bool, bool]:
    root = path[-1]
    busy: set[int] = set()
    changed = another_round = False
    root_aliases = [node.aliased for node in path]

    def hoist_dependencies(
        node_path: list[_Node], aliases: list[tuple[str, str]], parent: _Node, new_nodes: dict[_Node, None]
    ) -> None:
        nonlocal changed, another_round
        if id(parent) in busy:
            return
        next_aliases = [*aliases, parent.aliased]
        full_path = [root, *node_path, parent]
        candidates = list(parent.dependencies.values())
        staying = {
            id(node)
            for node in candidates
            if not _hoistable(root, full_path, node, used, chosen, shadowed, fast_lookup)
        }
        for node in candidates:
            if id(node) in staying:
                continue
            changed = True
            if node.name in parent_shadowed.get(id(parent), ()):
                another_round = True
            del parent.dependencies[node.name]
            parent.hoisted[node.name] = node
            if node.name not in root.dependencies and root.ident != node.ident:
                root.dependencies[node.name] = node
                new_nodes[node] = None
        for node in list(parent.dependencies.values()):
            if id(node) not in staying or node.border or node.aliased in next_aliases:
                continue
            busy.add(id(parent))
            hoist_dependencies([*node_path, parent], next_aliases, _decouple(parent, node), new_nodes)
            busy.discard(id(parent))

    following: dict[_Node, None] = dict.fromkeys(root.dependencies.values())
    while following:
        current, following = following, {}
        for dependency in current:
            if dependency.ident == root.ident or dependency.border:
                continue
            hoist_dependencies([], root_aliases, _decouple(root, dependency), following)
    return changed, another_round


def _shrink(tree: _Node) -> HoistedNode:
    """The folders: each node under its parent; a package met again on its own path is a leaf."""
    top = HoistedNode(tree.name, tree.ident, tree.key, True)
    on_path = {id(tree)}

    def add(node: _Node, parent_work: _Node, parent: HoistedNode) -> None:
        if node is parent_work:
            return  # a package that depends on itself finds itself
        result = HoistedNode(node.name, node.ident, node.key, node.workspace)
        parent.dependencies.append(result)
        if id(node) in on_path:
            return
        on_path.add(id(node))
        for dependency in node.dependencies.values():
            add(dependency, node, result)
        on_path.discard(id(node))

    for dependency in tree.dependencies.values():
        add(dependency, tree, top)
    return top
