"""Where a package name is found from a folder: on disk (node_modules), or, when only the lockfile
is read, in the layout the lockfile describes (its folders and links)."""

from __future__ import annotations

from nmdoctor.model.graph import DependencyGraph
from nmdoctor.resolve.cjs import node_modules_paths
from nmdoctor.vfs.base import FileSystem, Kind

__all__ = ["InstalledLookup"]


class InstalledLookup:
    def __init__(self, fs: FileSystem, graph: DependencyGraph) -> None:
        self.fs = fs
        self.folders = {
            path for instance in graph.instances if not instance.is_project for path in (instance.path, *instance.links)
        }

    def folder(self, directory: str, name: str) -> str | None:
        """The ``node_modules/<name>`` folder node would find from ``directory``, or None."""
        for node_modules in node_modules_paths(directory):
            candidate = f"{node_modules}/{name}"
            stat = self.fs.stat(candidate + "/package.json")
            if (stat is not None and stat.kind is Kind.FILE) or candidate in self.folders:
                return candidate
        return None
