"""bun.lock: bun's text lockfile (JSON with trailing commas), lockfileVersion 0 to 2.

``workspaces`` holds each importer's declarations by folder ("" is the project); ``packages`` is
keyed by the package's place in bun's hoisted tree: ``c`` is ``node_modules/c``, ``b/c`` is ``c``
nested in ``b``'s folder (a workspace's folder when ``b`` is a workspace), and each value is
``[ident, ...]``: ``"name@version"``, the tarball, the package's own declarations, the integrity for
a registry package; ``"name@workspace:path"`` for a workspace; a declarations object for file, link,
git and tarball packages. A dependency is found from its dependent's place as node walks
node_modules. The binary ``bun.lockb`` is not read here: ``bun bun.lockb`` prints it as a yarn v1
lockfile.
"""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError
from nmdoctor.model.manifest import DependencyKind, manifest_from_json
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.vfs.limits import load_json

__all__ = ["read_bun_lockfile", "strip_trailing_commas", "unlinked_when_isolated"]

_ROOT = "/__project__"


def strip_trailing_commas(text: str) -> str:
    """JSON text without the commas bun leaves before ``}`` and ``]`` (strings left untouched)."""
    out: list[str] = []
    in_string = False
    escaped = False
    pending_comma = -1  # index in ``out`` of a comma that may be trailing
    for char in text:
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char in "}]" and pending_comma >= 0:
            out[pending_comma] = ""
        if char == ",":
            pending_comma = len(out)
        elif not char.isspace():
            pending_comma = -1
        if char == '"':
            in_string = True
        out.append(char)
    return "".join(out)


def _split_ident(ident: str) -> tuple[str, str]:
    """``name@version`` (the name may be scoped) -> (name, version)."""
    at = ident.find("@", 1)
    if at < 0:
        return ident, ""
    return ident[:at], ident[at + 1 :]


def _key_names(key: str) -> list[str]:
    """The package names along a ``packages`` key: ``@s/x/c`` -> ["@s/x", "c"]."""
    parts = key.split("/")
    names: list[str] = []
    index = 0
    while index < len(parts):
        if parts[index].startswith("@") and index + 1 < len(parts):
            names.append(parts[index] + "/" + parts[index + 1])
            index += 2
        else:
            names.append(parts[index])
            index += 1
    return names


def _info(entry: list[Any]) -> dict[str, Any]:
    """The declarations object of a ``packages`` value (wherever its form puts it)."""
    return next((item for item in entry[1:] if isinstance(item, dict)), {})


def read_bun_lockfile(text: str, path: str, root_manifest: dict[str, Any] | None = None) -> Lockfile:
    """Read bun.lock text; ``root_manifest`` is the project's package.json."""
    try:
        data = load_json(strip_trailing_commas(text))
    except ValueError as error:
        raise LockfileError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise LockfileError(f"{path}: expected a JSON object")
    workspaces = data.get("workspaces", {})
    packages = data.get("packages", {})
    if not isinstance(workspaces, dict) or not isinstance(packages, dict):
        raise LockfileError(f'{path}: "workspaces" and "packages" must be objects')
    lock = Lockfile("bun", str(data.get("lockfileVersion", "")), path)
    folders: dict[str, str] = {}  # workspace name -> folder
    for folder, declared in workspaces.items():
        if not isinstance(declared, dict):
            raise LockfileError(f"{path}: workspaces[{folder!r}] is not an object")
        name = declared.get("name") or (root_manifest or {}).get("name") if folder == "" else declared.get("name")
        lock.packages[folder] = LockedPackage(
            folder, str(name or posixpath.basename(folder) or "root"), str(declared.get("version", "")), folder,
            is_importer=True,
        )  # fmt: skip
        # The project's own name never prefixes a key: its dependencies sit at the top of the tree.
        # A key ``<its name>/c`` is ``c`` nested in a registry package of the same name (elysia's
        # own repository installs a published elysia for a plugin's peer).
        if folder and isinstance(declared.get("name"), str):
            folders[declared["name"]] = folder
    locations: dict[str, str] = {}
    for key in packages:
        names = _key_names(key)
        location = folders.get(names[0]) if len(names) > 1 and names[0] in folders else f"node_modules/{names[0]}"
        for name in names[1:]:
            location = f"{location}/node_modules/{name}"
        locations[key] = str(location)
    declarations: dict[str, dict[str, Any]] = {}
    for key, entry in packages.items():
        if not isinstance(entry, list) or not entry or not isinstance(entry[0], str):
            raise LockfileError(f"{path}: packages[{key!r}] is not [ident, ...]")
        name, version = _split_ident(entry[0])
        location = locations[key]
        if version.startswith("workspace:"):
            folder = posixpath.normpath(version[len("workspace:") :])
            target = lock.packages.get(folder)
            lock.packages[location] = LockedPackage(
                location, name, target.version if target else "", location, link_to=folder if target else None
            )
            continue
        if version.startswith("npm:"):  # an alias: "alias-c": ["c@npm:1.0.0", ...] in older files
            name, version = _split_ident(version[4:])
        resolved = entry[1] if len(entry) > 1 and isinstance(entry[1], str) else None
        integrity = entry[3] if len(entry) > 3 and isinstance(entry[3], str) else None
        lock.packages[location] = LockedPackage(
            location, name, version, location, resolved=resolved or None, integrity=integrity
        )
        info = _info(entry)
        declarations[location] = info
        manifest = manifest_from_json({**info, "peerDependenciesMeta": _peer_meta(info.get("optionalPeers"))})
        lock.packages[location].peer_dependencies = dict(manifest.peer_dependencies)
        lock.packages[location].optional_peers = manifest.optional_peers
        lock.packages[location].platforms = _platforms(info)
    for folder, declared in workspaces.items():
        manifest = manifest_from_json(declared)
        for item in manifest.declared(include_dev=True):
            lock.edges.append(LockedEdge(folder, item.name, item.spec, item.kind, _find(lock, folder, item.name)))
    for location, info in declarations.items():
        manifest = manifest_from_json({**info, "peerDependenciesMeta": _peer_meta(info.get("optionalPeers"))})
        for item in manifest.declared(include_dev=False):
            target = _find(lock, location, item.name)
            lock.edges.append(LockedEdge(location, item.name, item.spec, item.kind, target))
    for location in _reached_only_through_optional(lock):
        lock.packages[location].optional = True
    return lock


