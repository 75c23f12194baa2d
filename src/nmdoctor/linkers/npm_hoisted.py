"""npm's hoisted layout (arborist, ``install-strategy=hoisted``, the default) for a logical graph.

Arborist places dependencies breadth first (nodes by depth, then by location), each node's
dependencies in name order. For each it walks from the dependent up to the project and keeps the
highest folder where the package can go: a folder that already holds the same version ends the walk
(KEEP), one that holds another version is a conflict (the walk stops below it), and so is one
whose placement would change what a package below it resolves today. Peer dependencies are placed
from the dependent's parent (a peer is never nested under its dependent); arborist's peer sets,
REPLACE and dedupe of an existing tree are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nmdoctor.linkers.logical import LogicalGraph
from nmdoctor.linkers.plan import Plan, placed_plan

__all__ = ["plan_npm_hoisted"]


@dataclass(slots=True)
class _Node:
    location: str  # folder relative to the project: "" for the project, "node_modules/a", ...
    key: str
    parent: _Node | None
    children: dict[str, _Node] = field(default_factory=dict)  # name -> node in location/node_modules

    @property
    def depth(self) -> int:
        depth = 0
        node = self.parent
        while node is not None:
            depth += 1
            node = node.parent
        return depth

    def resolve(self, name: str) -> _Node | None:
        node: _Node | None = self
        while node is not None:
            found = node.children.get(name)
            if found is not None:
                return found
            node = node.parent
        return None


def _descendants(node: _Node) -> list[_Node]:
    found = []
    pending = list(node.children.values())
    while pending:
        item = pending.pop()
        found.append(item)
        pending.extend(item.children.values())
    return found


def plan_npm_hoisted(graph: LogicalGraph) -> Plan:
    return _Placer(graph).run()


class _Placer:
    def __init__(self, graph: LogicalGraph) -> None:
        self.graph = graph

    def run(self) -> Plan:
        graph = self.graph
        root_package = next(item for item in graph.importers() if item.importer == ".")
        root = _Node("", root_package.key, None)
        queue: list[_Node] = [root]
        # Workspaces: their dependencies go to the project's node_modules when free, else into the
        # workspace's own (npm: "packages/w/node_modules/debug"); the walk up goes from the
        # workspace folder to the project.
        workspaces = [
            _Node(item.importer or "", item.key, root) for item in graph.importers() if item.importer not in (None, ".")
        ]
        queue += workspaces
        done: set[str] = set()
        while queue:
            queue.sort(key=lambda node: (node.depth, node.location))
            node = queue.pop(0)
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
                    queue.append(placed)
        return _to_plan(graph, [root, *workspaces])

    def place(self, start: _Node, alias: str, key: str, dependent: _Node) -> _Node | None:
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
        node = _Node(location, key, chosen)
        chosen.children[alias] = node
        return node

    def shadows(self, target: _Node, alias: str, key: str, dependent: _Node) -> bool:
        """Would a copy of ``key`` in ``target``'s node_modules hide, from a package below it (other
        than the dependent being served), the other version of ``alias`` it finds today higher up?"""
        for node in _descendants(target):
            if node is dependent or alias not in self.graph.packages[node.key].dependencies:
                continue
            found = node.resolve(alias)
            if found is not None and found.key != key and _strictly_above(found, target):
                return True
        return False


def _strictly_above(found: _Node, target: _Node) -> bool:
    """``found`` sits in the node_modules of a strict ancestor of ``target``."""
    node = target.parent
    while node is not None:
        if found.parent is node:
            return True
        node = node.parent
    return False


def _to_plan(graph: LogicalGraph, tops: list[_Node]) -> Plan:
    placements = [
        (f"{graph.project}/{node.location}", node.key)
        for top in tops
        for node in _descendants(top)
        if graph.packages[node.key].importer is None
    ]
    return placed_plan(graph, placements, ".package-lock.json")
