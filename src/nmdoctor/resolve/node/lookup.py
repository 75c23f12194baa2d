"""Cached filesystem questions the resolver asks, and the trace of what it tried.

Node treats one run as a snapshot: it caches stat results, realpaths and package.json reads for
the life of the process. ``Lookup`` does the same for the life of one ``Resolver``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nmdoctor.resolve.errors import InvalidPackageConfig
from nmdoctor.resolve.node.versions import (
    DEFAULT_NODE_VERSION,
    EXPORTS_NON_OBJECT_IGNORED,
    PACKAGE_JSON_LOOP_ERROR,
    PACKAGE_JSON_NOT_OBJECT,
    NodeVersion,
)
from nmdoctor.vfs._walk import follow
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath
from nmdoctor.vfs.limits import load_json

__all__ = ["DIR", "FILE", "MISSING", "Lookup", "PackageConfig", "Probe"]

FILE = 0
DIR = 1
MISSING = -1  # Node's internalModuleStat answers 0, 1 or a negative errno, and so do we.


@dataclass(frozen=True, slots=True)
class Probe:
    """One step of a resolution: a candidate path (or a package.json field) and what came of it."""

    path: str
    outcome: str

    def __str__(self) -> str:
        return f"{self.path}: {self.outcome}"


@dataclass(frozen=True, slots=True)
class PackageConfig:
    """The fields of a package.json that resolution reads, as Node's package_json_reader keeps them."""

    path: VPath  # the package.json file itself
    exists: bool
    name: str | None = None
    main: str | None = None
    type: str = "none"
    exports: Any = None  # None both for a missing key and for JSON null: Node treats both alike
    imports: Any = None

    @property
    def directory(self) -> VPath:
        return self.path.rpartition("/")[0] or "/"


def _parse_package_json(path: VPath, raw: bytes, version: NodeVersion) -> PackageConfig:
    try:
        parsed = load_json(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidPackageConfig(f"Invalid package config {path}: {error}") from None
    if not isinstance(parsed, dict):
        if version.has(PACKAGE_JSON_NOT_OBJECT):
            raise InvalidPackageConfig(f"Invalid package config {path}: not a JSON object")
        return PackageConfig(path, exists=True)
    name = parsed.get("name")
    main = parsed.get("main")
    kind = parsed.get("type")
    exports = parsed.get("exports")
    imports = parsed.get("imports")
    if version.has(EXPORTS_NON_OBJECT_IGNORED):
        exports = None if isinstance(exports, bool | int | float) else exports
        imports = None if isinstance(imports, bool | int | float) else imports
    return PackageConfig(
        path,
        exists=True,
        name=name if isinstance(name, str) else None,
        main=main if isinstance(main, str) else None,
        type=kind if kind in ("commonjs", "module") else "none",
        exports=exports,
        imports=imports,
    )


def _why_invalid(error: InvalidPackageConfig) -> str:
    if error.message.startswith("Cannot read"):
        return "cannot be read: symlink loop"
    if error.message.endswith("not a JSON object"):
        return "not a JSON object"
    return "not valid JSON"


class Lookup:
    """Stat, realpath and package.json reads over a FileSystem, cached, with an optional trace."""

    def __init__(self, fs: FileSystem, node_version: NodeVersion = DEFAULT_NODE_VERSION) -> None:
        """``node_version``: the node whose package.json rules apply (a Lookup serves one version)."""
        self.fs = fs
        self.node_version = node_version
        self.trace: list[Probe] | None = None
        self._stats: dict[str, int] = {}
        self._realpaths: dict[str, VPath] = {}
        self._packages: dict[str, PackageConfig | InvalidPackageConfig] = {}

    def describe(self, path: VPath) -> str:
        """Why ``path`` is not a loadable file, in a trace's words."""
        kind = self.stat(path)
        return "is a directory" if kind == DIR else "not found" if kind == MISSING else "found"

    def note(self, path: str, outcome: str) -> None:
        if self.trace is not None:
            self.trace.append(Probe(path, outcome))

    def stat(self, path: VPath) -> int:
        """FILE, DIR or MISSING for ``path`` with links followed (Node's internalModuleStat)."""
        found = self._stats.get(path)
        if found is None:
            result = self.fs.stat(path)
            found = MISSING if result is None else DIR if result.kind is Kind.DIR else FILE
            self._stats[path] = found
        return found

    def realpath(self, path: VPath) -> VPath:
        found = self._realpaths.get(path)
        if found is None:
            try:
                found = self.fs.realpath(path)
            except FileSystemError:
                found = path
            self._realpaths[path] = found
        return found

    def package_config(self, package_json: VPath) -> PackageConfig:
        """The package.json at ``package_json`` (``exists=False`` if there is none).

        Raises InvalidPackageConfig if it is not JSON.
        """
        found = self._packages.get(package_json)
        if found is None:
            try:
                raw = self.fs.read_bytes(package_json) if self.stat(package_json) == FILE else None
            except FileSystemError:
                raw = None
            if raw is None and self.node_version.has(PACKAGE_JSON_LOOP_ERROR) and self._loops(package_json):
                found = InvalidPackageConfig(
                    f"Cannot read package config {package_json}: too many symbolic links encountered."
                )
            elif raw is None:
                found = PackageConfig(package_json, exists=False)
            else:
                try:
                    found = _parse_package_json(package_json, raw, self.node_version)
                except InvalidPackageConfig as error:
                    found = error
            self._packages[package_json] = found
        if isinstance(found, InvalidPackageConfig):
            self.note(package_json, _why_invalid(found))
            raise found
        return found

    def _loops(self, path: VPath) -> bool:
        """Does reading ``path`` fail with ELOOP? Asked only where a link is at the end of the path."""
        folder = path.rpartition("/")[0] or "/"
        if not any(
            (found := self.fs.lstat(candidate)) is not None and found.kind is Kind.SYMLINK
            for candidate in (path, folder)
        ):
            return False
        try:
            follow(path, self.fs.lstat, self.fs.readlink)
        except FileSystemError as error:
            return "too many levels of symbolic links" in str(error)
        return False
