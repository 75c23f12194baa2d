"""npm's hoisted layout (arborist, ``install-strategy=hoisted``, the default) for a logical graph.

Arborist places dependencies breadth first (nodes by depth, then by location), each node's
dependencies in name order. For each it walks from the dependent up to the project and keeps the
highest folder where the package can go: a folder that already holds the same version ends the walk
(KEEP), one that holds another version is a conflict (the walk stops below it), and so is one
whose placement would change what a package below it resolves today. Peer dependencies are placed
from the dependent's parent (a peer is never nested under its dependent); arborist's peer sets,
REPLACE and dedupe of an existing tree are not modelled.

The last check ("would a copy here hide another version from a package below?") is answered from
counts kept up to date as packages are placed (``_Node.unresolved``), so planning costs the tree's
size times its depth, not the square of its size.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from nmdoctor.linkers.logical import LogicalGraph
from nmdoctor.linkers.plan import Plan, placed_plan, workspace_links

__all__ = ["PlacedNode", "place_npm_hoisted", "plan_npm_hoisted"]


@dataclass(slots=True, eq=False)
class _Node:
    location: str  # folder relative to the project: "" for the project, "node_modules/a", ...
    key: str
    parent: _Node | None
    name: str = ""  # the folder name in the parent's node_modules ("" for importers)
    depth: int = 0
    children: dict[str, _Node] = field(default_factory=dict)  # name -> node in location/node_modules
    # name -> how many packages below this folder (in its node_modules, recursively) declare the
    # name and find no folder of that name on their way up before reaching this one.
    unresolved: Counter[str] = field(default_factory=Counter)

    @property
    def attached(self) -> bool:
        """In its parent's node_modules (importers are not: the project and the workspaces)."""
        return self.parent is not None and self.parent.children.get(self.name) is self

    def resolve(self, name: str) -> _Node | None:
        node: _Node | None = self
        while node is not None:
            found = node.children.get(name)
            if found is not None:
                return found
            node = node.parent
        return None


PlacedNode = _Node


def _descendants(node: _Node) -> list[_Node]:
    found = []
    pending = list(node.children.values())
    while pending:
        item = pending.pop()
        found.append(item)
        pending.extend(item.children.values())
    return found


def plan_npm_hoisted(graph: LogicalGraph) -> Plan:
    root, workspaces = _Placer(graph).run()
    return _to_plan(graph, [root, *workspaces])


def place_npm_hoisted(graph: LogicalGraph) -> tuple[PlacedNode, list[PlacedNode]]:
    """Arborist's ideal tree: the project's node and the workspaces' nodes, each holding the
    packages placed in its node_modules (``children``) down to the leaves."""
    return _Placer(graph).run()


