"""Read an installed ``node_modules`` tree into the dependency model.

Works for every layout the managers write (npm hoisted/nested/linked, pnpm isolated/hoisted, yarn
classic and berry's node-modules linker, workspaces) because it does not trust any manager's
bookkeeping: it finds every package folder, and resolves every declared dependency from the
dependent's real path the way node walks ``node_modules``.
"""

from __future__ import annotations

import posixpath

from nmdoctor.inspect.layout import detect_layout
from nmdoctor.inspect.workspaces import WorkspaceError, workspace_folders
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import Manifest, ManifestError, parse_manifest
from nmdoctor.resolve.node.search_paths import node_modules_paths
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath

__all__ = ["ManifestMemo", "TreeError", "read_installed_tree"]

# package.json bytes -> their model: a second read of the same file (a planned layout's package
# folders, bound to the installed copies) shares the first's model instead of holding a second copy.
ManifestMemo = dict[bytes, Manifest]

# Folders inside node_modules that hold packages one level further down.
_STORES = (".pnpm", ".store", ".bun")
# Specs whose install is a link to a folder of the project, which may have no package.json.
_FOLDER_SPECS = ("link:", "file:")


def _yarn_mock(manifest: Manifest) -> bool:
    """yarn berry's stand-in for a package it did not install (one whose ``os``/``cpu``/``libc``
    conditions this machine does not meet): a folder holding only ``{"name": ..., "mocked": true}``,
    which its pnpm linker links where the package would be. Node finds no entry point in it (a
    require fails with MODULE_NOT_FOUND): the package is not installed."""
    raw = manifest.raw
    return isinstance(raw, dict) and raw.get("mocked") is True and "version" not in raw


class TreeError(Exception):
    """The project itself cannot be read (no package.json, or not JSON)."""


class _Reader:
    def __init__(self, fs: FileSystem, project: VPath, parsed: ManifestMemo) -> None:
        self.fs = fs
        self.project = project
        self._parsed = parsed
        self.instances: dict[VPath, Instance] = {}
        self.broken_links: list[tuple[VPath, str]] = []
        self._walked: set[VPath] = set()
        self._folder_cache: dict[tuple[VPath, str], Instance | None] = {}
        self._search_paths: dict[VPath, list[str]] = {}
        # node_modules folders the walk found missing (most packages have none): nothing is found in
        # them, so package_folder asks no stat there
        self._missing: set[VPath] = set()
        self._real_folders: set[VPath] = set()  # node_modules folders walked that are their real path
        # what the walk listed in each node_modules folder and scope folder, case-folded
        self._listings: dict[VPath, frozenset[str]] = {}

    # -- discovery ------------------------------------------------------------------------------
    def kind(self, path: VPath) -> Kind | None:
        stat = self.fs.stat(path)
        return stat.kind if stat is not None else None

    def manifest(self, folder: VPath) -> Manifest | None:
        try:
            raw = self.fs.read_bytes(folder + "/package.json")
        except FileSystemError:
            return None
        found = self._parsed.get(raw)
        if found is None:
            try:
                found = parse_manifest(raw, folder + "/package.json")
            except ManifestError:
                found = Manifest(name=None, version=None)
            self._parsed[raw] = found
        return found

    def instance_at(self, real: VPath, install_name: str | None) -> Instance | None:
        found = self.instances.get(real)
        if found is not None:
            return found
        manifest = self.manifest(real)
        if manifest is None or _yarn_mock(manifest):
            return None
        name = manifest.name or install_name or posixpath.basename(real)
        found = Instance(name, manifest.version or "", real, manifest)
        self.instances[real] = found
        return found

    def walk_node_modules(self, folder: VPath) -> None:
        """Find every package in a node_modules folder, its stores, and below."""
        if folder in self._walked:
            return
        self._walked.add(folder)
        if self.fs.lstat(folder) is None:  # no entry at all: cheaper to learn than a failed listing
            self._missing.add(folder)
            return
        try:
            names = self.fs.listdir(folder)
        except FileSystemError:
            return
        self._listings[folder] = frozenset(name.casefold() for name in names)
        try:
            if self.fs.realpath(folder) == folder:
                self._real_folders.add(folder)
        except FileSystemError:
            pass
        for name in names:
            path = f"{folder}/{name}"
            if name in _STORES:
                for entry in self._list(path):
                    inner = f"{path}/{entry}" if entry == "node_modules" else f"{path}/{entry}/node_modules"
                    self.walk_node_modules(inner)
            elif name.startswith("."):
                continue
            elif name.startswith("@"):
                children = self._list(path)
                if children:  # (an empty list may be a listing that failed)
                    listing = self._listings[path] = frozenset(child.casefold() for child in children)
                    if "node_modules" not in listing:  # node searches <scope>/node_modules too
                        self._missing.add(f"{path}/node_modules")
                for child in children:
                    self.visit_package(f"{path}/{child}", f"{name}/{child}")
            else:
                self.visit_package(path, name)

    def _list(self, folder: VPath) -> list[str]:
        try:
            return list(self.fs.listdir(folder))
        except FileSystemError:
            return []

    def visit_package(self, path: VPath, install_name: str) -> None:
        lstat = self.fs.lstat(path)
        if lstat is None:
            return
        if lstat.kind is Kind.SYMLINK:
            try:
                real = self.fs.realpath(path)
            except FileSystemError:
                self.broken_links.append((path, self.fs.readlink(path)))
                return
            if self.kind(real) is not Kind.DIR:
                return
        elif lstat.kind is Kind.DIR:
            real = path
        else:
            return
        instance = self.instance_at(real, install_name)
        if instance is None:
            return
        if path != real and path not in instance.links:
            instance.links.append(path)
        self.walk_node_modules(real + "/node_modules")

    # -- edges ----------------------------------------------------------------------------------
    def package_folder(self, source: Instance, name: str) -> Instance | None:
        """The folder node finds for ``name`` from ``source``'s real path (LOAD_NODE_MODULES)."""
        key = (source.path, name)
        if key in self._folder_cache:
            return self._folder_cache[key]
        found = None
        paths = self._search_paths.get(source.path)
        if paths is None:
            paths = self._search_paths[source.path] = node_modules_paths(source.path)
        for node_modules in paths:
            if node_modules in self._missing:
                continue
            candidate = f"{node_modules}/{name}"
            known = self.instances.get(candidate) if node_modules in self._real_folders else None
            if known is not None:
                # A folder the walk read in a node_modules that is its own real path (so is the
                # folder, a key of ``instances``; its package.json was read as a file): what the
                # stat and realpath below would find, without them.
                found = known
                break
            if not self._may_hold(node_modules, name):
                continue
            if self.kind(candidate + "/package.json") is Kind.FILE:
                real = self.fs.realpath(candidate)
                found = self.instance_at(real, name)
                if found is not None and candidate != real and candidate not in found.links:
                    found.links.append(candidate)
                break
        self._folder_cache[key] = found
        return found

    def _may_hold(self, node_modules: VPath, name: str) -> bool:
        """False when the walk's listings show ``node_modules`` has no entry for ``name`` (nor for its
        scope), so that the stat of most lookups that miss is not asked. Listings are compared
        case-folded, since a case-insensitive disk finds ``Foo`` at ``foo``; a name that is not ASCII
        (which such a disk may also normalise) or that a path would read as ``.``/``..`` is asked."""
        listing = self._listings.get(node_modules)
        if listing is None or not name.isascii():
            return True
        segments = name.casefold().split("/")
        if any(segment in ("", ".", "..") for segment in segments):
            return True
        if segments[0] not in listing:
            return False
        if len(segments) == 1 or not segments[0].startswith("@"):
            return True
        scope = self._listings.get(f"{node_modules}/{name.partition('/')[0]}")
        return scope is None or segments[1] in scope

    def linked_folder(self, source: Instance, name: str) -> Instance | None:
        """The folder a ``link:``/``file:`` dependency's symlink names when that folder has no
        package.json (pnpm links `link:./test` whatever the folder holds): the manager installed it
        as declared, and node loads files from it by subpath (``name/file``) through the link; the
        bare name loads only an index file, which is the import's question, not the install's."""
        for node_modules in node_modules_paths(source.path):
            if node_modules in self._missing:
                continue
            candidate = f"{node_modules}/{name}"
            lstat = self.fs.lstat(candidate)
            if lstat is None:
                continue
            if lstat.kind is not Kind.SYMLINK:
                return None
            try:
                real = self.fs.realpath(candidate)
            except FileSystemError:
                return None
            if self.kind(real) is not Kind.DIR or self.kind(real + "/package.json") is not None:
                return None
            found = self.instances.get(real)
            if found is None:
                found = self.instances[real] = Instance(name, "", real, Manifest(name=None, version=None))
            if candidate not in found.links:
                found.links.append(candidate)
            return found
        return None


