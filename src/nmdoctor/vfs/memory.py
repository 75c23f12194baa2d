"""An in-memory tree: planned layouts and test fixtures use the same resolver as real disks."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nmdoctor.vfs._walk import LinkFollowing, follow, normalize
from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath

__all__ = ["Dir", "MemoryFS", "Symlink", "symlink"]


@dataclass(frozen=True, slots=True)
class Symlink:
    target: str


@dataclass(frozen=True, slots=True)
class Dir:
    """An explicitly empty directory in ``MemoryFS.from_mapping``."""


def symlink(target: str) -> Symlink:
    """A link entry for ``MemoryFS.from_mapping``; relative targets are taken from the link's folder."""
    return Symlink(target)


class MemoryFS(LinkFollowing):
    """A tree of files, directories and symlinks held in dictionaries."""

    def __init__(self) -> None:
        self._files: dict[VPath, bytes] = {}
        self._links: dict[VPath, str] = {}
        self._dirs: dict[VPath, set[str]] = {"/": set()}

    @classmethod
    def from_mapping(cls, entries: Mapping[str, Any]) -> MemoryFS:
        """Build a tree from ``{path: content}``.

        Content is ``str``/``bytes`` (a file), a ``dict``/``list`` (a file holding that JSON),
        ``symlink(target)`` or ``Dir()``; parent directories are created as needed.
        """
        fs = cls()
        for path, content in entries.items():
            if isinstance(content, Symlink):
                fs.add_symlink(path, content.target)
            elif isinstance(content, Dir):
                fs.add_dir(path)
            elif isinstance(content, bytes):
                fs.add_file(path, content)
            elif isinstance(content, str):
                fs.add_file(path, content.encode())
            else:
                fs.add_file(path, json.dumps(content).encode())
        return fs

    # -- building -----------------------------------------------------------------------------
    def add_dir(self, path: str) -> None:
        path = normalize(path)
        if path in self._dirs:
            return
        if path in self._files or path in self._links:
            raise FileSystemError(f"file exists: {path}")
        parent, _, name = path.rpartition("/")
        parent = parent or "/"
        self.add_dir(parent)
        self._dirs[parent].add(name)
        self._dirs[path] = set()

    def _add_leaf(self, path: str) -> VPath:
        path = normalize(path)
        if path == "/" or path in self._dirs:
            raise FileSystemError(f"is a directory: {path}")
        parent, _, name = path.rpartition("/")
        parent = parent or "/"
        self.add_dir(parent)
        self._dirs[parent].add(name)
        self._files.pop(path, None)
        self._links.pop(path, None)
        return path

    def add_file(self, path: str, content: bytes) -> None:
        self._files[self._add_leaf(path)] = content

    def add_symlink(self, path: str, target: str) -> None:
        self._links[self._add_leaf(path)] = target

    # -- FileSystem -----------------------------------------------------------------------------
    def _lstat_exact(self, path: VPath) -> Stat | None:
        if path in self._dirs:
            return Stat(Kind.DIR)
        content = self._files.get(path)
        if content is not None:
            return Stat(Kind.FILE, len(content))
        if path in self._links:
            return Stat(Kind.SYMLINK)
        return None

    def _readlink_exact(self, path: VPath) -> str:
        try:
            return self._links[path]
        except KeyError:
            raise FileSystemError(f"not a symbolic link: {path}") from None

    def read_bytes(self, path: VPath) -> bytes:
        real, stat = follow(path, self._lstat_exact, self._readlink_exact)
        if stat.kind is not Kind.FILE:
            raise FileSystemError(f"is a directory: {path}")
        return self._files[real]

    def listdir(self, path: VPath) -> Sequence[str]:
        real, stat = follow(path, self._lstat_exact, self._readlink_exact)
        if stat.kind is not Kind.DIR:
            raise FileSystemError(f"not a directory: {path}")
        return sorted(self._dirs[real])
