"""The hoisting algorithm of yarn's ``@yarnpkg/nm`` package (packages/yarnpkg-nm/sources/hoist.ts), shared
by yarn 4's ``nodeLinker: node-modules`` (yarn_berry.py) and pnpm's ``node-linker=hoisted``
(pnpm_hoisted.py: pkg-manager/real-hoist runs the same hoister, @yarnpkg/nm 4.0.5 in pnpm 10).

Written from the algorithm's description in its source, step for step, because the placements and
every tie-break follow from its exact order of work:

- the input is a graph of ``HoistNode``: one node per (alias, locator) reached from the root, shared
  by all its dependents; the caller builds it with ``link``, which marks a node reached a second time
  *coupled*; a coupled node is cloned (*decoupled*) before its dependencies change under one parent;
- for each folder, from the root down, the candidates for each name are ranked: the folder's own
  dependency first, then higher ``priority``, then more distinct dependents (stable, so the first
  met in a depth-first walk wins a tie); only the top-ranked one may move up, and when a name stays
  unhoisted the next-ranked one is tried;
- a dependency moves up to the folder when it is no workspace nor self reference nor the folder's
  peer, no folder between them holds another version of the name, no package below already relies
  on another version of it at that folder, and its peers stay the ones its parent sees (a node
  whose peer is its sibling waits for that sibling: both go or stay); a ``border`` node keeps its
  dependencies;
- rounds repeat until nothing moves.

What a caller does with the result (folders, links, state files) stays in the caller.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Generic, TypeVar

__all__ = ["HoistNode", "deep_recursion", "hoist", "link"]

T = TypeVar("T")


@dataclass(eq=False, slots=True)
class HoistNode(Generic[T]):
    """One node of the hoister's graph (and, once hoisted, one folder: ``deps`` go into its
    node_modules). ``name`` is the folder name (the alias), ``ident`` the package without its peer
    context (equal idents are the same package's files), ``locator`` the package with it (yarn's
    virtual locators; the ident where there are no peers), ``data`` what the caller maps it back to."""

    name: str
    ident: str
    locator: str
    data: T
    peer_names: set[str] = field(default_factory=set)
    workspace: bool = False
    priority: int = 0
    border: bool = False
    decoupled: bool = True
    deps: dict[str, HoistNode[T]] = field(default_factory=dict)
    original: dict[str, HoistNode[T]] = field(default_factory=dict)
    hoisted: dict[str, HoistNode[T]] = field(default_factory=dict)
    references: set[str] = field(default_factory=set)

    @property
    def aliased(self) -> str:
        return f"{self.name}@{self.locator}"

    def regular(self) -> Iterator[HoistNode[T]]:
        """The dependencies that are not peers."""
        if not self.peer_names:
            return iter(self.deps.values())
        return (dep for name, dep in self.deps.items() if name not in self.peer_names)


_Node = HoistNode[Any]


def link(parent: HoistNode[T], node: HoistNode[T], seen: bool) -> None:
    """cloneTree's step: the parent's dependency of that name is this node; a node reached a
    second time (``seen``) is shared, so it and what it requires are marked coupled."""
    parent.deps[node.name] = node
    parent.original[node.name] = node
    if not seen:
        return
    marked: set[int] = set()
    pending = [node]
    while pending:
        item = pending.pop()
        if id(item) in marked:
            continue
        marked.add(id(item))
        item.decoupled = False
        pending.extend(item.regular())


@contextmanager
def deep_recursion(limit: int) -> Iterator[None]:
    """The hoister walks the dependency graph recursively, as yarn's does (the order of its work
    decides placements); deep graphs need a deeper stack than Python's default."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def hoist(tree: HoistNode[T]) -> None:
    """Hoist in place: ``tree`` is the root (a border); afterwards each node's ``deps`` are what its
    node_modules holds (a node met again on its own path stands for a link back, not a copy)."""
    with deep_recursion(20_000):
        _Hoister(tree).run()


class _Hoist(IntEnum):
    YES = 0
    NO = 1
    DEPENDS = 2


@dataclass(slots=True)
class _Verdict:
    hoist: _Hoist
    depends_on: list[_Node] = field(default_factory=list)


@dataclass(slots=True)
class _Preference:
    dependents: set[str] = field(default_factory=set)
    peer_dependents: set[str] = field(default_factory=set)
    priority: int = 0


def _decouple(parent: _Node, node: _Node) -> _Node:
    """A private copy of ``node`` under ``parent`` before anything is hoisted out of it (other
    dependents of the shared node keep theirs)."""
    if node.decoupled:
        return node
    clone = HoistNode(
        node.name,
        node.ident,
        node.locator,
        node.data,
        set(node.peer_names),
        node.workspace,
        node.priority,
        node.border,
        True,
        dict(node.deps),
        dict(node.original),
        dict(node.hoisted),
        set(node.references),
    )
    itself = clone.deps.get(clone.name)
    if itself is not None and itself.ident == clone.ident:
        clone.deps[clone.name] = clone
    parent.deps[clone.name] = clone
    return clone


