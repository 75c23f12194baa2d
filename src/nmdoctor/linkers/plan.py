"""What a planner returns: the planned node_modules, and where each planned package's files come from."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nmdoctor.vfs.base import VPath
from nmdoctor.vfs.memory import MemoryFS

if TYPE_CHECKING:
    from nmdoctor.linkers.logical import LogicalGraph

__all__ = ["Plan", "placed_plan"]


@dataclass(slots=True)
class Plan:
    """``fs`` holds the planned folders, package.json files and links; ``binds`` maps each planned
    package folder to the installed copy whose files it would hold (see vfs.overlay.OverlayFS)."""

    fs: MemoryFS
    binds: dict[VPath, VPath] = field(default_factory=dict)


def placed_plan(
    graph: LogicalGraph,
    placements: Iterable[tuple[VPath, str]],
    marker: str,
    marker_content: bytes = b"{}",
    *,
    link_workspaces: bool = True,
) -> Plan:
    """The plan of a copying layout (npm, yarn 1, pnpm's hoisted one): each package folder placed
    at its location, the workspaces linked into the project's node_modules (unless
    ``link_workspaces`` is false: pnpm does not), and the manager's marker file (how layout
    detection tells who wrote the tree)."""
    fs = MemoryFS()
    binds: dict[VPath, VPath] = {}
    for folder, key in placements:
        package = graph.packages[key]
        raw = package.source.manifest.raw
        fs.add_file(folder + "/package.json", json.dumps(raw if isinstance(raw, dict) else {}).encode())
        binds[folder] = package.source.path
    for workspace in graph.importers() if link_workspaces else []:
        if workspace.importer in (None, "."):
            continue
        # npm and yarn link every workspace into the project's node_modules, under its name.
        link = f"{graph.project}/node_modules/{workspace.name}"
        fs.add_symlink(link, posixpath.relpath(f"{graph.project}/{workspace.importer}", posixpath.dirname(link)))
    fs.add_file(f"{graph.project}/node_modules/{marker}", marker_content)
    return Plan(fs, binds)
