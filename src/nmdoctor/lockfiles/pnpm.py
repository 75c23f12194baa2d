"""pnpm-lock.yaml: lockfileVersion 5.3, 5.4, 6.0 and 9.0.

Importers (the project and its workspaces) map dependency names to refs; a ref names a dep path
(one installed instance: name, version, peer suffix); dep paths list their own dependencies the
same way (``packages`` in 5.x/6.0, ``snapshots`` in 9.0).
"""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError, mapping_or_none
from nmdoctor.lockfiles.platform import platforms_from_name
from nmdoctor.lockfiles.pnpm_modules import StoreNaming, default_naming, naming_of_major
from nmdoctor.lockfiles.pnpm_paths import split_dep_path, store_path
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["main_document", "read_pnpm_lockfile"]

_IMPORTER_FIELDS = (
    ("dependencies", DependencyKind.PROD),
    ("optionalDependencies", DependencyKind.OPTIONAL),
    ("devDependencies", DependencyKind.DEV),
)
# From pnpm 11, an optional package's missing os/cpu/libc are read from its name (lockfiles.platform).
_INFERS_PLATFORMS = 11
_PACKAGE_FIELDS = (("dependencies", DependencyKind.PROD), ("optionalDependencies", DependencyKind.OPTIONAL))
_FIELD_NAMES = tuple(field for field, _kind in _IMPORTER_FIELDS)


def _ref_to_key(name: str, ref: str, version: str) -> str:
    """The dep path a ref stands for (pnpm's refToRelative)."""
    if version.startswith("5"):
        if ref.startswith("/") or "/" in ref.split("_", 1)[0]:
            return ref
        return f"/{name}/{ref}"
    if version.startswith("6"):
        return (
            ref if ref.startswith("/") or ref.startswith("file:") or "/" in ref.split("(", 1)[0] else f"/{name}@{ref}"
        )
    head = ref.split("(", 1)[0]
    at = head.find("@", 1)
    colon = head.find(":")
    if ref.startswith("file:") or (at != -1 and (colon == -1 or at < colon)):
        return ref
    return f"{name}@{ref}"


def _check_deps(deps: dict[str, Any], path: str) -> None:
    """A dependency's value is a version or reference (lockfile 5), or ``{specifier, version}``."""
    for name, item in deps.items():
        if isinstance(item, list) or (isinstance(item, dict) and not isinstance(item.get("version", ""), str)):
            raise LockfileError(f'{path}: the entry of "{name}" is neither a version nor {{specifier, version}}')


def _deps(entry: Any, field: str) -> dict[str, str]:
    value = entry.get(field) if isinstance(entry, dict) else None
    return {str(key): str(item) for key, item in value.items()} if isinstance(value, dict) else {}


def _importer_deps(entry: dict[str, Any], field: str, version: str) -> dict[str, tuple[str, str]]:
    """name -> (specifier, ref)."""
    result: dict[str, tuple[str, str]] = {}
    value = entry.get(field)
    if not isinstance(value, dict):
        return result
    specifiers = entry.get("specifiers") if isinstance(entry.get("specifiers"), dict) else {}
    for name, item in value.items():
        if isinstance(item, dict):
            result[str(name)] = (str(item.get("specifier", "")), str(item.get("version", "")))
        else:
            result[str(name)] = (str(specifiers.get(name, "")) if specifiers else "", str(item))
    del version
    return result


def main_document(text: str) -> str:
    """The project's lockfile in ``text``: pnpm 11 writes the lockfile of its own install (its
    ``packageManagerDependencies`` and ``configDependencies``) as a first YAML document, opened by
    ``---`` and closed by the next ``---`` line, before the project's (pnpm's extractMainDocument).
    A text of one document is returned as it is."""
    normalized = text.replace("\r\n", "\n")
    if not normalized.startswith("---\n"):
        return text
    separator = normalized.find("\n---\n", 4)
    return text if separator == -1 else normalized[separator + 5 :]


