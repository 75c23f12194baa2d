"""package.json, as the dependency model reads it."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any

from nmdoctor.vfs.limits import load_json

__all__ = [
    "FIELD_OF_KIND",
    "Declared",
    "DependencyKind",
    "Manifest",
    "ManifestError",
    "declared_package_manager",
    "manifest_from_json",
    "parse_manifest",
]


class DependencyKind(enum.Enum):
    PROD = "prod"
    DEV = "dev"
    OPTIONAL = "optional"
    PEER = "peer"


class ManifestError(ValueError):
    """A package.json that cannot be read as a manifest (not JSON, or not an object)."""


@dataclass(frozen=True, slots=True)
class Declared:
    """One declared dependency: ``name`` at ``spec`` (a range, tag, alias, link, ...)."""

    name: str
    spec: str
    kind: DependencyKind
    optional: bool = False  # optionalDependencies, or a peer marked optional in peerDependenciesMeta


_FIELDS = (
    ("dependencies", DependencyKind.PROD),
    ("optionalDependencies", DependencyKind.OPTIONAL),
    ("peerDependencies", DependencyKind.PEER),
    ("devDependencies", DependencyKind.DEV),
)
# the package.json field that declares a dependency of each kind
FIELD_OF_KIND = {kind: field for field, kind in _FIELDS}


def _string_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(key): item if isinstance(item, str) else "" for key, item in value.items()}


def scripts_of(raw: Any) -> dict[str, str]:
    """The ``scripts`` of a package.json's parsed JSON, those whose command is a string (npm runs
    no other); empty when the file or the field is not an object."""
    scripts = raw.get("scripts") if isinstance(raw, dict) else None
    if not isinstance(scripts, dict):
        return {}
    return {str(name): command for name, command in scripts.items() if isinstance(command, str)}


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str | None
    version: str | None
    dependencies: tuple[tuple[str, str], ...] = ()
    optional_dependencies: tuple[tuple[str, str], ...] = ()
    peer_dependencies: tuple[tuple[str, str], ...] = ()
    optional_peers: frozenset[str] = frozenset()
    dev_dependencies: tuple[tuple[str, str], ...] = ()
    workspaces: tuple[str, ...] = ()
    raw: Any = None
    # A manifest read from a lockfile: the ``bin`` map (executable, file) the lockfile records for
    # the package (a package.json's own is in ``raw``).
    bins: tuple[tuple[str, str], ...] = ()
    # A manifest read from a lockfile: the names its tarball bundles (npm's ``bundleDependencies``,
    # recorded in package-lock.json; a package.json's own are in ``raw``).
    bundled: tuple[str, ...] = ()

    def declared(self, *, include_dev: bool) -> tuple[Declared, ...]:
        """Every declared dependency, in the order npm reads them.

        A name in both ``dependencies`` and ``optionalDependencies`` is optional (npm moves it);
        dev dependencies count only for a project or workspace (``include_dev``).
        """
        optional_names = {name for name, _ in self.optional_dependencies}
        result: list[Declared] = []
        seen: set[tuple[str, DependencyKind]] = set()
        for name, spec in self.dependencies:
            if name in optional_names:
                continue
            result.append(Declared(name, spec, DependencyKind.PROD))
            seen.add((name, DependencyKind.PROD))
        for name, spec in self.optional_dependencies:
            result.append(Declared(name, spec, DependencyKind.OPTIONAL, optional=True))
        for name, spec in self.peer_dependencies:
            result.append(Declared(name, spec, DependencyKind.PEER, optional=name in self.optional_peers))
        if include_dev:
            prod = {name for name, _ in self.dependencies} | optional_names
            for name, spec in self.dev_dependencies:
                if name not in prod:
                    result.append(Declared(name, spec, DependencyKind.DEV))
        return tuple(result)


def parse_manifest(raw_bytes: bytes, where: str = "package.json") -> Manifest:
    try:
        data = load_json(raw_bytes.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ManifestError(f"{where}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: expected a JSON object")
    return manifest_from_json(data)


def manifest_from_json(data: dict[str, Any]) -> Manifest:
    name = data.get("name")
    version = data.get("version")
    meta = data.get("peerDependenciesMeta")
    optional_peers = frozenset(
        key
        for key, value in (meta.items() if isinstance(meta, dict) else ())
        if isinstance(value, dict) and value.get("optional") is True
    )
    workspaces = data.get("workspaces")
    if isinstance(workspaces, dict):  # yarn's {"packages": [...], "nohoist": [...]}
        workspaces = workspaces.get("packages")
    return Manifest(
        name=name if isinstance(name, str) else None,
        version=version if isinstance(version, str) else None,
        dependencies=tuple(_string_map(data.get("dependencies")).items()),
        optional_dependencies=tuple(_string_map(data.get("optionalDependencies")).items()),
        peer_dependencies=tuple(_string_map(data.get("peerDependencies")).items()),
        optional_peers=optional_peers,
        dev_dependencies=tuple(_string_map(data.get("devDependencies")).items()),
        workspaces=tuple(item for item in workspaces if isinstance(item, str)) if isinstance(workspaces, list) else (),
        raw=data,
    )


def recorded_package_json(manifest: Manifest, name: str, version: str) -> dict[str, Any]:
    """A package.json that says what ``manifest`` says: its own JSON when it was read from one;
    for a manifest read from a lockfile, the name, version, dependency fields and executables the
    lockfile recorded (what the planners and a planned tree read of a package)."""
    if isinstance(manifest.raw, dict):
        return manifest.raw
    data: dict[str, Any] = {"name": name, "version": version}
    for key, pairs in (
        ("dependencies", manifest.dependencies),
        ("optionalDependencies", manifest.optional_dependencies),
        ("peerDependencies", manifest.peer_dependencies),
    ):
        if pairs:
            data[key] = dict(pairs)
    if manifest.optional_peers:
        data["peerDependenciesMeta"] = {peer: {"optional": True} for peer in sorted(manifest.optional_peers)}
    if manifest.bins:
        data["bin"] = dict(manifest.bins)
    return data


_PACKAGE_MANAGER = re.compile(r"(npm|pnpm|yarn|bun)@(\d+)?")


_DEV_ENGINES_MAJOR = re.compile(r"^\s*[v=^~]*\s*(\d+)(?:\.[\dxX*]+){0,2}(?:[-+][^\s|]*)?\s*$")


def declared_package_manager(raw: Any, *, dev_engines: bool = False) -> tuple[str, int | None] | None:
    """The manager a root package.json's ``packageManager`` names, with its major version when the
    field gives one (``pnpm@9.15.0+sha512.…``: ``("pnpm", 9)``); None without such a field.

    ``dev_engines``: without ``packageManager``, ``devEngines.packageManager`` (``{"name": "pnpm",
    "version": "12.26.0"}``; a list names the first), which pnpm reads as the project's pin (real
    pnpm 12.26.0 installs as the pnpm it names, and `pnpm add` of a package manager other than yarn
    writes this field alone) but corepack does not; the major when the version is one version or a
    ``^``/``~`` range of one."""
    declared = raw.get("packageManager") if isinstance(raw, dict) else None
    found = _PACKAGE_MANAGER.match(declared) if isinstance(declared, str) else None
    if found is None:
        return _dev_engines_manager(raw) if dev_engines and declared is None else None
    return found.group(1), int(found.group(2)) if found.group(2) is not None else None


def _dev_engines_manager(raw: Any) -> tuple[str, int | None] | None:
    engines = raw.get("devEngines") if isinstance(raw, dict) else None
    entry = engines.get("packageManager") if isinstance(engines, dict) else None
    if isinstance(entry, list):
        entry = next((item for item in entry if isinstance(item, dict)), None)
    name = entry.get("name") if isinstance(entry, dict) else None
    if name not in ("npm", "pnpm", "yarn", "bun") or not isinstance(entry, dict):
        return None
    version = entry.get("version")
    major = _DEV_ENGINES_MAJOR.match(version) if isinstance(version, str) else None
    return str(name), int(major.group(1)) if major is not None else None
