"""A Lockfile as the dependency model, so ``ls``/``why`` work without node_modules (``--lockfile``)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from nmdoctor.lockfiles.model import LockedPackage, Lockfile
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import Manifest, manifest_from_json
from nmdoctor.vfs.base import VPath

__all__ = ["UNPLACED", "lockfile_graph"]

UNPLACED = "(unplaced)"
"""Folder standing for the packages of a lockfile that records no install locations (yarn)."""

_LAYOUTS = {
    "npm": "npm-hoisted",
    "pnpm": "pnpm-isolated",
    "yarn-classic": "yarn-classic",
    "yarn-berry": "yarn-berry-nm",
    "bun": "bun",
}


def _location(project: VPath, package: LockedPackage) -> VPath:
    if package.path is None:
        return f"{project}/{UNPLACED}/{package.name}@{package.version}"
    return project if package.path == "" else f"{project}/{package.path}"


def lockfile_graph(
    lock: Lockfile,
    project: VPath,
    root_manifest: dict[str, object] | None = None,
    importer_manifests: Mapping[str, dict[str, object]] | None = None,
) -> DependencyGraph:
    """``importer_manifests`` (folder relative to the project -> package.json) name the workspaces
    of lockfiles that record them by folder only (pnpm)."""
    instances: dict[str, Instance] = {}
    importer_manifests = importer_manifests or {}
    for key, package in lock.packages.items():
        if package.link_to is not None:
            continue
        is_root = package.path == "" and package.is_importer
        own = root_manifest if is_root else importer_manifests.get(package.path or "") if package.is_importer else None
        if own:
            manifest = manifest_from_json(own)
            name, version = manifest.name or package.name, manifest.version or ""
        else:
            manifest = Manifest(
                package.name,
                package.version,
                peer_dependencies=tuple(package.peer_dependencies.items()),
                optional_peers=package.optional_peers,
            )
            name, version = package.name, package.version
        instance = Instance(
            name,
            version,
            _location(project, package),
            manifest,
            is_project=package.path == "" and package.is_importer,
            is_workspace=package.is_importer and package.path != "",
        )
        instances[key] = instance
    for package in lock.packages.values():
        if package.link_to is not None and package.link_to in instances:
            instances[package.link_to].links.append(_location(project, package))
    edges = []
    for edge in lock.edges:
        source = instances.get(edge.source)
        target_key = edge.target
        while target_key is not None and lock.packages[target_key].link_to is not None:
            target_key = lock.packages[target_key].link_to
        target = instances.get(target_key) if target_key is not None else None
        if source is None:
            continue
        edges.append(Edge(source, edge.name, edge.spec, edge.kind, False, target))
        if lock.kind == "pnpm" and target is not None and target.path != source.path:
            folder = source.path if source.is_project or source.is_workspace else _store_folder(source)
            link = (
                f"{folder}/node_modules/{edge.name}"
                if source.is_project or source.is_workspace
                else (f"{folder}/{edge.name}")
            )
            if link not in target.links and link != target.path:
                target.links.append(link)
    ordered = sorted(instances.values(), key=lambda item: (not item.is_project, item.path))
    for instance in ordered:
        instance.links.sort()
    return DependencyGraph(project, _LAYOUTS.get(lock.kind, "unknown"), ordered, edges)


def _store_folder(instance: Instance) -> VPath:
    """``.../.pnpm/<entry>/node_modules`` for an instance at ``.../.pnpm/<entry>/node_modules/<name>``."""
    depth = 2 if instance.name.startswith("@") else 1
    folder = instance.path
    for _ in range(depth):
        folder = posixpath.dirname(folder)
    return folder
