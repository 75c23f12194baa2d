"""Lockfile readers: package-lock.json / npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock."""

from nmdoctor.lockfiles.detect import LOCKFILE_NAMES, find_lockfile, read_lockfile
from nmdoctor.lockfiles.model import LockedEdge, LockedPackage, Lockfile, LockfileError

__all__ = [
    "LOCKFILE_NAMES",
    "LockedEdge",
    "LockedPackage",
    "Lockfile",
    "LockfileError",
    "find_lockfile",
    "read_lockfile",
]
