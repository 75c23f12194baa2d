"""How the pnpm that wrote ``node_modules`` names its store folders, from ``node_modules/.modules.yaml``.

The same lockfile is installed into differently named ``.pnpm`` folders by different pnpm majors
(hash function, prefix length), so the folders are named as the version that wrote them does.
Two top-level scalars are read with a pattern, without parsing the whole (large) file; pnpm 10
writes it as JSON, earlier versions as YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath

__all__ = ["StoreNaming", "default_naming", "naming_of_major", "store_naming"]

_MANAGER = re.compile(rb"^\s*\"?packageManager\"?\s*:\s*['\"]?pnpm@(\d+)", re.MULTILINE)
_MAX_LENGTH = re.compile(rb"^\s*\"?virtualStoreDirMaxLength\"?\s*:\s*(\d+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class StoreNaming:
    pnpm_major: int
    max_length: int = 120
    short_prefix: bool = False  # pnpm 7 and before: 50 characters kept before the hash


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
    return naming_of_major(declared[1])


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
    return StoreNaming(major, max_length=int(length.group(1)))