def _sorted_regular(node: _Node) -> list[_Node]:
    """The node's own (non-peer) dependencies, each after the siblings it peer-depends on."""
    regular = list(node.regular())
    if not any(dep.peer_names for dep in regular):
        return regular  # nothing to reorder (always so in pnpm's graphs, which have no peers)
    result: dict[int, _Node] = {}

    def add(dep: _Node, seen: set[int]) -> None:
        if id(dep) in seen:
            return
        seen.add(id(dep))
        for peer in dep.peer_names:
            if peer in node.peer_names:
                continue
            sibling = node.deps.get(peer)
            if sibling is not None and id(sibling) not in result:
                add(sibling, seen)
        result.setdefault(id(dep), dep)

    for dep in regular:
        add(dep, set())
    return list(result.values())


def _preferences(root: _Node) -> dict[str, _Preference]:
    """For every alias@ident reachable from ``root``: who depends on it (the popularity yarn ranks by)."""
    found: dict[str, _Preference] = {}
    seen = {id(root)}

    def entry(node: _Node) -> _Preference:
        return found.setdefault(f"{node.name}@{node.ident}", _Preference())

    def add(dependent: _Node, node: _Node) -> None:
        entry(node).dependents.add(dependent.ident)
        if id(node) in seen:
            return
        seen.add(id(node))
        for dep in list(node.deps.values()):
            item = entry(dep)
            item.priority = max(item.priority, dep.priority)
            if dep.name in node.peer_names:
                item.peer_dependents.add(node.ident)
            else:
                add(node, dep)

    for dep in list(root.regular()):
        add(root, dep)
    return found


def _candidates(root: _Node, preferences: dict[str, _Preference]) -> dict[str, list[str]]:
    """name -> idents in the order the hoister tries them for ``root``."""
    ranked: dict[str, list[str]] = {root.name: [root.ident]}
    for dep in root.regular():
        ranked[dep.name] = [dep.ident]
    order = sorted(
        preferences,
        key=lambda key: (
            -preferences[key].priority,
            -(len(preferences[key].dependents) + len(preferences[key].peer_dependents)),
        ),
    )
    for key in order:
        name = key[: key.index("@", 1)]
        ident = key[len(name) + 1 :]
        if name in root.peer_names:
            continue
        idents = ranked.setdefault(name, [])
        if ident not in idents:
            idents.append(ident)
    return ranked


def _used_first_round(path: list[_Node]) -> dict[str, _Node]:
    used: dict[str, _Node] = {}
    seen: set[int] = set()

    def visit(node: _Node) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        for dep in node.hoisted.values():
            used[dep.name] = dep
        for dep in list(node.regular()):
            visit(dep)

    visit(path[-1])
    return used


def _used_later_rounds(path: list[_Node]) -> dict[str, _Node]:
    used: dict[str, _Node] = {}
    seen: set[int] = set()

    def visit(node: _Node, hidden: set[str]) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        for dep in node.hoisted.values():
            if dep.name in hidden:
                continue
            for ancestor in path:
                reachable = ancestor.deps.get(dep.name)
                if reachable is not None:
                    used[reachable.name] = reachable
        names = set(node.deps)
        for dep in list(node.regular()):
            visit(dep, names)

    visit(path[-1], set())
    return used


@dataclass(slots=True)
class _Round:
    another_round: bool = False
    changed: bool = False