def read_pnpm_lockfile(
    text: str, path: str, *, pnpm_major: int | None = None, naming: StoreNaming | None = None
) -> Lockfile:
    """``naming``: how the pnpm that installed ``node_modules`` names store folders (the newest
    pnpm writing this lockfile format when not given; ``pnpm_major`` alone picks that major)."""
    text = main_document(text)
    try:
        data = load_yaml(text)
    except YAMLError as error:
        raise LockfileError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict) or "lockfileVersion" not in data:
        raise LockfileError(f"{path}: no lockfileVersion: not a pnpm lockfile")
    version = str(data["lockfileVersion"])
    if naming is None:
        naming = default_naming(version) if pnpm_major is None else naming_of_major(pnpm_major)
    for section in ("importers", "packages", "snapshots"):
        for key, entry in mapping_or_none(data.get(section), path, f'"{section}"').items():
            mapping_or_none(entry, path, f'{section}["{key}"]')
            for field in (*_FIELD_NAMES, "peerDependencies"):
                _check_deps(mapping_or_none(entry and entry.get(field), path, f'{section}["{key}"].{field}'), path)
    lock = Lockfile("pnpm", version, path)
    importers = data.get("importers")
    if not isinstance(importers, dict):
        importers = {".": data}
    metadata = data.get("packages") if isinstance(data.get("packages"), dict) else {}
    snapshots = data.get("snapshots") if isinstance(data.get("snapshots"), dict) else metadata
    for key, entry in snapshots.items():
        key = str(key)
        info = entry if isinstance(entry, dict) else {}
        name, pkg_version, _suffix = split_dep_path(key, version)
        if isinstance(info.get("name"), str):
            name = info["name"]
            pkg_version = str(info.get("version", pkg_version))
        meta_key = key.split("(", 1)[0] if not version.startswith("5") else key
        meta = metadata.get(meta_key, info) if isinstance(metadata.get(meta_key, info), dict) else info
        resolution = meta.get("resolution") if isinstance(meta.get("resolution"), dict) else {}
        pkg_version = _fetched_version(pkg_version, meta, resolution)
        lock.packages[key] = LockedPackage(
            key=key,
            name=name,
            version=pkg_version,
            path=store_path(
                key,
                name,
                version,
                pnpm_major=naming.pnpm_major,
                max_length=naming.max_length,
                short_prefix=naming.short_prefix,
                ambiguous_escapes=naming.ambiguous_escapes,
                trailing_escapes=naming.trailing_escapes,
            ),
            integrity=resolution.get("integrity") if isinstance(resolution.get("integrity"), str) else None,
            resolved=resolution.get("tarball") if isinstance(resolution.get("tarball"), str) else None,
            dev=info.get("dev") if isinstance(info.get("dev"), bool) else None,
            optional=bool(info.get("optional")),
            peer_dependencies=_declared_peers(meta),
            optional_peers=_optional_peers(meta.get("peerDependenciesMeta")),
            platforms=platforms_from_name(name, _platforms(meta))
            if naming.pnpm_major >= _INFERS_PLATFORMS and info.get("optional")
            else _platforms(meta),
            node_engine=_node_engine(meta),
            bundled=tuple(str(item) for item in meta.get("bundledDependencies") or () if isinstance(item, str))
            if isinstance(meta.get("bundledDependencies"), list)
            else (),
            directory=_directory(resolution),
        )
    for importer_path in importers:
        location = "" if importer_path == "." else posixpath.normpath(str(importer_path))
        key = f"importer:{location}"
        lock.packages[key] = LockedPackage(key, location or ".", "", location, is_importer=True)
    for importer_path, entry in importers.items():
        location = "" if importer_path == "." else posixpath.normpath(str(importer_path))
        source = f"importer:{location}"
        for field, kind in _IMPORTER_FIELDS:
            for name, (specifier, ref) in _importer_deps(
                entry if isinstance(entry, dict) else {}, field, version
            ).items():
                lock.edges.append(
                    LockedEdge(source, name, specifier, kind, _target(lock, location, name, ref, version))
                )
    for key, entry in snapshots.items():
        package = lock.packages[str(key)]
        # the peers it declares with a range; a peerDependenciesMeta-only one (written `'*'`, optional)
        # resolved by pnpm's peer dedupe stays the dependency pnpm lists it as: planned as a peer, it
        # would give the package's dependents a peer suffix pnpm does not give them (peer-dedupe)
        peers = set(package.peer_dependencies)
        for field, kind in _PACKAGE_FIELDS:
            for name, ref in _deps(entry, field).items():
                # pnpm lists the peers it resolved among the dependencies: they stay peers (the
                # installed package.json says so), found where the layout puts them; under
                # node-linker=hoisted a peer resolved to a workspace is not linked beside the package
                # (styled-components' babel-plugin-styled-components): an unmet peer, not a missing
                # dependency.
                edge_kind = DependencyKind.PEER if name in peers else kind
                lock.edges.append(LockedEdge(str(key), name, ref, edge_kind, _target(lock, None, name, ref, version)))
        # a peer it did not resolve (optional, or missing) is an edge to nothing, as in the installed tree.
        resolved = set(_deps(entry, "dependencies")) | set(_deps(entry, "optionalDependencies"))
        for name, spec in package.peer_dependencies.items():
            if name not in resolved:
                lock.edges.append(LockedEdge(str(key), name, spec, DependencyKind.PEER, None))
    return lock


