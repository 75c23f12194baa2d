"""A folder seen as if it were the whole world.

A packed app's folder on disk is read through ``ConfinedFS``: node's walk up from the app must not
find the ``node_modules`` of whatever folder the build output happens to sit in (the project
itself, usually), which would hide a missing package; and links that leave the folder lead
nowhere, as they would on a user's machine.
"""

from __future__ import annotations

from collections.abc import Sequence

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath

__all__ = ["ConfinedFS"]


class ConfinedFS:
    """``inner`` restricted to the folder ``root`` (a real path): the folders above it hold only the
    way down to it, anything else outside is missing, and a link whose target leaves ``root`` is
    dangling."""

    def __init__(self, inner: FileSystem, root: VPath) -> None:
        self.inner = inner
        self.root = normalize(root)

    def _inside(self, path: VPath) -> bool:
        return path == self.root or path.startswith(self.root.rstrip("/") + "/")

    def _above(self, path: VPath) -> bool:
        return path != self.root and (path == "/" or self.root.startswith(path.rstrip("/") + "/"))

    def _real_parent(self, path: VPath) -> VPath | None:
        """``path`` with its parent folders' links resolved, if that stays inside; else None."""
        path = normalize(path)
        if self._above(path) or path == self.root:
            return path
        if not self._inside(path):
            return None
        parent, _, name = path.rpartition("/")
        try:
            real_parent = self.realpath(parent or "/")
        except FileSystemError:
            return None
        candidate = real_parent.rstrip("/") + "/" + name
        return candidate if self._inside(candidate) else None

    def lstat(self, path: VPath) -> Stat | None:
        real = self._real_parent(path)
        if real is None:
            return None
        if self._above(real):
            return Stat(Kind.DIR)
        return self.inner.lstat(real)

    def stat(self, path: VPath) -> Stat | None:
        try:
            real = self.realpath(path)
        except FileSystemError:
            return None
        return Stat(Kind.DIR) if self._above(real) else self.inner.stat(real)

    def realpath(self, path: VPath) -> VPath:
        path = normalize(path)
        if self._above(path) or path == self.root:
            return path
        if not self._inside(path):
            raise FileSystemError(f"no such file or directory: {path}")
        real = self.inner.realpath(path)
        if not self._inside(real):
            raise FileSystemError(f"{path} leads outside {self.root}")
        return real

    def readlink(self, path: VPath) -> str:
        real = self._real_parent(path)
        if real is None or self._above(real):
            raise FileSystemError(f"not a symbolic link: {path}")
        return self.inner.readlink(real)

    def read_bytes(self, path: VPath) -> bytes:
        real = self.realpath(path)
        if self._above(real):
            raise FileSystemError(f"is a directory: {path}")
        return self.inner.read_bytes(real)

    def listdir(self, path: VPath) -> Sequence[str]:
        real = self.realpath(path)
        if self._above(real):
            return [self.root[len(real.rstrip("/")) + 1 :].split("/")[0]]
        return self.inner.listdir(real)
