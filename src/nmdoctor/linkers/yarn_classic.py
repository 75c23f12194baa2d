"""Yarn classic's hoisted layout (yarn 1 PackageHoister) for a logical graph.

A prepass first puts at the top, for each name with several versions, the version most packages
depend on. Then yarn builds the logical tree level by level (each level's entries sorted by pattern) and hoists
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

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.plan import Plan, placed_plan

__all__ = ["plan_yarn_classic"]


@dataclass(slots=True)
class _Info:
    parts: tuple[str, ...]  # aliases from the project down: ("a", "b") is node_modules/a/node_modules/b
    key: str
    ancestry: frozenset[str]  # package keys above it in the logical tree (cycles end there)


_AGGREGATOR = "\0workspace-aggregator"  # yarn 1's stand-in package whose dependencies are the workspaces


def plan_yarn_classic(graph: LogicalGraph) -> Plan:
    tree: dict[tuple[str, ...], str] = {}
    root = next(item for item in graph.importers() if item.importer == ".")
    top = [(alias, key) for alias, key in root.dependencies.items() if graph.packages[key].importer is None]
    workspaces = [item for item in graph.importers() if item.importer not in (None, ".")]
    seeds = _prepass(graph, top, workspaces)
    for alias, key in [*seeds, *top]:
        tree.setdefault((alias,), key)
    queue = [item for alias, key in [*seeds, *top] for item in _children(graph, _Info((alias,), key, frozenset({key})))]
    # Workspaces are dependencies of a top-level stand-in package, hoisted from there to the top
    # (node_modules/<name>, a link to the workspace); their own dependencies are hoisted from one
    # level below that link, and what cannot be hoisted stays in the workspace's node_modules.
    if workspaces:
        tree[(_AGGREGATOR,)] = _AGGREGATOR
        aggregator = _Info((_AGGREGATOR,), _AGGREGATOR, frozenset())
        queue += [(f"{item.name}@{item.version}", item.key, aggregator) for item in workspaces]
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


def _prepass(
    graph: LogicalGraph, top: list[tuple[str, str]], workspaces: list[LogicalPackage]
) -> list[tuple[str, str]]:
    """yarn 1's prepass: for each name with several versions (names the project depends on
    itself excepted), the version required by the most distinct packages goes to the top first,
    if more than one requires it; ties go to the version first in string order."""
    found: dict[str, dict[str, tuple[set[str], str, str]]] = {}  # name -> version -> (dependents, alias, key)
    expanded: set[str] = set()

    def add(alias: str, key: str, ancestry: tuple[str, ...]) -> None:
        if key in ancestry:
            return
        package = graph.packages[key]
        dependents, _alias, _key = found.setdefault(package.name, {}).setdefault(package.version, (set(), alias, key))
        if ancestry and ancestry[-1] != _AGGREGATOR:
            dependents.add(ancestry[-1])
        if key in expanded:
            return
        expanded.add(key)
        for child_alias, child_key in sorted(package.dependencies.items()):
            if child_alias not in package.peers:
                add(child_alias, child_key, (*ancestry, key))

    for alias, key in top:
        add(alias, key, ())
    for workspace in workspaces:
        add(workspace.name, workspace.key, (_AGGREGATOR,))
    top_names = {graph.packages[key].name for _alias, key in top}
    seeds: list[tuple[str, str]] = []
    for name in sorted(found):
        versions = found[name]
        if len(versions) == 1 or name in top_names:
            continue
        best: tuple[set[str], str, str] | None = None
        for version in sorted(versions):
            if best is None or len(versions[version][0]) > len(best[0]):
                best = versions[version]
        if best is not None and len(best[0]) > 1:
            seeds.append((best[1], best[2]))
    return seeds


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
        if key == _AGGREGATOR or graph.packages[key].importer is not None:
            continue  # a workspace: linked by placed_plan
        top = tree[parts[:1]]
        importer = graph.packages[top].importer if top in graph.packages else None
        if importer is not None and len(parts) > 1:  # below a workspace's link: in the workspace itself
            base = f"{graph.project}/{importer}" + "".join(f"/node_modules/{alias}" for alias in parts[1:])
        else:
            base = graph.project + "".join(f"/node_modules/{alias}" for alias in parts)
        placements.append((base, key))
    return placed_plan(graph, placements, ".yarn-integrity")
