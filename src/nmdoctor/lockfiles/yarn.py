"""yarn.lock: yarn classic's own format (v1) and yarn berry's YAML (``__metadata``).

Neither records install locations; packages are identified by name@version, and edges are found
by looking a dependency's ``name@range`` pattern up in the entries' key lists, as yarn does.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, unquote

from nmdoctor.lockfiles.model import (
    LockedEdge,
    LockedPackage,
    Lockfile,
    LockfileError,
    executables,
    mapping_or_none,
)
from nmdoctor.lockfiles.platform import platforms_from_name
from nmdoctor.lockfiles.yarn_extensions import PackageExtensions
from nmdoctor.model.manifest import DependencyKind, manifest_from_json
from nmdoctor.model.specs import satisfies
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["berry_locked_versions", "parse_yarn_v1", "read_yarn_lockfile"]

_FIELDS = (("dependencies", DependencyKind.PROD), ("optionalDependencies", DependencyKind.OPTIONAL))


def _unquote(token: str) -> str:
    token = token.strip()
    if len(token) >= 2 and token[0] == '"' and token[-1] == '"':
        return str(json.loads(token))
    return token


def _split_key_value(text: str) -> tuple[str, str]:
    if text.startswith('"'):
        end = 1
        while end < len(text):
            if text[end] == "\\":
                end += 2
                continue
            if text[end] == '"':
                break
            end += 1
        return _unquote(text[: end + 1]), text[end + 1 :].strip()
    key, _, value = text.partition(" ")
    return key, value.strip()


def _split_patterns(text: str) -> list[str]:
    patterns = []
    current = ""
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
            current += char
        elif char == "," and not quoted:
            patterns.append(_unquote(current))
            current = ""
        else:
            current += char
    if current.strip():
        patterns.append(_unquote(current))
    return [pattern.strip() for pattern in patterns]


def parse_yarn_v1(text: str, path: str) -> dict[str, dict[str, Any]]:
    """The entries of a v1 yarn.lock, each under every pattern of its key list."""
    root: dict[str, Any] = {}
    stack: list[tuple[int, dict[str, Any]]] = [(-1, root)]
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        while stack and indent <= stack[-1][0]:
            stack.pop()
        if not stack:
            raise LockfileError(f"{path}:{number}: bad indentation")
        parent = stack[-1][1]
        if line.endswith(":"):
            child: dict[str, Any] = {}
            parent[line[:-1]] = child
            stack.append((indent, child))
            continue
        try:  # a quoted string with an escape JSON does not know (yarn's JSON.parse refuses it too)
            key, value = _split_key_value(line)
            value = _unquote(value) if value.startswith('"') else value
        except ValueError:
            key = ""
        if not key:
            raise LockfileError(f"{path}:{number}: cannot read {line!r}")
        parent[key] = value
    entries: dict[str, dict[str, Any]] = {}
    for key, value in root.items():
        if not isinstance(value, dict):
            raise LockfileError(f"{path}: top-level {key!r} is not an entry")
        try:
            patterns = _split_patterns(key)
        except ValueError:
            raise LockfileError(f"{path}: cannot read the entry {key!r}") from None
        for pattern in patterns:
            entries[pattern] = value
    return entries


def _pattern_name(pattern: str) -> str:
    at = pattern.find("@", 1)
    return pattern[:at] if at != -1 else pattern


def read_yarn_lockfile(
    text: str,
    path: str,
    root_manifest: dict[str, Any] | None = None,
    workspace_manifests: Mapping[str, dict[str, Any]] | None = None,
    catalogs: Mapping[str, Mapping[str, str]] | None = None,
    package_extensions: Mapping[str, Any] | None = None,
) -> Lockfile:
    """``workspace_manifests`` (folder relative to the project -> package.json): yarn 1 records no
    workspaces, so their dependencies are read from their manifests, as yarn does. ``catalogs``
    (berry's ``.yarnrc.yml``: ``""`` for ``catalog:``, else the catalog's name -> name -> range);
    ``package_extensions``: berry's ``.yarnrc.yml`` ``packageExtensions`` (yarn's own built-in
    extensions always apply)."""
    if "__metadata:" in text:
        extensions = PackageExtensions(package_extensions)
        lock = _read_berry(text, path, root_manifest or {}, catalogs or {}, extensions)
        _mark_optional(lock)
        return lock
    lock = Lockfile("yarn-classic", "1", path)
    entries = parse_yarn_v1(text, path)
    ids: dict[int, str] = {}
    for pattern, entry in entries.items():
        if id(entry) in ids:
            continue
        version = str(entry.get("version", ""))
        name = _pattern_name(pattern)
        spec = pattern[len(name) + 1 :]
        if spec.startswith("npm:"):  # an alias: the locked package is the aliased one
            name = _pattern_name(spec[4:])
        local = spec.startswith("link:")  # a symlink to a folder: the lockfile's version means nothing
        key = f"{name}@{version}" if not local else f"link:{posixpath.normpath(spec[5:])}"
        # a copy of a folder (yarn's key is the folder from the lockfile's, see _yarn1_folder_spec):
        # installed as that folder's package.json has it, its own name included
        copied = posixpath.normpath(spec[5:]) if spec.startswith("file:") else None
        while key in lock.packages:
            key += "'"
        ids[id(entry)] = key
        lock.packages[key] = LockedPackage(
            key,
            name,
            "" if local else version,
            posixpath.normpath(spec[5:]) if local else None,
            resolved=entry.get("resolved") if isinstance(entry.get("resolved"), str) else None,
            integrity=entry.get("integrity") if isinstance(entry.get("integrity"), str) else None,
            local=local,
            directory=copied,
        )
    manifest = manifest_from_json(root_manifest or {})
    lock.packages[""] = LockedPackage("", manifest.name or "root", manifest.version or "", "", is_importer=True)
    workspaces: dict[str, tuple[str, str]] = {}  # name -> (key, version)
    importers = [("", manifest)]
    for folder, data in sorted((workspace_manifests or {}).items()):
        own = manifest_from_json(data)
        key = f"workspace:{folder}"
        lock.packages[key] = LockedPackage(key, own.name or folder, own.version or "", folder, is_importer=True)
        if own.name:
            workspaces[own.name] = (key, own.version or "")
        importers.append((key, own))
    for source, own in importers:
        for declared in own.declared(include_dev=True):
            target = _workspace_target(workspaces.get(declared.name), declared.spec)
            if target is None:
                entry = entries.get(f"{declared.name}@{declared.spec}") or entries.get(
                    f"{declared.name}@{_yarn1_folder_spec(declared.spec, source[len('workspace:') :], path)}"
                )
                target = ids.get(id(entry)) if entry else None
            if target is None and declared.spec.startswith("file:"):
                target = _unlocked_copy(
                    lock, declared.name, declared.spec, source[len("workspace:") :], path, workspace_manifests or {}
                )
            lock.edges.append(LockedEdge(source, declared.name, declared.spec, declared.kind, target))
    for entry_id, key in ids.items():
        entry = next(value for value in entries.values() if id(value) == entry_id)
        for field, kind in _FIELDS:
            deps = entry.get(field)
            for name, spec in deps.items() if isinstance(deps, dict) else ():
                target = entries.get(f"{name}@{str(spec).strip()}")  # keys are read without spaces
                found = ids.get(id(target)) if target else None
                if found is None:
                    # yarn 1 answers any dependency, a package's too, with a workspace whose version
                    # satisfies it (links it, records no entry): vuepress's @vuepress/shared-utils for
                    # vuepress-plugin-container's ^1.2.0
                    found = _workspace_target(workspaces.get(name), str(spec).strip())
                lock.edges.append(LockedEdge(key, name, str(spec), kind, found))
    _mark_optional(lock)
    for package in lock.packages.values():
        # yarn.lock v1 records no os/cpu: an optional package whose name names another platform
        # (`@esbuild/darwin-arm64`, read as pnpm 11 reads names) is the one yarn skips for it.
        # yarn 1 ignores libc (it installs `@rollup/rollup-linux-x64-musl` on glibc): not read.
        if package.optional:
            package.platforms = platforms_from_name(package.name, {}, libc=False)
    return lock


def _unlocked_copy(
    lock: Lockfile, name: str, spec: str, folder: str, lockfile: str, workspaces: Mapping[str, dict[str, Any]]
) -> str | None:
    """The package of a ``file:`` declaration of a workspace's folder that the lockfile has no entry
    for: yarn 1.22.22 installs it anyway, with ``--frozen-lockfile`` too, copying the folder (a
    workspace's ``"@x/a": "file:../a"`` with no ``@x/a@file:packages/a`` entry lands in
    packages/b/node_modules/@x/a), as the folder's package.json has it. Another folder's version is
    not in the files read here: left unanswered."""
    directory = posixpath.normpath(_yarn1_folder_spec(spec, folder, lockfile)[len("file:") :])
    version = workspaces.get(directory, {}).get("version")
    if not isinstance(version, str):
        return None
    key = f"{name}@{version}"
    while key in lock.packages and lock.packages[key].directory != directory:
        key += "'"
    if key not in lock.packages:
        lock.packages[key] = LockedPackage(key, name, version, None, directory=directory)
    return key


def _yarn1_folder_spec(spec: str, folder: str, lockfile: str) -> str:
    """A ``file:`` or ``link:`` spec as yarn 1 writes it in yarn.lock's keys: it rewrites a folder
    (and an absolute path, taken as ``file:``) relative to the lockfile's folder, from the folder of
    the package.json that declares it, and keeps a leading ``./`` only where the spec had one
    (yarn's src/util/normalize-manifest/resolve-relative.js): ``link:../`` of the project is the key
    ``link:..``; ``file:../b`` of the workspace packages/a is ``file:packages/b``. Other specs are
    returned as they are."""
    value = f"file:{spec}" if spec.startswith("/") else spec
    prefix = next((item for item in ("file:", "link:") if value.startswith(item)), None)
    if prefix is None:
        return spec
    unprefixed = value[len(prefix) :]
    if posixpath.isabs(lockfile):
        base = posixpath.dirname(lockfile)
        relative = posixpath.relpath(posixpath.normpath(posixpath.join(base, folder, unprefixed)), base)
    else:  # no folder to go up through: the relative path as it stands
        relative = posixpath.normpath(posixpath.join(folder, unprefixed))
    if relative != "." and re.match(r"\.(/|$)", unprefixed) and not re.match(r"\.{0,2}/", relative):
        relative = "./" + relative
    return prefix + relative


def _workspace_target(workspace: tuple[str, str] | None, spec: str) -> str | None:
    """yarn 1 links a workspace for a dependency its version satisfies (or ``workspace:``)."""
    if workspace is None:
        return None
    key, version = workspace
    if spec.startswith("workspace:") or satisfies(version, spec) is True:
        return key
    return None


def _mark_optional(lock: Lockfile) -> None:
    """yarn.lock marks nothing optional: a package is optional when only optional dependencies
    (of anything) lead to it from the workspaces, as managers skip it when it cannot install."""
    outgoing: dict[str, list[LockedEdge]] = {}
    for edge in lock.edges:
        outgoing.setdefault(edge.source, []).append(edge)
    required = {package.key for package in lock.packages.values() if package.is_importer}
    pending = list(required)
    while pending:
        source = pending.pop()
        for edge in outgoing.get(source, ()):
            if edge.kind in (DependencyKind.OPTIONAL, DependencyKind.PEER) or edge.target is None:
                continue
            if edge.target not in required:
                required.add(edge.target)
                pending.append(edge.target)
    for package in lock.packages.values():
        if package.key not in required and package.optional is None:
            package.optional = True


# the hash part of a built-in compatibility patch's reference, as each yarn release writes it
_BUILTIN_PATCH = re.compile(r"#(?:optional!|~)?builtin<")


class _BerryLookup:
    """A dependency's descriptor as yarn rewrites it before looking it up: the root's
    ``resolutions`` (``name``, ``parent/name``, ``name@range``), ``catalog:`` ranges, ranges
    without a protocol (``npm:``), and descriptors bound to their dependent (``::locator=``)."""

    def __init__(
        self,
        by_descriptor: dict[str, str],
        lock: Lockfile,
        root_manifest: dict[str, Any],
        catalogs: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.by_descriptor = by_descriptor
        self.catalogs = catalogs
        # yarn applies its built-in compatibility patches (``optional!builtin<compat/...>``, written
        # ``~builtin<compat/...>`` by yarn 2 and 3, and ``builtin<compat/...>`` by yarn 2.0: fsevents,
        # resolve, typescript) to every descriptor of the package: the patched package is installed.
        self.builtin_patches: dict[str, str] = {}
        for key in lock.packages:
            reference = key[key.find("@", 1) + 1 :]
            if reference.startswith("patch:") and _BUILTIN_PATCH.search(reference):
                self.builtin_patches[unquote(reference[len("patch:") :].split("#", 1)[0])] = key
        self.by_name: dict[str, list[str]] = {}
        for package in lock.packages.values():
            if not package.is_importer:
                self.by_name.setdefault(package.name, []).append(package.key)
        # A resolution's relative patch (``patch:x@npm:1#./.yarn/patches/x.patch``) is bound to the
        # workspace that declares it, the root: its descriptor ends ``::locator=<root locator>``.
        root = next((item.key for item in lock.packages.values() if item.is_importer and item.path == ""), None)
        self.root_locator = "::locator=" + quote(root, safe="") if root is not None else None
        self.resolutions: list[tuple[str | None, str, str | None, str]] = []
        for pattern, value in _string_map(root_manifest.get("resolutions")).items():
            if not _berry_applies(pattern):
                continue
            parent, name, wanted = _resolution_pattern(pattern)
            self.resolutions.append((parent, name, wanted, value))

    def override(self, parent: str, name: str, spec: str) -> str | None:
        """The root's ``resolutions`` value for this dependency, if one applies."""
        for pattern_parent, pattern_name, wanted, value in self.resolutions:
            if pattern_name != name or (pattern_parent is not None and pattern_parent != parent):
                continue
            if wanted is not None and _with_protocol(wanted) != _with_protocol(spec):
                continue
            return value
        return None

    def _rewrite(self, parent: str, name: str, spec: str) -> str:
        spec = self.override(parent, name, spec) or spec
        if spec.startswith("catalog:"):
            spec = self.catalogs.get(spec[len("catalog:") :], {}).get(name, spec)
        return _with_protocol(spec)

    def find(self, source: LockedPackage, name: str, spec: str) -> str | None:
        found = self._find(source, name, spec)
        return self.builtin_patches.get(found, found) if found is not None else None

    def _find(self, source: LockedPackage, name: str, spec: str) -> str | None:
        # A range written with a space at its end (dir-compare's "p-limit": "^3.1.0 ") is locked under
        # that descriptor; keys are read without the spaces around their descriptors.
        spec = spec.strip()
        rewritten = self._rewrite(source.name, name, spec)
        locator = "::locator=" + quote(source.key, safe="")
        descriptors = (f"{name}@{spec}", f"{name}@{rewritten}")
        if self.override(source.name, name, spec) is not None:
            # A resolution under a parent (``a/inner``) leaves the plain descriptor locked for the
            # other dependents: this one takes the resolution's entry (yarn 4.18.1).
            descriptors = descriptors[::-1]
        for descriptor in descriptors:
            found = self.by_descriptor.get(descriptor) or self.by_descriptor.get(descriptor + locator)
            if found is None and self.root_locator is not None and descriptor.startswith(f"{name}@patch:"):
                found = self.by_descriptor.get(descriptor + self.root_locator)
            if found is not None:
                return found
        # A catalog or resolution this reader could not apply (a catalog defined elsewhere, a
        # pattern form it does not know): the one locked package of that name, if only one.
        if not (spec.startswith("catalog:") or any(name == item[1] for item in self.resolutions)):
            return None
        candidates = self.by_name.get(name, [])
        return candidates[0] if len(candidates) == 1 else None


def _with_protocol(spec: str) -> str:
    """A plain range or tag is on the registry: ``^1.0.0`` is ``npm:^1.0.0``."""
    head = spec.split(":", 1)[0]
    if ":" in spec and head.isalpha() and len(head) > 1:
        return spec
    return f"npm:{spec}"


def berry_locked_versions(text: str) -> Callable[[str, str], str | None]:
    """What a yarn berry lockfile installs for a dependency: ``(name, spec) -> version`` when an
    entry's key holds that descriptor, else None. Only the entries' keys and ``version:`` lines are
    read (no YAML parse). yarn trusts the lockfile's resolution of a descriptor without checking it
    against the range: ``yarn set resolution next@npm:15.2.6 npm:15.5.19`` writes the entry
    ``"next@npm:15.2.6"`` at ``version: 15.5.19``, and ``yarn install --immutable`` installs 15.5.19
    (yarn 4.18.1)."""
    versions: dict[str, str] = {}
    descriptors: list[str] = []
    for line in text.splitlines():
        if line and not line[0].isspace() and line.endswith(":") and not line.startswith("#"):
            descriptors = _split_patterns(_unquote(line[:-1]))  # one quoted key holds them all
        elif descriptors and line.startswith("  version: "):
            version = _unquote(line[len("  version: ") :])
            for descriptor in descriptors:
                versions[descriptor] = version
            descriptors = []

    def locked(name: str, spec: str) -> str | None:
        return versions.get(f"{name}@{spec}") or versions.get(f"{name}@{_with_protocol(spec)}")

    return locked


def _berry_applies(pattern: str) -> bool:
    """yarn berry applies ``name``, ``name@range`` and ``parent/name``; a glob (``**/name``) or a
    longer chain (``a/b/name``) is left unapplied, without a word (yarn 4.18.1 locks and installs
    the dependency as if the resolution were not there)."""
    parts = [part for part in pattern.strip().split("/") if part]
    segments = len(parts) - sum(1 for part in parts[:-1] if part.startswith("@"))
    return segments <= 2 and "**" not in parts and "*" not in parts


def _resolution_pattern(pattern: str) -> tuple[str | None, str, str | None]:
    """``a/@s/d@^1`` -> (``a``, ``@s/d``, ``^1``): parent, name, and the range it applies to."""
    parts = pattern.strip().split("/")
    segments: list[str] = []
    index = 0
    while index < len(parts):
        if parts[index].startswith("@") and index + 1 < len(parts):
            segments.append(f"{parts[index]}/{parts[index + 1]}")
            index += 2
        else:
            segments.append(parts[index])
            index += 1
    last = segments[-1]
    name = _pattern_name(last)
    wanted = last[len(name) + 1 :] or None
    parent = _pattern_name(segments[-2]) if len(segments) > 1 else None
    return parent, name, wanted


def _read_berry(
    text: str,
    path: str,
    root_manifest: dict[str, Any],
    catalogs: Mapping[str, Mapping[str, str]],
    extensions: PackageExtensions,
) -> Lockfile:
    try:
        data = load_yaml(text)
    except YAMLError as error:
        raise LockfileError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise LockfileError(f"{path}: expected a YAML mapping")
    metadata = data.get("__metadata") if isinstance(data.get("__metadata"), dict) else {}
    lock = Lockfile("yarn-berry", str(metadata.get("version", "")), path)
    by_descriptor: dict[str, str] = {}
    entries: dict[str, dict[str, Any]] = {}
    builtin_added: dict[str, set[str]] = {}
    for key, entry in data.items():
        if key == "__metadata" or not isinstance(entry, dict):
            continue
        if not isinstance(entry.get("resolution", ""), str):
            raise LockfileError(f'{path}: "{key}": "resolution" is not a string')
        for field in ("dependencies", "optionalDependencies", "peerDependencies", "dependenciesMeta"):
            mapping_or_none(entry.get(field), path, f'"{key}": "{field}"')
        resolution = str(entry.get("resolution", key))
        name = _pattern_name(resolution)
        reference = resolution[len(name) + 1 :]
        if _plugin_protocol(reference):
            lock.plugin_names.add(name)  # what a plugin's protocol installs, and where, only the plugin knows
            continue
        added: set[str] = set()
        entry = _meta_only_peers(extensions.apply(name, str(entry.get("version", "")), entry, builtin_added=added))
        if added:
            builtin_added[resolution] = added
        is_workspace = reference.startswith("workspace:")
        local = reference.startswith(("link:", "portal:"))
        location = None
        if is_workspace:
            location = posixpath.normpath(reference[len("workspace:") :])
            location = "" if location == "." else location
        elif local:
            location = _local_folder(reference)
        lock.packages[resolution] = LockedPackage(
            resolution,
            name,
            "" if local else str(entry.get("version", "")),
            location,
            is_importer=is_workspace,
            integrity=entry.get("checksum") if isinstance(entry.get("checksum"), str) else None,
            local=local,
            peer_dependencies=_string_map(entry.get("peerDependencies")),
            optional_peers=_optional_names(entry.get("peerDependenciesMeta")),
            platforms=_conditions(entry.get("conditions")),
            bins=executables(entry.get("bin")),
        )
        entries[resolution] = entry
        for descriptor in _split_patterns(str(key)):
            by_descriptor[descriptor] = resolution
    lookup = _BerryLookup(by_descriptor, lock, root_manifest, catalogs)
    for resolution, entry in entries.items():
        optional = _optional_names(entry.get("dependenciesMeta"))
        for field, field_kind in (*_FIELDS, ("peerDependencies", DependencyKind.PEER)):
            deps = entry.get(field)
            for name, spec in deps.items() if isinstance(deps, dict) else ():
                name, spec = str(name), str(spec)
                kind = field_kind
                target = None if kind is DependencyKind.PEER else lookup.find(lock.packages[resolution], name, spec)
                if target is None and field == "dependencies" and name in builtin_added.get(resolution, ()):
                    # A dependency a built-in extension adds that the lockfile resolves nowhere: the
                    # yarn that wrote it had no such extension (yarn locks every dependency it
                    # resolves; react-dnd's yarn 3.3.1 has none for babel-preset-react-app's
                    # @babel/plugin-proposal-private-property-in-object), so it installs none.
                    continue
                if kind is DependencyKind.PROD and name in optional:  # dependenciesMeta: this one only
                    kind = DependencyKind.OPTIONAL
                if kind is not DependencyKind.PEER:  # what yarn resolved it with: the override, or the catalog's range
                    spec = lookup.override(lock.packages[resolution].name, name, spec) or spec
                if spec.startswith("catalog:"):
                    spec = lookup.catalogs.get(spec[len("catalog:") :], {}).get(name, spec)
                lock.edges.append(LockedEdge(resolution, name, _range(spec), kind, target))
    _drop_patch_sources(lock)
    _resolve_peers(lock)
    return lock


# The protocols yarn berry resolves itself (its core and the plugins it bundles); a resolution of
# another (rnx-kit's ``ignore:``, from its own yarn-plugin-ignore) is a plugin's own.
_YARN_PROTOCOLS = frozenset(
    {"npm", "workspace", "patch", "portal", "link", "file", "exec", "ssh", "http", "https", "github", "virtual"}
    | {"git", "git+ssh", "git+https", "git+http", "git+file"}
)
_PROTOCOL = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _plugin_protocol(reference: str) -> bool:
    """Whether a resolution's reference (``ignore:``, in ``@fluentui/dom-utilities@ignore:``) names a
    protocol yarn does not resolve itself: a plugin in .yarnrc.yml resolves and links it (rnx-kit's
    yarn-plugin-ignore links a stub folder), which the lockfile does not describe."""
    found = _PROTOCOL.match(reference)
    return found is not None and found.group(1) not in _YARN_PROTOCOLS


def _drop_patch_sources(lock: Lockfile) -> None:
    """``host@npm:1.0.0`` locked only as the source of ``host@patch:host@npm%3A1.0.0#...`` is not
    installed: yarn installs the patched package in its place."""
    targets = {edge.target for edge in lock.edges}
    for package in list(lock.packages.values()):
        reference = package.key[len(package.name) + 1 :]
        if not reference.startswith("patch:"):
            continue
        source = unquote(reference[len("patch:") :].split("#", 1)[0])
        if source in lock.packages and source not in targets and source != package.key:
            del lock.packages[source]
            lock.edges = [edge for edge in lock.edges if edge.source != source]


def _range(spec: str) -> str:
    """``npm:^1.0.0`` is a range on the registry (not an alias, which names a package: ``npm:x@1``)."""
    if spec.startswith("npm:") and "@" not in spec[5:]:
        return spec[4:]
    return spec


def _local_folder(reference: str) -> str:
    """``link:./vendor/x::locator=app%40workspace%3Apackages%2Fapp``: the folder, from the project root."""
    folder, _, params = reference.partition("::")
    folder = folder.split(":", 1)[1]
    base = ""
    for param in params.split("&"):
        key, _, value = param.partition("=")
        if key == "locator":
            locator = unquote(value)
            at = locator.find("@", 1)
            reference_of = locator[at + 1 :] if at != -1 else ""
            if reference_of.startswith("workspace:"):
                base = reference_of[len("workspace:") :]
    joined = posixpath.normpath(posixpath.join(base, folder))
    return "" if joined == "." else joined


def _string_map(value: Any) -> dict[str, str]:
    return {str(key): str(item) for key, item in value.items()} if isinstance(value, dict) else {}


def _meta_only_peers(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with each name its ``peerDependenciesMeta`` lists but its ``peerDependencies`` does
    not added as a peer of range ``*``: yarn berry's ``Configuration.normalizePackage`` does so for
    every package it resolves (yarn 4.4.1: ``for (u of peerDependenciesMeta.keys())
    peerDependencies.has(u) || peerDependencies.set(u, "*")``), and its lockfile keeps the entry as
    the package wrote it (@typescript-eslint/typescript-estree 6 names typescript only there, and
    still passes the typescript it is given down to ts-api-utils)."""
    meta = entry.get("peerDependenciesMeta")
    if not isinstance(meta, dict):
        return entry
    peers = entry.get("peerDependencies")
    declared = dict(peers) if isinstance(peers, dict) else {}
    missing = {str(key): "*" for key in meta if str(key) not in declared}
    return {**entry, "peerDependencies": {**declared, **missing}} if missing else entry


def _optional_names(value: Any) -> frozenset[str]:
    if not isinstance(value, dict):
        return frozenset()
    return frozenset(str(key) for key, item in value.items() if isinstance(item, dict) and item.get("optional") is True)


def _conditions(value: Any) -> dict[str, tuple[str, ...]]:
    """``os=win32 & cpu=x64``: the platforms berry installs the package on (alternatives with ``|``
    are not written by yarn for packages' own os/cpu lists)."""
    found: dict[str, list[str]] = {}
    for part in str(value or "").replace("(", " ").replace(")", " ").split("&"):
        for alternative in part.split("|"):
            key, _, item = alternative.strip().partition("=")
            if key in ("os", "cpu", "libc") and item:
                found.setdefault(key, []).append(item.strip())
    return {key: tuple(items) for key, items in found.items()}


def _resolve_peers(lock: Lockfile) -> None:
    """berry's lockfile records peers but not what they resolve to. yarn makes one instance of a
    package per set of peers its dependents provide: the dependent itself when it is the peer, its
    own dependency of that name, or the peer it received in turn. The model keeps one package per
    locked version, so a peer gets one edge per distinct provider (none when nobody provides it)."""
    dependencies: dict[tuple[str, str], str] = {}
    dependents: dict[str, list[str]] = {}
    peers: list[LockedEdge] = []
    for edge in lock.edges:
        if edge.kind is DependencyKind.PEER:
            peers.append(edge)
        elif edge.target is not None:
            dependencies.setdefault((edge.source, edge.name), edge.target)
            dependents.setdefault(edge.target, []).append(edge.source)
    received: dict[tuple[str, str], set[str]] = {}
    for _round in range(8):  # peers passed on through peers: a few rounds settle them
        changed = False
        for edge in peers:
            found = received.setdefault((edge.source, edge.name), set())
            before = len(found)
            if lock.packages[edge.source].is_importer and (edge.source, edge.name) in dependencies:
                # a workspace's peers come from its own (dev) dependencies
                found.add(dependencies[(edge.source, edge.name)])
            for parent in dependents.get(edge.source, ()):
                if lock.packages[parent].name == edge.name:
                    found.add(parent)
                elif (parent, edge.name) in dependencies:
                    found.add(dependencies[(parent, edge.name)])
                else:
                    found.update(received.get((parent, edge.name), ()))
            changed = changed or len(found) != before
        if not changed:
            break
    resolved = []
    for edge in lock.edges:
        if edge.kind is not DependencyKind.PEER:
            resolved.append(edge)
            continue
        targets = sorted(received.get((edge.source, edge.name), ()))
        resolved.extend(LockedEdge(edge.source, edge.name, edge.spec, edge.kind, target) for target in targets)
        if not targets:
            resolved.append(edge)
    lock.edges = resolved