def read_installed_tree(fs: FileSystem, project: VPath, parsed: ManifestMemo | None = None) -> DependencyGraph:
    """The dependency model of the installed tree of the project at ``project`` (a real path).

    ``parsed``: the models of package.json files read before in this run (filled as the tree is
    read); a run that reads two trees over the same packages (migrate's planned layout) passes one
    to both, so each manifest is parsed and held once."""
    reader = _Reader(fs, project, {} if parsed is None else parsed)
    root_manifest = reader.manifest(project)
    if root_manifest is None:
        problem = "no such file" if fs.lstat(f"{project}/package.json") is None else "not a readable file"
        raise TreeError(f"{project}/package.json: {problem}")
    if root_manifest.name is None and root_manifest.raw is None:
        raise TreeError(f"{project}/package.json: not a valid package.json")
    root = Instance(
        root_manifest.name or posixpath.basename(project),
        root_manifest.version or "",
        project,
        root_manifest,
        is_project=True,
    )
    reader.instances[project] = root
    try:
        folders = workspace_folders(fs, project, root_manifest)
    except WorkspaceError as error:
        raise TreeError(str(error)) from None
    for folder in folders:
        real = fs.realpath(folder)
        workspace = reader.instance_at(real, None)
        if workspace is not None:
            workspace.is_workspace = True
    reader.walk_node_modules(project + "/node_modules")
    for workspace in [item for item in reader.instances.values() if item.is_workspace]:
        reader.walk_node_modules(workspace.path + "/node_modules")
    edges: list[Edge] = []
    pending = list(reader.instances.values())
    done: set[VPath] = set()
    while pending:
        source = pending.pop(0)
        if source.path in done:
            continue
        done.add(source.path)
        include_dev = source.is_project or source.is_workspace
        for declared in source.manifest.declared(include_dev=include_dev):
            target = reader.package_folder(source, declared.name)
            if target is None and declared.spec.startswith(_FOLDER_SPECS):
                target = reader.linked_folder(source, declared.name)
            edges.append(Edge(source, declared.name, declared.spec, declared.kind, declared.optional, target))
            if target is not None and target.path not in done:
                pending.append(target)
    instances = sorted(reader.instances.values(), key=lambda item: (not item.is_project, item.path))
    for instance in instances:
        instance.links.sort()
    layout = detect_layout(fs, project, instances)
    graph = DependencyGraph(project, layout, instances, edges)
    graph.broken_links.extend(sorted(reader.broken_links))
    return graph
