"""What a planner returns: the planned node_modules, and where each planned package's files come from."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nmdoctor.vfs.base import VPath
from nmdoctor.vfs.memory import MemoryFS

if TYPE_CHECKING:
    from nmdoctor.linkers.logical import LogicalGraph

__all__ = ["Plan", "placed_plan", "workspace_links"]


@dataclass(slots=True)
class Plan:
    """``fs`` holds the planned folders, package.json files and links; ``binds`` maps each planned
    package folder to the installed copy whose files it would hold (see vfs.overlay.OverlayFS)."""

    fs: MemoryFS
    binds: dict[VPath, VPath] = field(default_factory=dict)


def workspace_links(graph: LogicalGraph) -> dict[str, str]:
    """Where npm links each workspace before it places any dependency: ``node_modules/<name>``
    (relative to the project) -> the workspace's key. Arborist starts the ideal tree with these
    links, so a workspace named like a registry package (a workspace called ``next`` beside
    ``next@16``) keeps that folder: a dependency of the same name goes below the package that
    needs it, and one of the project's own resolves to the workspace (checked with npm 11)."""
    return {
        f"node_modules/{item.name}": item.key
        for item in graph.importers()
        if item.importer not in (None, ".") and item.name
    }


def placed_plan(
    graph: LogicalGraph,
    placements: Iterable[tuple[VPath, str]],
    marker: str,
    marker_content: bytes = b"{}",
    *,
    link_workspaces: bool = True,
    unlinked: Collection[str] = (),
) -> Plan:
    """The plan of a copying layout (npm, yarn 1, pnpm's hoisted one): each package folder placed
    at its location, the workspaces linked into the project's node_modules (unless
    ``link_workspaces`` is false: pnpm does not), and the manager's marker file (how layout
    detection tells who wrote the tree).

    A workspace whose folder a placed package already holds is not linked (nor are the workspace
    keys in ``unlinked``): yarn 1 writes the package and leaves such a workspace out of
    node_modules (npm's planners place nothing there, see ``workspace_links``)."""
    fs = MemoryFS()
    binds: dict[VPath, VPath] = {}
    placed: set[str] = set()
    for folder, key in placements:
        package = graph.packages[key]
        placed.add(folder)
        raw = package.source.manifest.raw
        fs.add_file(folder + "/package.json", json.dumps(raw if isinstance(raw, dict) else {}).encode())
        binds[folder] = package.source.path
    for workspace in graph.importers() if link_workspaces else []:
        if workspace.importer in (None, ".") or workspace.key in unlinked:
            continue
        # npm and yarn link every workspace into the project's node_modules, under its name.
        link = f"{graph.project}/node_modules/{workspace.name}"
        if link in placed:
            continue
        fs.add_symlink(link, posixpath.relpath(f"{graph.project}/{workspace.importer}", posixpath.dirname(link)))
    fs.add_file(f"{graph.project}/node_modules/{marker}", marker_content)
    return Plan(fs, binds)
