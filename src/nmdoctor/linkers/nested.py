"""npm's nested layout (``--install-strategy=nested``, the npm v2 shape) for a logical graph.

Every dependency goes into its dependent's own node_modules, unless the dependent already finds
the same name@version by node's upward lookup (then the edge is satisfied and nothing is placed:
arborist's first step). Dependencies are placed breadth first, in name order; a peer dependency
goes next to its dependent (arborist places peers from the dependent's parent). A workspace's
dependencies go into its own folder's node_modules (``packages/w/node_modules/a``) and the
workspaces are linked at the top (``node_modules/w``), as npm 11 does with workspaces.
"""

from __future__ import annotations

from nmdoctor.linkers.logical import LogicalGraph
from nmdoctor.linkers.plan import Plan, placed_plan, workspace_links

__all__ = ["plan_nested"]


def plan_nested(graph: LogicalGraph) -> Plan:
    root = graph.project
    # folder -> package key placed there; the workspaces' links first (workspace_links)
    placed = {f"{root}/{location}": key for location, key in workspace_links(graph).items()}
    queue: list[tuple[str, str]] = []  # (folder of a placed package or importer, its key)
    for importer in graph.importers():
        folder = root if importer.importer == "." else f"{root}/{importer.importer}"
        queue.append((folder, importer.key))
    while queue:
        folder, key = queue.pop(0)
        package = graph.packages[key]
        for alias in sorted(package.dependencies):
            target = package.dependencies[alias]
            if graph.packages[target].importer is not None:
                continue  # workspaces are linked, not placed
            if alias in package.peers and package.importer is None:
                continue  # placed with the package itself, below
            _place(graph, placed, queue, folder, alias, target)
    packages = [(folder, key) for folder, key in placed.items() if graph.packages[key].importer is None]
    return placed_plan(graph, packages, ".package-lock.json")


def _place_peers(
    graph: LogicalGraph, placed: dict[str, str], queue: list[tuple[str, str]], base: str, key: str
) -> None:
    """Arborist places a package's peers together with it, next to it (in ``base``'s node_modules),
    unless the version there is already visible from ``base``; and their peers in turn."""
    package = graph.packages[key]
    for alias in sorted(package.peers):
        target = package.dependencies.get(alias)
        if target is None or graph.packages[target].importer is not None:
            continue
        _place(graph, placed, queue, base, alias, target)


def _place(
    graph: LogicalGraph, placed: dict[str, str], queue: list[tuple[str, str]], base: str, alias: str, target: str
) -> None:
    """Place ``target`` as ``alias`` in ``base``'s node_modules, unless that version is visible from
    ``base`` already or the place is taken; then its peers beside it."""
    if _visible(placed, base, alias) == target:
        return
    if _in_chain(placed, base, target):
        return  # a cycle of versions of one name would nest forever: arborist links the shallower copy
    location = f"{base}/node_modules/{alias}"
    if location in placed:
        return
    placed[location] = target
    queue.append((location, target))
    _place_peers(graph, placed, queue, base, target)


def _in_chain(placed: dict[str, str], folder: str, key: str) -> bool:
    """Whether ``folder`` or a package folder it sits in holds ``key``."""
    while folder in placed:
        if placed[folder] == key:
            return True
        folder = folder.rsplit("/node_modules/", 1)[0]
    return False


def _visible(placed: dict[str, str], folder: str, alias: str) -> str | None:
    """The key node's lookup from ``folder`` finds for ``alias`` among the placed packages."""
    current = folder
    while True:
        found = placed.get(f"{current}/node_modules/{alias}")
        if found is not None:
            return found
        if "/" not in current.strip("/"):
            return placed.get(f"/node_modules/{alias}")
        parent = current.rsplit("/", 1)[0] or "/"
        if parent.endswith("/node_modules"):
            parent = parent[: -len("/node_modules")]
        if parent == current:
            return None
        current = parent
