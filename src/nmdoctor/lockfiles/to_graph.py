"""A Lockfile as the dependency model, so ``ls``/``why`` work without node_modules (``--lockfile``)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.lockfiles.model import LockedPackage, Lockfile
from nmdoctor.lockfiles.platform import installable_here, installable_on, node_here, this_machine
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import DependencyKind, Manifest, ManifestError, manifest_from_json
from nmdoctor.model.specs import satisfies
from nmdoctor.vfs.base import FileSystem, VPath

__all__ = ["UNPLACED", "local_manifests", "lockfile_graph", "skipped_here", "store_folder"]

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
    return project if package.path == "" else posixpath.normpath(f"{project}/{package.path}")


def local_manifests(fs: FileSystem, project: VPath, lock: Lockfile) -> dict[str, dict[str, Any]]:
    """The package.json of every project folder the lockfile names (workspaces, linked folders, and
    the folders pnpm copies for ``file:`` dependencies), by folder relative to the project: what
    ``lockfile_graph`` takes as ``importer_manifests``."""
    found: dict[str, dict[str, Any]] = {}
    for package in lock.packages.values():
        folders = [package.path] if package.is_importer or package.local else []
        folders += [package.directory] if package.directory is not None else []
        for folder in folders:
            if folder and folder not in found:
                manifest = manifest_json(fs, posixpath.normpath(f"{project}/{folder}"))
                if manifest is not None:
                    found[folder] = manifest
    return found


def _unrecorded_project(project: VPath, root_manifest: dict[str, object] | None) -> Instance:
    try:
        manifest = manifest_from_json(root_manifest) if root_manifest else Manifest(None, None)
    except ManifestError:
        manifest = Manifest(None, None)
    name = manifest.name or posixpath.basename(project)
    return Instance(name, manifest.version or "", project, manifest, is_project=True)


def lockfile_graph(
    lock: Lockfile,
    project: VPath,
    root_manifest: dict[str, object] | None = None,
    importer_manifests: Mapping[str, dict[str, object]] | None = None,
    *,
    plug_n_play: bool = False,
    supported: Mapping[str, Sequence[str]] | None = None,
) -> DependencyGraph:
    """``importer_manifests`` (folder relative to the project -> package.json) name the workspaces
    of lockfiles that record them by folder only (pnpm), and the local folders linked by ``link:``.

    Optional packages the lockfile marks for other platforms are left out: no manager installs
    them here; nor what only they lead to, except under yarn's Plug'n'Play (``plug_n_play``), which
    installs it; ``supported`` names the platforms yarn berry installs for (``supportedArchitectures``).
    Each package's manifest declares the dependencies its lockfile entry records."""
    instances: dict[str, Instance] = {}
    importer_manifests = importer_manifests or {}
    declared: dict[str, list[tuple[str, str, DependencyKind]]] = {}
    for edge in lock.edges:
        declared.setdefault(edge.source, []).append((edge.name, edge.spec, edge.kind))
    skipped = skipped_here(lock, with_what_only_they_lead_to=not plug_n_play, supported=supported)
    for key, package in lock.packages.items():
        if package.link_to is not None or key in skipped:
            continue
        is_root = package.path == "" and package.is_importer
        reads_disk = package.is_importer or package.local
        own = root_manifest if is_root else importer_manifests.get(package.path or "") if reads_disk else None
        if own:
            manifest = manifest_from_json(own)
            # A nameless project or workspace is named by its folder, as the installed tree names it.
            unnamed = posixpath.basename(package.path or project) if package.is_importer else package.name
            name, version = manifest.name or unnamed, manifest.version or ""
        else:
            copied = importer_manifests.get(package.directory) if package.directory is not None else None
            # pnpm lists the peers it resolved among an instance's dependencies: they stay peers.
            # Elsewhere a name in both fields is a dependency (yarn and npm install it).
            peer_names = set(package.peer_dependencies) | package.optional_peers if lock.kind == "pnpm" else set()
            own_edges = [item for item in declared.get(key, ()) if item[0] not in peer_names]
            manifest = Manifest(
                package.name,
                package.version,
                dependencies=tuple((n, spec) for n, spec, kind in own_edges if kind is DependencyKind.PROD)
                + tuple((n, "*") for n in package.bundled if not any(n == item[0] for item in own_edges)),
                optional_dependencies=tuple(
                    (n, spec) for n, spec, kind in own_edges if kind is DependencyKind.OPTIONAL
                ),
                peer_dependencies=tuple(package.peer_dependencies.items()),
                optional_peers=package.optional_peers,
                bins=package.bins,
                bundled=package.bundled,
            )
            name, version = package.name, package.version
            if copied is not None and isinstance(copied.get("version"), str):
                version = str(copied["version"])
                manifest = replace(manifest, version=version)
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
        optional = (
            edge.kind is DependencyKind.OPTIONAL
            or (edge.kind is DependencyKind.PEER and edge.name in lock.packages[edge.source].optional_peers)
            or _left_for_another_platform(lock, target_key, skipped)
        )
        edges.append(Edge(source, edge.name, edge.spec, edge.kind, optional, target))
        # pnpm links each dependency into its dependent's node_modules, a workspace's dependency on
        # itself (``version: 'link:'``) included.
        own = source.is_project or source.is_workspace
        if lock.kind == "pnpm" and target is not None and (target.path != source.path or own):
            folder = source.path if own else store_folder(source)
            link = f"{folder}/node_modules/{edge.name}" if own else f"{folder}/{edge.name}"
            if link not in target.links and link != target.path:
                target.links.append(link)
    if not any(instance.is_project for instance in instances.values()):
        # a lockfile that does not record the project itself (a yarn.lock with no `@workspace:.`
        # entry, which yarn 4.18.1's --immutable install refuses): the project is still there, and
        # nothing the lockfile holds is locked for what its package.json declares
        instances[""] = unrecorded = _unrecorded_project(project, root_manifest)
        edges.extend(
            Edge(unrecorded, item.name, item.spec, item.kind, item.optional, None)
            for item in unrecorded.manifest.declared(include_dev=True)
            if item.kind is not DependencyKind.PEER
        )
    ordered = sorted(instances.values(), key=lambda item: (not item.is_project, item.path))
    for instance in ordered:
        instance.links.sort()
    return DependencyGraph(project, _LAYOUTS.get(lock.kind, "unknown"), ordered, edges)


