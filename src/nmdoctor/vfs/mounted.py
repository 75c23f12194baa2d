"""An archive's tree seen at a mount point: what asar, zip and tar views share.

The folders above the mount point exist and hold only the way down to it; inside it, a view
answers for its members by their path relative to the mount (``inner``). Links are followed by
``vfs._walk``.
"""

from __future__ import annotations

from collections.abc import Sequence

from nmdoctor.vfs._walk import LinkFollowing
from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath

__all__ = ["MountedView"]


class MountedView(LinkFollowing):
    """A subclass sets ``mount`` and ``name`` and answers ``_member_stat``, ``_read_member`` and
    ``_member_names`` for inner paths (``""`` is the mount point itself)."""

    mount: VPath
    name: str

    def _member_stat(self, inner: str) -> Stat | None:
        raise NotImplementedError

    def _read_member(self, inner: str) -> bytes:
        raise NotImplementedError

    def _member_names(self, inner: str) -> Sequence[str]:
        raise NotImplementedError

    def _inner(self, path: VPath) -> str | None:
        if path == self.mount:
            return ""
        prefix = "/" if self.mount == "/" else self.mount + "/"
        return path[len(prefix) :] if path.startswith(prefix) else None

    def _lstat_exact(self, path: VPath) -> Stat | None:
        inner = self._inner(path)
        if inner is None:
            above = path == "/" or self.mount.startswith(path.rstrip("/") + "/")
            return Stat(Kind.DIR) if above else None
        return self._member_stat(inner)

    def read_bytes(self, path: VPath) -> bytes:
        real, stat = self._follow(path)
        inner = self._inner(real)
        if inner is None or stat.kind is not Kind.FILE:
            raise FileSystemError(f"not a file in {self.name}: {path}")
        return self._read_member(inner)

    def listdir(self, path: VPath) -> Sequence[str]:
        real, stat = self._follow(path)
        if stat.kind is not Kind.DIR:
            raise FileSystemError(f"not a directory: {path}")
        inner = self._inner(real)
        if inner is None:
            return [self.mount[len(real.rstrip("/")) + 1 :].split("/")[0]]
        return self._member_names(inner)
