"""Lockfile readers: package-lock.json / npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, bun.lock.

The readers (``detect`` and the parsers it imports: YAML, semver) load on first use of one of its
names, so that importing ``LockfileError`` (as every command does) costs the model only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError

if TYPE_CHECKING:
    from nmdoctor.lockfiles.detect import LOCKFILE_NAMES, find_lockfile, read_lockfile

__all__ = [
    "LOCKFILE_NAMES",
    "LockedEdge",
    "LockedPackage",
    "Lockfile",
    "LockfileError",
    "find_lockfile",
    "read_lockfile",
]


def __getattr__(name: str) -> Any:
    if name in ("LOCKFILE_NAMES", "find_lockfile", "read_lockfile"):
        from nmdoctor.lockfiles import detect

        return getattr(detect, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
