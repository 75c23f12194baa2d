"""The user's cache of per-package results (today: the scan of installed packages' code).

Entries are files named by their key under ``<cache dir>/<kind>/``; writes go to a temporary file
in the same folder and are renamed into place, so two runs sharing the cache never read half an
entry, and an entry that cannot be read or decoded is treated as missing. Besides ``vfs/disk.py``
and ``cli/``, this is the one module that touches the host filesystem (DESIGN: one seam for I/O).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["CACHE_ENV", "DiskStore", "default_cache_dir"]

CACHE_ENV = "NMDOCTOR_CACHE_DIR"


def default_cache_dir(environ: Mapping[str, str] | None = None) -> str:
    """``$NMDOCTOR_CACHE_DIR`` when set, else the platform's user cache folder for nmdoctor."""
    environ = os.environ if environ is None else environ
    found = environ.get(CACHE_ENV)
    if found:
        return found
    import platformdirs  # imported when asked: `ls` never is

    return platformdirs.user_cache_dir("nmdoctor", appauthor=False)


class DiskStore:
    """Bytes by key in ``folder`` (created on first write); failures to read or write are misses.

    ``process_safe``: processes may write entries side by side (each write is a file of its own,
    renamed into place), as the pool of a cold scan does."""

    process_safe = True

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._made: set[str] = set()  # subfolders known to exist: a cold run writes thousands of entries

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str) -> bytes | None:
        try:
            fd = os.open(self._path(key), os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
        try:  # a warm run reads thousands of entries: no buffered file object for each
            parts = []
            while chunk := os.read(fd, 1 << 16):
                parts.append(chunk)
            return b"".join(parts)
        except OSError:
            return None
        finally:
            os.close(fd)

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        folder = os.path.dirname(path)
        try:
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            # A name no other writer uses (process id and random bytes), created exclusively, as
            # tempfile.mkstemp does at several times the cost.
            temporary = os.path.join(folder, f".tmp-{os.getpid()}-{os.urandom(6).hex()}")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            try:
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                finally:
                    os.close(fd)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return  # a read-only or full cache only costs the next run a rescan