class _Placer:
    def __init__(self, graph: LogicalGraph) -> None:
        self.graph = graph

    def run(self) -> tuple[_Node, list[_Node]]:
        graph = self.graph
        root_package = next(item for item in graph.importers() if item.importer == ".")
        root = _Node("", root_package.key, None)
        # Workspaces: their dependencies go to the project's node_modules when free, else into the
        # workspace's own (npm: "packages/w/node_modules/debug"); the walk up goes from the
        # workspace folder to the project.
        workspaces = [
            _Node(item.importer or "", item.key, root, depth=1)
            for item in graph.importers()
            if item.importer not in (None, ".")
        ]
        # The workspaces' links hold their folders before anything is placed (workspace_links).
        for location, key in workspace_links(graph).items():
            name = location.removeprefix("node_modules/")
            root.children[name] = _Node(location, key, root, name, 1)
        # Arborist's queue, sorted by depth then location before each pop: a heap on the same key
        # (locations are unique, so the order is the same).
        queue: list[tuple[int, str, _Node]] = [(node.depth, node.location, node) for node in [root, *workspaces]]
        heapq.heapify(queue)
        done: set[str] = set()
        while queue:
            _depth, _location, node = heapq.heappop(queue)
            if node.location in done:
                continue
            done.add(node.location)
            package = graph.packages[node.key]
            for alias in sorted(package.dependencies):
                target_key = package.dependencies[alias]
                if graph.packages[target_key].importer is not None:
                    continue
                is_peer = alias in package.peers
                start = node.parent if is_peer and node.parent is not None else node
                current = start.resolve(alias) if is_peer else node.resolve(alias)
                if current is not None and (current.key == target_key or is_peer):
                    continue  # satisfied; a peer found from the parent is the parent's business
                placed = self.place(start, alias, target_key, node)
                if placed is not None:
                    heapq.heappush(queue, (placed.depth, placed.location, placed))
        return root, workspaces

    def place(self, start: _Node, alias: str, key: str, dependent: _Node) -> _Node | None:
        if _in_chain(dependent, key):
            # a cycle of versions (libsql 0.3.18 -> libsql 0.3.19 -> libsql 0.3.18) would nest
            # forever: arborist links the shallower copy instead, which this plan leaves out
            return None
        chosen: _Node | None = None
        target: _Node | None = start
        while target is not None:
            existing = target.children.get(alias)
            if existing is not None:
                if existing.key == key:
                    return None  # KEEP: already there, and the dependent finds it
                break  # CONFLICT: another version holds this folder
            if target is not dependent and self.shadows(target, alias, key, dependent):
                break  # (in the dependent's own folder arborist would REPLACE: always allowed)
            chosen = target
            target = target.parent
        if chosen is None:
            return None
        location = f"{chosen.location}/node_modules/{alias}" if chosen.location else f"node_modules/{alias}"
        node = _Node(location, key, chosen, alias, chosen.depth + 1)
        self._attach(chosen, node)
        return node

    def _declares(self, node: _Node, name: str) -> bool:
        return name in self.graph.packages[node.key].dependencies

    def _attach(self, folder: _Node, node: _Node) -> None:
        """Put ``node`` into ``folder``'s node_modules and keep the ``unresolved`` counts true."""
        alias = node.name
        # The packages below ``folder`` (and ``folder`` itself) that looked past it for ``alias``
        # now stop at the new folder: the folders above no longer count them.
        settled = folder.unresolved[alias] + (1 if self._declares(folder, alias) else 0)
        folder.children[alias] = node
        above = folder
        while settled and above.attached and above.parent is not None:
            above = above.parent
            above.unresolved[alias] -= settled
            if alias in above.children:
                break
        # The new package has no node_modules yet: each name it declares is looked for above it.
        for name in self.graph.packages[node.key].dependencies:
            above = node
            while above.attached and above.parent is not None:
                above = above.parent
                above.unresolved[name] += 1
                if name in above.children:
                    break

    def shadows(self, target: _Node, alias: str, key: str, dependent: _Node) -> bool:
        """Would a copy of ``key`` in ``target``'s node_modules hide, from a package below it (other
        than the dependent being served), the other version of ``alias`` it finds today higher up?

        ``target`` holds no ``alias``, so every package below it that looks past it for ``alias``
        finds the same folder, the one ``target`` itself finds."""
        waiting = target.unresolved[alias] - (1 if self._looks_past(dependent, target, alias) else 0)
        if waiting <= 0:
            return False
        found = target.resolve(alias)
        return found is not None and found.key != key

    def _looks_past(self, node: _Node, target: _Node, alias: str) -> bool:
        """``node`` is counted in ``target.unresolved[alias]``."""
        if not self._declares(node, alias):
            return False
        current = node
        while current is not target:
            if alias in current.children or not current.attached or current.parent is None:
                return False
            current = current.parent
        return True


def _in_chain(node: _Node, key: str) -> bool:
    """Whether ``node`` or a package folder it sits in holds ``key``."""
    current: _Node | None = node
    while current is not None and current.parent is not None:
        if current.key == key:
            return True
        current = current.parent
    return False


def _to_plan(graph: LogicalGraph, tops: list[_Node]) -> Plan:
    placements = [
        (f"{graph.project}/{node.location}", node.key)
        for top in tops
        for node in _descendants(top)
        if graph.packages[node.key].importer is None
    ]
    return placed_plan(graph, placements, ".package-lock.json")
