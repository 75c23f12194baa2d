"""Yarn classic's hoisted layout (yarn 1 PackageHoister) for a logical graph.

Yarn builds the logical tree level by level (each level's entries sorted by pattern) and hoists
each package as high as it can go: looking upward from its parent, it stops at the first level that
holds another version of the name (a conflict) and reuses a level that holds the same version (a
duplicate); otherwise it lands in the highest free level, the project's own node_modules at best.
A package is not hoisted above the level that provides its peers, and within a level packages with
peers come last. Workspaces are top-level entries (links to their folders), so their own
dependencies hoist from one level down, as a package's do. nohoist is not modelled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nmdoctor.linkers.logical import LogicalGraph
from nmdoctor.linkers.plan import Plan, placed_plan

__all__ = ["plan_yarn_classic"]


@dataclass(slots=True)
class _Info:
    parts: tuple[str, ...]  # aliases from the project down: ("a", "b") is node_modules/a/node_modules/b
    key: str
    ancestry: frozenset[str]  # package keys above it in the logical tree (cycles end there)


def plan_yarn_classic(graph: LogicalGraph) -> Plan:
    tree: dict[tuple[str, ...], str] = {}
    root = next(item for item in graph.importers() if item.importer == ".")
    level: list[tuple[str, str, _Info | None]] = [
        (alias, key, None) for alias, key in root.dependencies.items() if graph.packages[key].importer is None
    ]
    # Workspaces are top-level entries under their own name (node_modules/<name>, a link to the
    # workspace): their dependencies start one level down, below that link, and are hoisted from
    # there like any package's; what cannot be hoisted stays in the workspace's own node_modules.
    level += [(item.name, item.key, None) for item in graph.importers() if item.importer not in (None, ".")]
    for alias, key, _parent in level:
        tree.setdefault((alias,), key)
    next_level = [(alias, key, _Info((alias,), key, frozenset({key}))) for alias, key, _ in level]
    queue = [item for info in (entry[2] for entry in next_level) for item in _children(graph, info)]
    while queue:
        # By pattern ("name@range"), then, as yarn's second pass does in effect (it checks peer names
        # against a set of patterns), every package without peers before those with peers.
        queue.sort(key=lambda item: (bool(graph.packages[item[1]].peers), item[0]))
        following: list[tuple[str, str, _Info]] = []
        for pattern, key, parent in queue:
            alias = pattern[: pattern.index("@", 1)]
            info = _hoist(tree, parent, alias, key, graph.packages[key].peers)
            if info is not None:
                following.extend(_children(graph, info))
        queue = following
    return _to_plan(graph, tree)


def _children(graph: LogicalGraph, info: _Info) -> list[tuple[str, str, _Info]]:
    package = graph.packages[info.key]
    return [
        (f"{alias}@{package.specs.get(alias, '')}", key, info)
        for alias, key in sorted(package.dependencies.items())
        if key not in info.ancestry and graph.packages[key].importer is None and alias not in package.peers
    ]


def _resolve(tree: dict[tuple[str, ...], str], parts: tuple[str, ...], alias: str) -> str | None:
    """What a package in the folder ``parts`` finds for ``alias`` (node's upward lookup)."""
    for depth in range(len(parts), -1, -1):
        found = tree.get((*parts[:depth], alias))
        if found is not None:
            return found
    return None


def _hoist(
    tree: dict[tuple[str, ...], str], parent: _Info, alias: str, key: str, peers: Mapping[str, str]
) -> _Info | None:
    """Place ``key`` for ``parent``; None when an existing copy serves it (a duplicate). A package
    is not hoisted past the level from which its peers would resolve to other versions."""
    own = (*parent.parts, alias)
    if own in tree:
        return None  # the parent's own folder already holds this name
    wanted_peers = {name: _resolve(tree, parent.parts, name) for name in peers}
    chosen = own
    for depth in range(len(parent.parts) - 1, -1, -1):
        check = (*parent.parts[:depth], alias)
        found = tree.get(check)
        if found is not None:
            if found == key:
                return None  # a duplicate: the copy at that level serves it
            break  # a conflict: everything above is shadowed
        if any(_resolve(tree, parent.parts[:depth], name) != want for name, want in wanted_peers.items()):
            break
        chosen = check
    tree[chosen] = key
    return _Info(chosen, key, parent.ancestry | {key})


def _to_plan(graph: LogicalGraph, tree: dict[tuple[str, ...], str]) -> Plan:
    placements = []
    for parts, key in tree.items():
        if graph.packages[key].importer is not None:
            continue  # a workspace: linked by placed_plan
        top = tree[parts[:1]]
        importer = graph.packages[top].importer
        if importer is not None and len(parts) > 1:  # below a workspace's link: in the workspace itself
            base = f"{graph.project}/{importer}" + "".join(f"/node_modules/{alias}" for alias in parts[1:])
        else:
            base = graph.project + "".join(f"/node_modules/{alias}" for alias in parts)
        placements.append((base, key))
    return placed_plan(graph, placements, ".yarn-integrity")
