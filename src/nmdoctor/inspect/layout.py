"""Which package manager (and mode) wrote a node_modules tree, from the marks each one leaves."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath

__all__ = ["LAYOUTS", "detect_layout", "linked_beside", "virtual_store_folder"]

LAYOUTS = (
    "npm-hoisted",
    "npm-nested",
    "npm-linked",
    "pnpm-isolated",
    "pnpm-hoisted",
    "yarn-classic",
    "yarn-berry-nm",
    "yarn-berry-pnpm",
    "yarn-berry-pnp",
    "bun",
    "unknown",
)


def virtual_store_folder(path: VPath, name: str) -> VPath | None:
    """``.../node_modules/.pnpm/<id>/node_modules`` when ``path`` is the folder of package ``name``
    in it: pnpm links there the package and what it resolved for that package alone (its
    dependencies, its peers, what a packageExtensions entry gave it). None elsewhere."""
    if "/.pnpm/" not in path:  # most trees have no virtual store: one substring search each
        return None
    folder = posixpath.dirname(path)
    if name.startswith("@"):
        folder = posixpath.dirname(folder)
    if posixpath.basename(folder) != "node_modules" or f"{folder}/{name}" != path:
        return None
    return folder if posixpath.basename(posixpath.dirname(posixpath.dirname(folder))) == ".pnpm" else None


def linked_beside(graph: DependencyGraph) -> Iterator[tuple[Instance, Instance, str]]:
    """(package, another package pnpm linked beside it in its virtual-store folder, the name of that
    link): what pnpm resolved for the package alone, declared or not (a packageExtensions entry)."""
    owners: dict[str, Instance] = {}
    for instance in graph.instances:
        store = virtual_store_folder(instance.path, instance.name)
        if store is not None:
            owners[store] = instance
    if not owners:
        return
    for instance in graph.instances:
        for link in instance.links:
            folder = posixpath.dirname(link)
            if posixpath.basename(folder).startswith("@"):
                folder = posixpath.dirname(folder)
            owner = owners.get(folder)
            if owner is not None and owner.path != instance.path:
                yield owner, instance, link[len(folder) + 1 :]


def _exists(fs: FileSystem, path: VPath) -> bool:
    return fs.lstat(path) is not None


# pnpm 10 writes .modules.yaml as JSON ("nodeLinker": "hoisted"), older versions as YAML.
_NODE_LINKER = re.compile(rb"^\s*\"?nodeLinker\"?\s*:\s*['\"]?([A-Za-z-]+)", re.MULTILINE)


def _pnpm_node_linker(fs: FileSystem, node_modules: VPath) -> str | None:
    """``nodeLinker`` of .modules.yaml: a top-level scalar, read without parsing the whole (large) file."""
    try:
        match = _NODE_LINKER.search(fs.read_bytes(node_modules + "/.modules.yaml"))
    except FileSystemError:
        return None
    return match.group(1).decode() if match else None


def _npm_is_nested(project: VPath, instances: Sequence[Instance]) -> bool:
    """npm v2 shape: the top level holds only what the project (or a workspace) declares itself."""
    declared: set[str] = set()
    for instance in instances:
        if instance.is_project or instance.is_workspace:
            declared.update(item.name for item in instance.manifest.declared(include_dev=True))
    top = project + "/node_modules/"
    nested = False
    for instance in instances:
        for location in (instance.path, *instance.links):
            if not location.startswith(top):
                continue
            rest = location[len(top) :]
            parts = rest.split("/node_modules/")
            if len(parts) > 1:
                nested = True
            elif rest not in declared:
                return False
    return nested


def _yarn_store(fs: FileSystem, store: VPath) -> bool:
    """Whether a ``.store`` folder is yarn berry's pnpm linker's: each of its folders holds the
    package in ``package/`` (``.store/typescript-npm-5.9.3-<hash>/package``), where npm's linked
    strategy puts it in ``node_modules/<name>`` (``.store/typescript@5.9.3-<hash>/node_modules``)."""
    try:
        names = fs.listdir(store)
    except FileSystemError:
        return False
    for name in names:
        if not name.startswith("."):
            return _exists(fs, f"{store}/{name}/package")
    return False


def detect_layout(fs: FileSystem, project: VPath, instances: Sequence[Instance]) -> str:
    node_modules = project + "/node_modules"
    if _exists(fs, node_modules + "/.modules.yaml") or _exists(fs, node_modules + "/.pnpm"):
        linker = _pnpm_node_linker(fs, node_modules)
        return "pnpm-hoisted" if linker == "hoisted" else "pnpm-isolated"
    if _exists(fs, node_modules + "/.yarn-state.yml"):
        return "yarn-berry-nm"
    if _exists(fs, node_modules + "/.yarn-integrity"):
        return "yarn-classic"
    if _exists(fs, node_modules + "/.store"):
        # yarn berry's pnpm linker keeps its packages in .store too, and leaves yarn's package map
        # (yarn 4.14 and later; before, only its store's folders tell it from npm's)
        if _exists(fs, node_modules + "/.package-map.json") or _yarn_store(fs, node_modules + "/.store"):
            return "yarn-berry-pnpm"
        return "npm-linked"
    if _exists(fs, node_modules + "/.bun"):
        return "bun"
    stat = fs.stat(node_modules + "/.package-lock.json")
    if stat is not None and stat.kind is Kind.FILE:
        return "npm-nested" if _npm_is_nested(project, instances) else "npm-hoisted"
    # bun's hoisted linker leaves no mark in node_modules; its lockfile beside it is the only one.
    if _exists(fs, project + "/bun.lock") or _exists(fs, project + "/bun.lockb"):
        return "bun"
    return "unknown"
