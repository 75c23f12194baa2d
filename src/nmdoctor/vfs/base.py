"""The one read-only filesystem protocol every layer above works on.

Paths are absolute POSIX strings (``/app/node_modules/x``). Implementations provide the four
primitives; symlink following (``stat``, ``realpath``) is derived once in ``vfs._walk`` so
that disk trees, in-memory layouts and archives share one set of link rules.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = ["FileSystem", "FileSystemError", "Kind", "NotRegularFile", "Stat", "VPath", "first_file"]

VPath = str
"""An absolute, normalised POSIX path inside a filesystem view."""


class Kind(enum.Enum):
    FILE = "file"
    DIR = "dir"
    SYMLINK = "symlink"


@dataclass(frozen=True, slots=True)
class Stat:
    kind: Kind
    size: int = 0


class FileSystemError(OSError):
    """A path could not be read (missing, not a file, a link loop, ...)."""


class NotRegularFile(FileSystemError):
    """A FIFO, a socket or a device where a file is read: refused, never opened for a blocking read."""


@runtime_checkable
class FileSystem(Protocol):
    """Read-only view of a tree. ``lstat`` never follows the last component's link."""

    def lstat(self, path: VPath) -> Stat | None:
        """Kind of ``path`` itself (links in parent components are followed); None if missing."""
        ...

    def read_bytes(self, path: VPath) -> bytes:
        """Contents of the file at ``path``, following links; raises FileSystemError."""
        ...

    def readlink(self, path: VPath) -> str:
        """Target text of the symlink at ``path``; raises FileSystemError if not a link."""
        ...

    def listdir(self, path: VPath) -> Sequence[str]:
        """Sorted entry names of the directory at ``path``, following links."""
        ...

    def stat(self, path: VPath) -> Stat | None:
        """Kind of what ``path`` leads to after following every link; None if missing or a loop."""
        ...

    def realpath(self, path: VPath) -> VPath:
        """``path`` with every symlink resolved; raises FileSystemError if missing or a loop."""
        ...


def first_file(fs: FileSystem, base: VPath, suffixes: Sequence[str]) -> VPath | None:
    """The first of ``base`` + each suffix, in order, that is a file (links followed): how a tool
    probes a module path (``./conf`` as conf.ts, conf.js, conf/index.ts ...); None when none is."""
    for suffix in suffixes:
        stat = fs.stat(base + suffix)
        if stat is not None and stat.kind is Kind.FILE:
            return base + suffix
    return None
