"""What every kind of entry in the user cache shares: its key, the pack a project's entries are
read back from in one go, and the digest of the code that made an entry.

The stores themselves (``project.cache.DiskStore``) and what each kind keeps live with their
users: the scans of installed packages (``inspect.package_code``), the lockfile's model
(``project.lockfile_cache``), the parses of the project's own files (``sources.index``) and the
answers of ``node --version`` (``lockfiles.platform``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from typing import Any

__all__ = ["cache_key", "code_digest", "read_pack"]


def cache_key(*parts: object) -> str:
    """The file name of an entry: a digest of its parts (a path or a name may hold lone surrogates)."""
    key = "\0".join(str(part) for part in parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def read_pack(data: bytes | None, pack_format: int) -> dict[str, Any]:
    """The entries of a pack (``{"format": N, "entries": {...}}``) by key; empty for another
    format's or a damaged pack (each entry is checked when it is used)."""
    if data is None:
        return {}
    try:
        document = json.loads(data)
        if document.get("format") != pack_format or type(document.get("entries")) is not dict:
            return {}
        entries: dict[str, Any] = document["entries"]
        return entries
    except (ValueError, TypeError, AttributeError, RecursionError):  # a damaged pack: read as none
        return {}


@cache
def code_digest(paths: tuple[str, ...]) -> str:
    """The size and modification time of the modules at ``paths`` (a module file, or a package
    folder for every ``.py`` file in it): an entry made by other code than this run's (a source
    checkout edited, an upgrade that kept the version number) is keyed apart and never read."""
    parts = []
    for path in paths:
        for file in _modules(path):
            try:
                found = os.stat(file)
            except OSError:
                continue
            parts.append(f"{os.path.basename(file)}:{found.st_size}:{found.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _modules(path: str) -> Iterable[str]:
    if not os.path.isdir(path):
        return (path,)
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return ()
    return (os.path.join(path, name) for name in names if name.endswith(".py"))
