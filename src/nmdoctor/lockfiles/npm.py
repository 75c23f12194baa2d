"""package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3.

v2/v3 ``packages`` are keyed by install location; a dependency is found from its dependent's
location exactly as node walks ``node_modules`` (arborist does the same). v1's nested
``dependencies`` tree is turned into the same locations.
"""

from __future__ import annotations

import fnmatch
import posixpath
from functools import lru_cache
from typing import Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError, executables
from nmdoctor.lockfiles.npm_ci import npm_ci_leaves_out, root_overrides
from nmdoctor.model.manifest import DependencyKind, Manifest, manifest_from_json
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.vfs.limits import load_json

__all__ = ["read_npm_lockfile"]

_ROOT = "/__project__"


def _name_from_location(location: str) -> str:
    if "node_modules/" not in location:
        return posixpath.basename(location)
    return location.rpartition("node_modules/")[2]


def _candidates(location: str, name: str) -> list[str]:
    """Where node looks for ``name`` from the package at ``location`` (relative locations)."""
    return [folder + name for folder in _search_folders(location)]


@lru_cache(maxsize=16384)  # a lockfile asks this for every dependency of a location
def _search_folders(location: str) -> tuple[str, ...]:
    """The node_modules folders node searches from ``location``, each with a trailing slash."""
    start = f"{_ROOT}/{location}" if location else _ROOT
    found = []
    for folder in node_modules_paths(start):
        if not folder.startswith(_ROOT + "/"):
            break
        found.append(folder[len(_ROOT) + 1 :] + "/")
    return tuple(found)


def _declared(
    entry: dict[str, Any], *, include_dev: bool, manifest: Manifest | None = None
) -> tuple[tuple[str, str, DependencyKind, bool], ...]:
    """``manifest``: ``entry`` read already."""
    manifest = manifest if manifest is not None else manifest_from_json(entry)
    return tuple(
        (item.name, item.spec, item.kind, item.optional) for item in manifest.declared(include_dev=include_dev)
    )


def _workspace_globs(root_entry: dict[str, Any]) -> list[str]:
    globs = root_entry.get("workspaces")
    if isinstance(globs, dict):
        globs = globs.get("packages")
    return [posixpath.normpath(item.strip("/")) for item in globs or () if isinstance(item, str)]


