"""A file-read cache over any filesystem view: what one run reads twice is read from disk once.

Only ``read_bytes`` goes through the cache (the other primitives are the wrapped view's own bound
methods, at no cost); manifests and the project's own files are kept, installed packages' other
files are not (each is read once by the scan of package code, and keeping them would cost memory).
``reads`` counts the reads that reached the wrapped view, so tests can pin "read once".
"""

from __future__ import annotations

from collections import Counter

from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath

__all__ = ["CachedFS"]

MAX_KEPT_BYTES = 512 * 1024


class CachedFS:
    """``inner`` with each kept file read once; errors are remembered too."""

    def __init__(self, inner: FileSystem) -> None:
        self.inner = inner
        self.lstat = inner.lstat
        self.stat = inner.stat
        self.readlink = inner.readlink
        self.listdir = inner.listdir
        self.realpath = inner.realpath
        self.reads: Counter[VPath] = Counter()
        self._kept: dict[VPath, bytes | FileSystemError] = {}

    def read_bytes(self, path: VPath) -> bytes:
        found = self._kept.get(path)
        if found is None:
            self.reads[path] += 1
            try:
                found = self.inner.read_bytes(path)
            except FileSystemError as error:
                found = error
            if _kept(path, found):
                self._kept[path] = found
        if isinstance(found, FileSystemError):
            raise found
        return found


def _kept(path: VPath, found: bytes | FileSystemError) -> bool:
    if path.endswith("/package.json"):
        return True
    if "/node_modules/" in path:
        return False
    return isinstance(found, FileSystemError) or len(found) <= MAX_KEPT_BYTES
