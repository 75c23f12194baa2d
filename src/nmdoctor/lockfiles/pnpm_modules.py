"""How the pnpm that wrote ``node_modules`` names its store folders, from ``node_modules/.modules.yaml``.

The same lockfile is installed into differently named ``.pnpm`` folders by different pnpm majors
(hash function, prefix length), so the folders are named as the version that wrote them does.
Two top-level scalars are read with a pattern, without parsing the whole (large) file; pnpm 10
writes it as JSON, earlier versions as YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath

__all__ = ["StoreNaming", "default_naming", "naming_of_major", "store_naming"]

_MANAGER = re.compile(rb"^\s*\"?packageManager\"?\s*:\s*['\"]?pnpm@(\d+)(?:\.(\d+)\.(\d+))?", re.MULTILINE)
# The first pnpm that hashes keys whose location escapes ambiguously (git commits, URLs with "+").
_AMBIGUOUS_ESCAPES = (11, 28, 5)
_TRAILING_ESCAPES = (11, 28, 0)  # the first that escapes and hashes names ending in dots or spaces
_MAX_LENGTH = re.compile(rb"^\s*\"?virtualStoreDirMaxLength\"?\s*:\s*(\d+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class StoreNaming:
    pnpm_major: int
    max_length: int = 120
    short_prefix: bool = False  # pnpm 7 and before: 50 characters kept before the hash
    ambiguous_escapes: bool = False  # pnpm 11.28.5 and later (see pnpm_paths.dep_path_to_filename)
    trailing_escapes: bool = False  # pnpm 11.28.0 and later


def naming_of_major(major: int) -> StoreNaming:
    """The default naming of a pnpm major: 120 characters, of which pnpm 8 and 9 keep 93 before a
    long name's 26-character hash (as pnpm 8.15.9 and 9.0.0 do without ``virtualStoreDirMaxLength``
    in ``.modules.yaml``) and pnpm 7 and before keep 50 (7.33.7)."""
    return StoreNaming(major, short_prefix=major < 8)


def default_naming(lockfile_version: str) -> StoreNaming:
    """Without an install: the newest pnpm that writes this lockfile format."""
    if lockfile_version.startswith("9"):
        return StoreNaming(10)
    if lockfile_version.startswith("6"):
        return naming_of_major(8)
    return naming_of_major(7)


def _declared_naming(manifest: Mapping[str, Any] | None, lockfile_version: str) -> StoreNaming:
    """Without an install: the pnpm major the project's ``packageManager`` names (its folders named
    as ``naming_of_major`` says), else the newest pnpm that writes this lockfile format."""
    declared = declared_package_manager(manifest, dev_engines=True)
    if declared is None or declared[0] != "pnpm" or declared[1] is None:
        return default_naming(lockfile_version)
    naming = naming_of_major(declared[1])
    release = _release(manifest.get("packageManager") if isinstance(manifest, Mapping) else None) or _release(
        f"pnpm@{_dev_engines_version(manifest)}"
    )
    if release is None and declared[1] > _AMBIGUOUS_ESCAPES[0]:
        release = (declared[1], 0, 0)  # every release of a later major (a range: ^12.0.0)
    if release is None or release < _TRAILING_ESCAPES:
        return naming
    return replace(naming, ambiguous_escapes=release >= _AMBIGUOUS_ESCAPES, trailing_escapes=True)


def _dev_engines_version(manifest: Mapping[str, Any] | None) -> str:
    """``devEngines.packageManager``'s version when it names pnpm (read without ``packageManager``)."""
    if not isinstance(manifest, Mapping) or manifest.get("packageManager") is not None:
        return ""
    engines = manifest.get("devEngines")
    entry = engines.get("packageManager") if isinstance(engines, Mapping) else None
    if isinstance(entry, list):
        entry = next((item for item in entry if isinstance(item, Mapping)), None)
    if not isinstance(entry, Mapping) or entry.get("name") != "pnpm" or not isinstance(entry.get("version"), str):
        return ""
    return str(entry["version"]).lstrip("=v")


def _release(package_manager: object) -> tuple[int, int, int] | None:
    """``pnpm@11.29.0+sha512.…`` -> (11, 29, 0)."""
    found = re.match(r"pnpm@(\d+)\.(\d+)\.(\d+)", package_manager) if isinstance(package_manager, str) else None
    return (int(found.group(1)), int(found.group(2)), int(found.group(3))) if found is not None else None


def store_naming(
    fs: FileSystem, project: VPath, lockfile_version: str, manifest: Mapping[str, Any] | None = None
) -> StoreNaming:
    """``manifest``: the root package.json, whose ``packageManager`` decides when nothing is installed."""
    try:
        raw = fs.read_bytes(project + "/node_modules/.modules.yaml")
    except FileSystemError:
        return _declared_naming(manifest, lockfile_version)
    manager = _MANAGER.search(raw)
    if manager is None:
        return default_naming(lockfile_version)
    major = int(manager.group(1))
    length = _MAX_LENGTH.search(raw)
    if length is None:
        return naming_of_major(major)
    release = (major, int(manager.group(2) or 0), int(manager.group(3) or 0))
    return StoreNaming(
        major,
        max_length=int(length.group(1)),
        ambiguous_escapes=release >= _AMBIGUOUS_ESCAPES,
        trailing_escapes=release >= _TRAILING_ESCAPES,
    )
