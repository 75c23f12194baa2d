"""The user's cache: kept results by key (scans of installed packages' code, lockfile models,
source imports, check results).

``DiskStore``: entries are files named by their key under ``<cache dir>/<kind>/``; writes go to a
temporary file in the same folder and are renamed into place, so two runs sharing the cache never
read half an entry. ``SqliteStore``: entries are rows of one SQLite database, for the kind a cold
run writes thousands of (the package-code scans): one transaction costs what one file costs, where
thousands of files cost a cold run a large share of its time on some filesystems. In both, an
entry that cannot be read or decoded is treated as missing. Besides ``vfs/disk.py`` and ``cli/``,
this is the one module that touches the host filesystem (DESIGN: one seam for I/O).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["CACHE_ENV", "DiskStore", "SqliteStore", "default_cache_dir"]

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

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        for key, data in items:
            self.put(key, data)


class SqliteStore:
    """Bytes by key in the SQLite database ``path`` (created on first use); failures to open, read
    or write are misses, as in ``DiskStore``.

    ``put_many`` writes its entries in one transaction. Runs sharing the database take turns
    writing (WAL journal: readers never wait for a writer) and wait up to ``BUSY_SECONDS`` for the
    other's transaction; a database that is not one (damaged, or another program's file) is moved
    aside and started again. Not ``process_safe``: a pool's processes hand their entries to the
    process that owns the store, which writes them at once."""

    process_safe = False
    BUSY_SECONDS = 10.0

    def __init__(self, path: str) -> None:
        self.path = path
        self._connection: Any = None  # sqlite3.Connection once opened; False when it cannot be
        self._renamed = False

    def _open(self) -> Any:
        if self._connection is None:
            self._connection = self._connect() or False
        return self._connection or None

    def _connect(self) -> Any:
        import sqlite3  # imported when asked: `ls` never is

        try:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=self.BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error):
            return None
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # a lost entry after a power cut is a rescan
            connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            return connection
        except sqlite3.DatabaseError as error:
            connection.close()
            if isinstance(error, sqlite3.OperationalError) or self._renamed:
                return None  # busy or read-only: this run goes without
            self._renamed = True
            try:  # not a database: set aside (kept for a look), and started again
                os.replace(self.path, f"{self.path}.damaged")
                for journal in ("-wal", "-shm"):  # the old journal must not be replayed into the new one
                    if os.path.exists(self.path + journal):
                        os.unlink(self.path + journal)
            except OSError:
                return None
            return self._connect()

    def get(self, key: str) -> bytes | None:
        import sqlite3

        connection = self._open()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row is not None and isinstance(row[0], bytes) else None

    def put(self, key: str, data: bytes) -> None:
        self.put_many([(key, data)])

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        import sqlite3

        rows = list(items)
        connection = self._open()
        if connection is None or not rows:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany("INSERT OR REPLACE INTO entries (key, data) VALUES (?, ?)", rows)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error:
            return  # a busy, read-only or full cache only costs the next run a rescan

    def close(self) -> None:
        if self._connection:
            self._connection.close()
        self._connection = None
