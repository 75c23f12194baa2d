"""yarn.lock: yarn classic's own format (v1) and yarn berry's YAML (``__metadata``).

Neither records install locations; packages are identified by name@version, and edges are found
by looking a dependency's ``name@range`` pattern up in the entries' key lists, as yarn does.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError
from nmdoctor.model.manifest import DependencyKind, manifest_from_json
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["parse_yarn_v1", "read_yarn_lockfile"]

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


def read_yarn_lockfile(text: str, path: str, root_manifest: dict[str, Any] | None = None) -> Lockfile:
    if "__metadata:" in text:
        return _read_berry(text, path)
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
        key = f"{name}@{version}"
        while key in lock.packages:
            key += "'"
        ids[id(entry)] = key
        lock.packages[key] = LockedPackage(
            key,
            name,
            version,
            None,
            resolved=entry.get("resolved") if isinstance(entry.get("resolved"), str) else None,
            integrity=entry.get("integrity") if isinstance(entry.get("integrity"), str) else None,
        )
    manifest = manifest_from_json(root_manifest or {})
    lock.packages[""] = LockedPackage("", manifest.name or "root", manifest.version or "", "", is_importer=True)
    for declared in manifest.declared(include_dev=True):
        entry = entries.get(f"{declared.name}@{declared.spec}")
        lock.edges.append(
            LockedEdge("", declared.name, declared.spec, declared.kind, ids.get(id(entry)) if entry else None)
        )
    for entry_id, key in ids.items():
        entry = next(value for value in entries.values() if id(value) == entry_id)
        for field, kind in _FIELDS:
            deps = entry.get(field)
            for name, spec in deps.items() if isinstance(deps, dict) else ():
                target = entries.get(f"{name}@{spec}")
                lock.edges.append(LockedEdge(key, name, str(spec), kind, ids.get(id(target)) if target else None))
    return lock


def _read_berry(text: str, path: str) -> Lockfile:
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
    for key, entry in data.items():
        if key == "__metadata" or not isinstance(entry, dict):
            continue
        resolution = str(entry.get("resolution", key))
        name = _pattern_name(resolution)
        reference = resolution[len(name) + 1 :]
        is_workspace = reference.startswith("workspace:")
        location = None
        if is_workspace:
            location = posixpath.normpath(reference[len("workspace:") :])
            location = "" if location == "." else location
        lock.packages[resolution] = LockedPackage(
            resolution,
            name,
            str(entry.get("version", "")),
            location,
            is_importer=is_workspace,
            integrity=entry.get("checksum") if isinstance(entry.get("checksum"), str) else None,
        )
        entries[resolution] = entry
        for descriptor in _split_patterns(str(key)):
            by_descriptor[descriptor] = resolution
    for resolution, entry in entries.items():
        for field, kind in (*_FIELDS, ("peerDependencies", DependencyKind.PEER)):
            deps = entry.get(field)
            for name, spec in deps.items() if isinstance(deps, dict) else ():
                target = by_descriptor.get(f"{name}@{spec}")
                if target is None and kind is not DependencyKind.PEER and ":" not in str(spec):
                    target = by_descriptor.get(f"{name}@npm:{spec}")
                lock.edges.append(LockedEdge(resolution, str(name), str(spec), kind, target))
    return lock
