"""The host's real filesystem, seen through the FileSystem protocol."""

from __future__ import annotations

import os
import stat as stat_module
from collections.abc import Sequence

from nmdoctor.vfs._walk import follow
from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath

__all__ = ["DiskFS"]


def _to_stat(result: os.stat_result) -> Stat:
    mode = result.st_mode
    if stat_module.S_ISDIR(mode):
        return Stat(Kind.DIR)
    if stat_module.S_ISLNK(mode):
        return Stat(Kind.SYMLINK)
    return Stat(Kind.FILE, result.st_size)


class DiskFS:
    """Reads the host filesystem; paths are the host's absolute paths."""

    def lstat(self, path: VPath) -> Stat | None:
        try:
            return _to_stat(os.lstat(path))
        except (OSError, ValueError):
            return None

    def stat(self, path: VPath) -> Stat | None:
        # The kernel follows links exactly as vfs._walk does; asking it is much faster.
        try:
            return _to_stat(os.stat(path))
        except (OSError, ValueError):
            return None

    def readlink(self, path: VPath) -> str:
        try:
            return os.readlink(path)
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot read link {path}: {error}") from None

    def realpath(self, path: VPath) -> VPath:
        if os.path.exists(path):
            # Fast path: an existing path has no dangling link or loop, and there the kernel
            # and vfs._walk agree.
            return os.path.realpath(path)
        return follow(path, self.lstat, self.readlink)[0]

    def read_bytes(self, path: VPath) -> bytes:
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot read {path}: {error}") from None

    def listdir(self, path: VPath) -> Sequence[str]:
        try:
            return sorted(os.listdir(path))
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot list {path}: {error}") from None
