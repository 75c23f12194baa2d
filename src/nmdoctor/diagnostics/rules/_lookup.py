"""Where a package name is found from a folder: on disk (node_modules), or, when only the lockfile
is read, in the layout the lockfile describes (its folders and links)."""

from __future__ import annotations

from nmdoctor.lockfiles.to_graph import UNPLACED
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.project.install_settings import pnpm_extends_node_path
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["InstalledLookup", "pnpm_node_path_folder"]


class InstalledLookup:
    def __init__(self, fs: FileSystem, graph: DependencyGraph) -> None:
        self.fs = fs
        self.instances: dict[str, Instance] = {
            path: instance
            for instance in graph.instances
            if not instance.is_project
            for path in (instance.path, *instance.links)
        }
        self.folders = frozenset(self.instances)
        # yarn's lockfiles record no folders: every name in them gets a folder at the root's
        # node_modules under yarn's hoisting (one of its versions, when there are several).
        self.project = graph.project
        self.hoisted: dict[str, Instance] = {}
        for instance in graph.instances:
            if f"/{UNPLACED}/" in instance.path:
                self.hoisted.setdefault(f"{graph.project}/node_modules/{instance.name}", instance)
        # A yarn berry lockfile read for Plug'n'Play places nothing: the runtime maps a name through
        # the locator of the project or workspace the lookup starts in, to what it declares (a
        # sibling workspace included: react-dnd's packages each declare @react-dnd/eslint-config).
        self.declared: dict[str, dict[str, Instance]] = {}
        unplaced = graph.layout.startswith("yarn-berry") and not any(
            "/node_modules/" in instance.path or instance.links for instance in graph.instances
        )
        if self.hoisted or unplaced:
            for edge in graph.edges:
                source = edge.source
                if edge.target is not None and (source.is_project or source.is_workspace):
                    self.declared.setdefault(source.path, {}).setdefault(edge.name, edge.target)

    def instance_at(self, folder: str) -> Instance | None:
        """The package instance a found folder is (its real path on disk, or a lockfile folder)."""
        try:
            real = self.fs.realpath(folder)
        except FileSystemError:
            real = folder
        return self.instances.get(real) or self.instances.get(folder) or self.hoisted.get(folder)

    def folder(self, directory: str, name: str) -> str | None:
        """The ``node_modules/<name>`` folder node would find from ``directory``, or None."""
        for node_modules in node_modules_paths(directory):
            candidate = f"{node_modules}/{name}"
            stat = self.fs.stat(candidate + "/package.json")
            if (stat is not None and stat.kind is Kind.FILE) or candidate in self.folders:
                return candidate
        hoisted = f"{self.project}/node_modules/{name}"
        if hoisted in self.hoisted and (directory + "/").startswith(self.project + "/"):
            return hoisted
        owner = max((path for path in self.declared if (directory + "/").startswith(path + "/")), key=len, default=None)
        target = self.declared[owner].get(name) if owner is not None else None
        return target.path if target is not None else None


def pnpm_node_path_folder(fs: FileSystem, graph: DependencyGraph, lookup: InstalledLookup, name: str) -> str | None:
    """``node_modules/.pnpm/node_modules/<name>`` when pnpm's isolated layout hoists ``name`` there
    and puts that folder on ``NODE_PATH``: the shims pnpm writes in ``node_modules/.bin`` do so
    unless the project's settings say not (``install_settings.pnpm_extends_node_path``). A tool
    started from them (``astro``, ``playwright``, ``nuxi``) then finds the name with ``require`` from
    any folder; node started by hand does not, and neither does an ES module ``import``, which
    ignores ``NODE_PATH``."""
    if graph.layout != "pnpm-isolated":
        return None
    folder = f"{graph.project}/node_modules/.pnpm/node_modules/{name}"
    stat = fs.stat(folder + "/package.json")
    if not ((stat is not None and stat.kind is Kind.FILE) or folder in lookup.folders):
        return None
    root = next((item for item in graph.roots if item.path == graph.project), None)
    if not pnpm_extends_node_path(fs, graph.project, root.manifest.raw if root is not None else None):
        return None
    return folder