class _Hoister:
    def __init__(self, tree: _Node) -> None:
        self.tree = tree
        self.fast = True

    def run(self) -> None:
        while True:
            result = self.hoist_to([self.tree], {self.tree.locator}, {})
            self.fast = False
            if not (result.another_round or result.changed):
                return

    def hoist_to(self, path: list[_Node], locators: set[str], parent_shadowed: dict[int, set[str]]) -> _Round:
        root = path[-1]
        ranked = _candidates(root, _preferences(root))
        if self.tree is root:
            used: dict[str, _Node] = {}
        else:
            used = _used_first_round(path) if self.fast else _used_later_rounds(path)
        chosen = {name: idents[0] for name, idents in ranked.items()}
        shadowed: dict[int, set[str]] = {}
        outcome = _Round()
        while True:
            step = self.hoist_graph(path, used, chosen, parent_shadowed, shadowed)
            outcome.changed |= step.changed
            outcome.another_round |= step.another_round
            moved = False
            for name, idents in ranked.items():
                if len(idents) > 1 and name not in root.deps:
                    idents.pop(0)
                    chosen.pop(name, None)
                    chosen[name] = idents[0]
                    moved = True
            if not moved:
                break
        for dep in list(root.deps.values()):
            if dep.name in root.peer_names or dep.locator in locators:
                continue
            locators.add(dep.locator)
            step = self.hoist_to([*path, dep], locators, shadowed)
            outcome.changed |= step.changed
            outcome.another_round |= step.another_round
            locators.discard(dep.locator)
        return outcome

    def verdict(
        self,
        root: _Node,
        node_path: list[_Node],
        node: _Node,
        used: dict[str, _Node],
        chosen: dict[str, str],
        shadowed: dict[int, set[str]],
    ) -> _Verdict:
        parent = node_path[-1]
        depends: list[_Node] | None = []
        ok = node.ident != parent.ident and not node.workspace and node.name not in root.peer_names
        if ok:
            holder = used.get(node.name)
            ok = holder is None or holder.ident == node.ident
            if ok:
                for index in range(len(node_path) - 1, 0, -1):
                    other = node_path[index].deps.get(node.name)
                    if other is not None and other.ident != node.ident:
                        ok = False
                        shadowed.setdefault(id(parent), set()).add(node.name)
                        break
        if ok:
            ok = chosen.get(node.name) == node.ident
        if ok:
            unchecked = set(node.peer_names)
            for index in range(len(node_path) - 1, 0, -1):
                ancestor = node_path[index]
                for peer in sorted(unchecked):
                    if peer in ancestor.peer_names and peer in ancestor.original:
                        continue
                    provider = ancestor.deps.get(peer)
                    if provider is not None and root.deps.get(peer) is not provider:
                        if index == len(node_path) - 1:
                            if depends is not None:
                                depends.append(provider)
                        else:
                            depends = None
                            ok = False
                    unchecked.discard(peer)
                if not ok:
                    break
        if ok and not self.fast:
            for dep in node.hoisted.values():
                available = used.get(dep.name) or root.deps.get(dep.name)
                if available is None or available.ident != dep.ident:
                    ok = False
                    break
        if depends:
            return _Verdict(_Hoist.DEPENDS, depends)
        return _Verdict(_Hoist.YES if ok else _Hoist.NO)

    def hoist_graph(
        self,
        path: list[_Node],
        used: dict[str, _Node],
        chosen: dict[str, str],
        parent_shadowed: dict[int, set[str]],
        shadowed: dict[int, set[str]],
    ) -> _Round:
        """Hoist into ``path[-1]`` everything below it that may go there, walking down from its
        dependencies; a node that stays is searched in turn (after being decoupled)."""
        root = path[-1]
        busy: set[int] = set()
        outcome = _Round()
        next_new: dict[int, _Node] = {}

        def hoist_from(node_path: list[_Node], aliased_path: list[str], parent: _Node) -> None:
            if id(parent) in busy:
                return
            next_aliased = [*aliased_path, parent.aliased]
            dependants: dict[str, set[str]] = {}
            verdicts: dict[int, tuple[_Node, _Verdict]] = {}
            for dep in _sorted_regular(parent):
                verdict = self.verdict(root, [root, *node_path, parent], dep, used, chosen, shadowed)
                verdicts[id(dep)] = (dep, verdict)
                if verdict.hoist is _Hoist.DEPENDS:
                    for provider in verdict.depends_on:
                        dependants.setdefault(provider.name, set()).add(dep.name)
            stuck: set[int] = set()

            def refuse(node: _Node) -> None:
                if id(node) in stuck:
                    return
                stuck.add(id(node))
                verdicts[id(node)] = (node, _Verdict(_Hoist.NO))
                for name in sorted(dependants.get(node.name, ())):
                    refuse(parent.deps[name])

            for dep, _verdict in list(verdicts.values()):
                if verdicts[id(dep)][1].hoist is _Hoist.NO:
                    refuse(dep)
            for dep, _verdict in list(verdicts.values()):
                if id(dep) in stuck:
                    continue
                outcome.changed = True
                if dep.name in parent_shadowed.get(id(parent), ()):
                    outcome.another_round = True
                parent.deps.pop(dep.name, None)
                parent.hoisted[dep.name] = dep
                existing = root.deps.get(dep.name)
                if existing is None:
                    if root.ident != dep.ident:
                        root.deps[dep.name] = dep
                        next_new[id(dep)] = dep
                else:
                    existing.references |= dep.references
            for dep in _sorted_regular(parent):
                if id(dep) not in stuck or dep.border or dep.aliased in next_aliased:
                    continue
                busy.add(id(parent))
                hoist_from([*node_path, parent], next_aliased, _decouple(parent, dep))
                busy.discard(id(parent))

        aliased_root = [node.aliased for node in path]
        next_new = {id(dep): dep for dep in _sorted_regular(root)}
        while next_new:
            current = list(next_new.values())
            next_new = {}
            for dep in current:
                if dep.locator == root.locator or dep.border:
                    continue
                hoist_from([], aliased_root, _decouple(root, dep))
        return outcome