def _platforms(entry: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    found = {}
    for key in ("os", "cpu", "libc"):
        value = entry.get(key)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            found[key] = tuple(str(item) for item in value)
    return found


def _node_engine(entry: dict[str, Any]) -> str | None:
    """The entry's ``engines.node``: npm's reify checks it for an optional package, with no regard
    to --force or engine-strict, and skips the package (and what only it brings) when the running
    node falls outside it (arborist reify.js, ``checkEngine`` before extracting an optional node)."""
    engines = entry.get("engines")
    node = engines.get("node") if isinstance(engines, dict) else None
    return node if isinstance(node, str) else None


def _read_packages(lock: Lockfile, packages: dict[str, Any], root_manifest: dict[str, Any] | None) -> None:
    # Entries npm marks extraneous are not installed by `npm ci`: they are not part of the model.
    lock.extraneous = {
        location: str(entry.get("version", ""))
        for location, entry in packages.items()
        if isinstance(entry, dict) and entry.get("extraneous") is True
    }
    packages = {
        location: entry
        for location, entry in packages.items()
        if not (isinstance(entry, dict) and entry.get("extraneous") is True)
    }
    root_entry = dict(packages.get("", {})) if isinstance(packages.get("", {}), dict) else {}
    globs = _workspace_globs({**(root_manifest or {}), **root_entry})
    linked: set[str] = set()
    for location, entry in packages.items():
        if not isinstance(entry, dict):
            raise LockfileError(f"{lock.path}: packages[{location!r}] is not an object")
        if not isinstance(entry.get("version", ""), str):
            raise LockfileError(f"{lock.path}: packages[{location!r}].version is not a string")
        if entry.get("link"):
            target = entry.get("resolved")
            if isinstance(target, str):
                linked.add(posixpath.normpath(target))
    # A link's target is a workspace when the root's workspace globs name it, else a plain folder.
    workspaces = {folder for folder in linked if any(fnmatch.fnmatchcase(folder, glob) for glob in globs)}
    # A folder outside node_modules (a workspace, a linked folder) is named by its link.
    link_names = {
        posixpath.normpath(str(entry["resolved"])): _name_from_location(location)
        for location, entry in packages.items()
        if entry.get("link") and isinstance(entry.get("resolved"), str)
    }
    manifests: dict[str, Manifest] = {}
    for location, entry in packages.items():
        name = entry.get("name") if isinstance(entry.get("name"), str) else link_names.get(location)
        if location == "":
            name = name or (root_manifest or {}).get("name") or "root"
        package = LockedPackage(
            key=location,
            name=name or _name_from_location(location),
            version=str(entry.get("version", "")),
            path=location,
            is_importer=location == "" or location in workspaces,
            resolved=entry.get("resolved") if isinstance(entry.get("resolved"), str) else None,
            integrity=entry.get("integrity") if isinstance(entry.get("integrity"), str) else None,
            dev=bool(entry.get("dev") or entry.get("devOptional")),
            optional=bool(entry.get("optional") or entry.get("devOptional")),
            dev_optional=entry.get("devOptional") is True,
            in_bundle=entry.get("inBundle") is True,
            local=location in linked and location not in workspaces,
            platforms=_platforms(entry),
            node_engine=_node_engine(entry),
            bins=executables(entry.get("bin")),
            bundled=_bundled(entry),
        )
        declared = manifests[location] = manifest_from_json(entry)
        package.peer_dependencies = dict(declared.peer_dependencies)
        package.optional_peers = declared.optional_peers
        if entry.get("link"):
            package.link_to = posixpath.normpath(str(entry.get("resolved", "")))
        lock.packages[location] = package
    if root_manifest is not None:
        root_entry = {**root_manifest, **root_entry}
    for location, entry in packages.items():
        package = lock.packages[location]
        if package.link_to is not None:
            continue
        source_entry = root_entry if location == "" else entry
        manifest = None if location == "" else manifests[location]
        for name, spec, kind, _optional in _declared(source_entry, include_dev=package.is_importer, manifest=manifest):
            lock.edges.append(LockedEdge(location, name, spec, kind, _find(lock, location, name)))
    overrides, undecided = root_overrides(root_manifest if root_manifest is not None else root_entry)
    left_out = npm_ci_leaves_out(lock, _candidates, overrides=overrides, undecided=undecided)
    if left_out:
        _leave_out(lock, left_out)


def _leave_out(lock: Lockfile, keys: set[str]) -> None:
    """Drop the entries ``npm ci`` does not install; the edges that reached them find what is left."""
    for key in keys:
        del lock.packages[key]
    edges = []
    for edge in lock.edges:
        if edge.source in keys:
            continue
        if edge.target in keys:
            edge = LockedEdge(edge.source, edge.name, edge.spec, edge.kind, _find(lock, edge.source, edge.name))
        edges.append(edge)
    lock.edges = edges


def _find(lock: Lockfile, location: str, name: str) -> str | None:
    for candidate in _candidates(location, name):
        package = lock.packages.get(candidate)
        if package is None:
            continue
        seen = 0
        while package.link_to is not None and seen < 32:
            seen += 1
            target = lock.packages.get(package.link_to)
            if target is None:
                return package.key
            package = target
        return package.key
    return None


def _read_v1(lock: Lockfile, dependencies: dict[str, Any], root_manifest: dict[str, Any] | None) -> None:
    """lockfileVersion 1: a nested tree of ``dependencies`` with ``requires`` maps."""
    manifest = root_manifest or {}
    lock.packages[""] = LockedPackage(
        "", str(manifest.get("name") or "root"), str(manifest.get("version", "")), "", is_importer=True
    )
    requires: dict[str, dict[str, str]] = {}

    def visit(entries: dict[str, Any], parent: str) -> None:
        for folder_name, entry in entries.items():
            if not isinstance(entry, dict):
                raise LockfileError(f"{lock.path}: dependencies[{folder_name!r}] is not an object")
            location = f"{parent}/node_modules/{folder_name}" if parent else f"node_modules/{folder_name}"
            version = str(entry.get("version", ""))
            name = folder_name
            link_to = None
            if version.startswith("npm:"):
                name, _, version = version[4:].rpartition("@")
            elif version.startswith("file:"):
                link_to = posixpath.normpath(version[5:])
            lock.packages[location] = LockedPackage(
                location,
                name,
                version,
                location,
                link_to=link_to,
                resolved=entry.get("resolved") if isinstance(entry.get("resolved"), str) else None,
                integrity=entry.get("integrity") if isinstance(entry.get("integrity"), str) else None,
                dev=bool(entry.get("dev")),
                optional=bool(entry.get("optional")),
            )
            wanted = entry.get("requires")
            requires[location] = dict(wanted) if isinstance(wanted, dict) else {}
            nested = entry.get("dependencies")
            if isinstance(nested, dict):
                visit(nested, location)

    visit(dependencies, "")
    for link in [package for package in lock.packages.values() if package.link_to is not None]:
        target = link.link_to or ""
        if target not in lock.packages:
            lock.packages[target] = LockedPackage(target, link.name, link.version, target, is_importer=True)
    for name, spec, kind, _optional in _declared(manifest, include_dev=True):
        lock.edges.append(LockedEdge("", name, spec, kind, _find(lock, "", name)))
    for location, wanted in requires.items():
        for name, spec in wanted.items():
            lock.edges.append(LockedEdge(location, name, str(spec), DependencyKind.PROD, _find(lock, location, name)))


def read_npm_lockfile(text: str, path: str, root_manifest: dict[str, Any] | None = None) -> Lockfile:
    """Read package-lock.json / npm-shrinkwrap.json text; ``root_manifest`` is the project's package.json."""
    try:
        data = load_json(text)
    except ValueError as error:
        raise LockfileError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise LockfileError(f"{path}: expected a JSON object")
    version = data.get("lockfileVersion", 1)
    lock = Lockfile("npm", str(version), path)
    packages = data.get("packages")
    if isinstance(packages, dict) and packages:
        _read_packages(lock, packages, root_manifest)
    elif isinstance(data.get("dependencies"), dict) or version == 1:
        _read_v1(
            lock,
            data.get("dependencies") or {},
            root_manifest or {"name": data.get("name"), "version": data.get("version")},
        )
    else:
        raise LockfileError(f'{path}: neither "packages" nor "dependencies" is an object')
    return lock


def _bundled(entry: dict[str, Any]) -> tuple[str, ...]:
    """The names a package's tarball bundles, as package-lock.json records them (its
    ``bundleDependencies`` list; ``true`` bundles every dependency)."""
    names = entry.get("bundleDependencies", entry.get("bundledDependencies"))
    if names is True:
        names = list(entry.get("dependencies") or ())
    return tuple(str(name) for name in names if isinstance(name, str)) if isinstance(names, list) else ()