def _fetched_version(key_version: str, meta: dict[str, Any], resolution: dict[str, Any]) -> str:
    """The version of a package fetched from git or a tarball URL: lockfile 9 keys it by where it
    came from (``gitpkg@git+https://host/repo#<commit>``, ``xlsx@https://cdn.example/xlsx-0.20.3.tgz``)
    and records the version of its package.json beside it (``version: 4.0.0``), which is what is
    installed (pnpm 10.34.8 and 11.29.0)."""
    fetched = resolution.get("type") == "git" or isinstance(resolution.get("tarball"), str)
    if fetched and ":" in key_version and isinstance(meta.get("version"), str):
        return meta["version"]
    return key_version


def _directory(resolution: dict[str, Any]) -> str | None:
    """The project folder a ``file:`` dependency is copied from (``resolution: {directory, type:
    directory}``); lockfile 9 records no version for it: the folder's package.json has it."""
    folder = resolution.get("directory")
    if resolution.get("type") != "directory" or not isinstance(folder, str):
        return None
    return posixpath.normpath(folder)


def _platforms(meta: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    found = {}
    for key in ("os", "cpu", "libc"):
        value = meta.get(key)
        if isinstance(value, list):
            found[key] = tuple(str(item) for item in value)
    return found


def _node_engine(meta: dict[str, Any]) -> str | None:
    engines = meta.get("engines")
    node = engines.get("node") if isinstance(engines, dict) else None
    return node if isinstance(node, str) else None


def _string_map(value: Any) -> dict[str, str]:
    return {str(key): str(item) for key, item in value.items()} if isinstance(value, dict) else {}


def _declared_peers(meta: dict[str, Any]) -> dict[str, str]:
    """The package's peerDependencies. pnpm writes a peer named only in peerDependenciesMeta as
    ``peerDependencies: {name: '*'}`` with ``optional: true``; such an entry is read as that (the
    common case: debug's supports-color), although a package can also declare exactly that."""
    peers = _string_map(meta.get("peerDependencies"))
    optional = _optional_peers(meta.get("peerDependenciesMeta"))
    return {name: spec for name, spec in peers.items() if not (name in optional and spec.strip() == "*")}


def _optional_peers(value: Any) -> frozenset[str]:
    if not isinstance(value, dict):
        return frozenset()
    return frozenset(str(key) for key, item in value.items() if isinstance(item, dict) and item.get("optional") is True)


def _target(lock: Lockfile, importer: str | None, name: str, ref: str, version: str) -> str | None:
    if ref.startswith("link:"):
        base = importer if importer is not None else ""
        target = posixpath.normpath(posixpath.join(base, ref[5:]))
        target = "" if target == "." else target
        key = f"importer:{target}"
        if key in lock.packages:
            return key
        # A link to a folder that is not a workspace: installed as a symlink to that folder.
        key = f"link:{target}"
        if key not in lock.packages:
            lock.packages[key] = LockedPackage(key, name, "", target, local=True)
        return key
    key = _ref_to_key(name, ref, version)
    if key not in lock.packages and ref.startswith("file:"):
        key = f"{name}@{ref}"  # lockfile 9: a folder or tarball dependency is keyed name@file:path
    return key if key in lock.packages else None
