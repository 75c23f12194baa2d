"""What a planner returns: the planned node_modules, and where each planned package's files come from."""

from __future__ import annotations

from dataclasses import dataclass, field

from nmdoctor.vfs.base import VPath
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["Plan"]


@dataclass(slots=True)
class Plan:
    """``fs`` holds the planned folders, package.json files and links; ``binds`` maps each planned
    package folder to the installed copy whose files it would hold (see vfs.overlay.OverlayFS)."""

    fs: MemoryFS
    binds: dict[VPath, VPath] = field(default_factory=dict)