def _left_for_another_platform(lock: Lockfile, key: str | None, skipped: set[str]) -> bool:
    """Does the edge lead to an optional package left out for this platform? The manager installs it
    only as an optional dependency, whatever field the dependent's lockfile entry lists it in (an npm
    lockfile v2 converted from v1 lists chokidar 3.4.1's fsevents under ``dependencies``, while
    npm 11.19.1's ``npm ci`` on linux skips it and ``npm ls --all`` exits 0): a required edge to a
    package for another platform would stop the install (EBADPLATFORM) instead."""
    return key is not None and key in skipped and lock.packages[key].optional and bool(lock.packages[key].platforms)


def store_folder(instance: Instance) -> VPath:
    """``.../.pnpm/<entry>/node_modules`` for an instance at ``.../.pnpm/<entry>/node_modules/<name>``:
    where pnpm links the package's dependencies."""
    depth = 2 if instance.name.startswith("@") else 1
    folder = instance.path
    for _ in range(depth):
        folder = posixpath.dirname(folder)
    return folder


def _engine_refuses(node_range: str) -> bool:
    """Does the node on PATH fall outside ``engines.node`` (unknown: no)?"""
    node = node_here()
    return node is not None and satisfies(node, node_range) is False


def skipped_here(
    lock: Lockfile,
    *,
    with_what_only_they_lead_to: bool = True,
    supported: Mapping[str, Sequence[str]] | None = None,
) -> set[str]:
    """Packages no manager installs on this machine: optional ones locked for other platforms (or,
    by pnpm and npm, for other node versions), and what only they lead to (a wasm fallback's runtime,
    fsevents' bindings). Without ``with_what_only_they_lead_to``, the skipped packages alone: yarn
    berry under Plug'n'Play skips only the package whose conditions exclude the machine, and still
    fetches and maps its dependencies (fsevents' node-gyp, unplugged). ``supported``: the platforms
    yarn berry installs for besides this machine (``supportedArchitectures``).

    pnpm installs what its importers reach and nothing else: an entry a later edit left behind
    (no importer and no package depends on it any more, and ``--frozen-lockfile`` does not prune
    the file) is not installed, optional or not (checked with real pnpm 8, 9, 10 and 11). So does
    yarn 1: the entry a resolution under a parent writes (``a/inner``) that no dependency's range
    leads to is locked and not installed (yarn 1.22.22)."""
    machine = this_machine()
    skipped = {
        key
        for key, package in lock.packages.items()
        if package.optional
        and (
            (
                package.platforms
                and not (
                    installable_on(package.platforms, supported)
                    if supported
                    else installable_here(package.platforms, machine)
                )
            )
            or (package.node_engine is not None and _engine_refuses(package.node_engine))
        )
    }
    prunes = lock.kind in ("pnpm", "yarn-classic")
    if not with_what_only_they_lead_to or not (skipped or prunes):
        return skipped
    reached = {key for key, package in lock.packages.items() if package.is_importer}
    pending = list(reached)
    outgoing: dict[str, list[str]] = {}
    for edge in lock.edges:
        if edge.target is not None:
            outgoing.setdefault(edge.source, []).append(edge.target)
    while pending:
        key = pending.pop()
        package = lock.packages.get(key)
        following = list(outgoing.get(key, ()))
        if package is not None and package.link_to is not None:
            following.append(package.link_to)
        for target in following:
            if target not in reached and target not in skipped:
                reached.add(target)
                pending.append(target)
    return skipped | {key for key in lock.packages if key not in reached and (prunes or lock.packages[key].optional)}
