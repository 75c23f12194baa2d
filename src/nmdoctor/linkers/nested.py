"""npm's nested layout (``--install-strategy=nested``, the npm v2 shape) for a logical graph.

Every dependency goes into its dependent's own node_modules, unless the dependent already finds
the same name@version by node's upward lookup (then the edge is satisfied and nothing is placed:
arborist's first step). Dependencies are placed breadth first, in name order.
"""

from __future__ import annotations

import json
import posixpath

from nmdoctor.linkers.logical import LogicalGraph
from nmdoctor.linkers.plan import Plan
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["plan_nested"]


def plan_nested(graph: LogicalGraph) -> Plan:
    fs = MemoryFS()
    binds: dict[str, str] = {}
    root = graph.project
    placed: dict[str, str] = {}  # folder -> package key placed there
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
            if _visible(placed, folder, alias) == target:
                continue
            location = f"{folder}/node_modules/{alias}"
            if location in placed:
                continue
            placed[location] = target
            raw = graph.packages[target].source.manifest.raw
            fs.add_file(location + "/package.json", json.dumps(raw if isinstance(raw, dict) else {}).encode())
            binds[location] = graph.packages[target].source.path
            queue.append((location, target))
    for importer in graph.importers():
        for alias, target in importer.dependencies.items():
            target_package = graph.packages[target]
            if target_package.importer is not None and target_package.importer != ".":
                folder = root if importer.importer == "." else f"{root}/{importer.importer}"
                link = f"{folder}/node_modules/{alias}"
                fs.add_symlink(link, posixpath.relpath(f"{root}/{target_package.importer}", posixpath.dirname(link)))
    fs.add_file(f"{root}/node_modules/.package-lock.json", b"{}")
    return Plan(fs, binds)


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