def _reached_only_through_optional(lock: Lockfile) -> set[str]:
    """The packages every path from an importer to reaches through an optional dependency, as npm
    marks them ``optional`` (bun's lockfile does not say): a platform package bun skips takes the
    dependencies only it leads to (a wasm fallback's runtime) with it."""
    importers = [key for key, package in lock.packages.items() if package.is_importer]
    strong = _reach(lock, importers, follow_optional=False)
    return _reach(lock, importers, follow_optional=True) - strong


def unlinked_when_isolated(lock: Lockfile) -> set[str]:
    """The packages bun's isolated linker (``node_modules/.bun``) does not install. bun.lock's
    entries are its hoisted tree, and the isolated linker follows dependencies only: an optional
    peer is never installed for its own sake (vite's ``terser``, unstorage's ``ioredis`` stay out),
    and a required peer is linked to the copy of that name the tree already has, even out of the
    peer's range, not to the copy the hoisted tree nests for it (lucide-react's ``react@18.2.0``
    beside the workspaces' react 19). A peer no dependency brings is installed. What only the left-
    out entries lead to stays out with them. (bun 1.3.1, t3-oss/t3-env: all of these installed with
    ``--linker hoisted``, none with the isolated linker.)"""
    outgoing: dict[str, list[tuple[str, bool]]] = {}  # source -> (target, through a peer)
    for edge in lock.edges:
        if edge.target is None:
            continue
        source = lock.packages.get(edge.source)
        if edge.kind is DependencyKind.PEER and source is not None and edge.name in source.optional_peers:
            continue
        outgoing.setdefault(edge.source, []).append((edge.target, edge.kind is DependencyKind.PEER))
    pending = [key for key, package in lock.packages.items() if package.is_importer]
    reached = set(pending)
    names: set[str] = set()
    peers: list[str] = []
    while pending or peers:
        while pending:
            key = pending.pop()
            package = lock.packages.get(key)
            following = [(package.link_to, False)] if package is not None and package.link_to else []
            for target, through_peer in [*following, *outgoing.get(key, ())]:
                if through_peer:
                    peers.append(target)
                elif target not in reached:
                    reached.add(target)
                    names.add(lock.packages[target].name)
                    pending.append(target)
        # A required peer is installed only when no dependency brought a copy of its name.
        for target in peers:
            if target not in reached and lock.packages[target].name not in names:
                reached.add(target)
                names.add(lock.packages[target].name)
                pending.append(target)
        peers = []
    return {key for key, package in lock.packages.items() if key not in reached and package.link_to is None}


def _reach(lock: Lockfile, starts: list[str], *, follow_optional: bool) -> set[str]:
    outgoing: dict[str, list[str]] = {}
    for edge in lock.edges:
        if edge.target is not None and (follow_optional or edge.kind is not DependencyKind.OPTIONAL):
            outgoing.setdefault(edge.source, []).append(edge.target)
    reached = set(starts)
    pending = list(starts)
    while pending:
        key = pending.pop()
        package = lock.packages.get(key)
        following = list(outgoing.get(key, ()))
        if package is not None and package.link_to is not None:
            following.append(package.link_to)
        for target in following:
            if target not in reached:
                reached.add(target)
                pending.append(target)
    return reached


def _platforms(info: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The ``os``/``cpu`` (and ``libc``) bun records: a name or a list; ``"none"`` when no value
    bun knows is allowed (a ``wasm32`` package), which no machine matches."""
    found = {}
    for key in ("os", "cpu", "libc"):
        value = info.get(key)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            found[key] = tuple(str(item) for item in value)
    return found


def _peer_meta(optional_peers: Any) -> dict[str, Any]:
    if not isinstance(optional_peers, list):
        return {}
    return {name: {"optional": True} for name in optional_peers if isinstance(name, str)}


def _find(lock: Lockfile, location: str, name: str) -> str | None:
    start = f"{_ROOT}/{location}" if location else _ROOT
    for folder in node_modules_paths(start):
        if not folder.startswith(_ROOT + "/"):
            break
        package = lock.packages.get(folder[len(_ROOT) + 1 :] + "/" + name)
        if package is None:
            continue
        if package.link_to is not None and package.link_to in lock.packages:
            return package.link_to
        return package.key
    return None
