"""Fleet results as Parquet: written in batches, each made whole before anyone can read it.

Layout of ``--output DIR``::

    DIR/parts/<batch>/repos.parquet      one row per repository analysed in that batch
    DIR/parts/<batch>/packages.parquet   every locked package of those repositories
    DIR/parts/<batch>/findings.parquet   every finding of those repositories
    DIR/.incoming/<batch>/               a batch being written (never read)

A batch folder is written under ``.incoming`` and moved into ``parts`` with one ``rename``, so a run
killed at any instant leaves either the whole batch or none of it. Only the driver writes; workers
return rows. A repository analysed again (its lockfile or commit changed) gets rows in a newer
batch; readers keep, per repository, the rows of its newest batch only (see ``query.py``), so no
repository is ever counted twice.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from nmdoctor.fleet.tasks import RepoResult

__all__ = ["FINDINGS_SCHEMA", "PACKAGES_SCHEMA", "REPOS_SCHEMA", "Store", "StoreBusy"]

_STR = pa.string()
REPOS_SCHEMA = pa.schema(
    [
        ("repository", _STR),
        ("location", _STR),
        ("source", _STR),
        ("ref", _STR),
        ("commit", _STR),
        ("key", _STR),
        ("manager", _STR),
        ("lockfile", _STR),
        ("lockfile_format", _STR),
        ("layout", _STR),
        ("packages", pa.int64()),
        ("workspaces", pa.int64()),
        ("errors", pa.int64()),
        ("warnings", pa.int64()),
        ("infos", pa.int64()),
        ("docker_findings", pa.int64()),
        ("status", _STR),
        ("error", _STR),
        ("docker_error", _STR),
        ("migrate_errors", pa.int64()),
        ("migrate_warnings", pa.int64()),
        ("migrate_error", _STR),
        ("seconds", pa.float64()),
        ("batch", _STR),
    ]
)
PACKAGES_SCHEMA = pa.schema(
    [
        ("repository", _STR),
        ("name", _STR),
        ("version", _STR),
        ("path", _STR),
        ("workspace", pa.bool_()),
        ("batch", _STR),
    ]
)
FINDINGS_SCHEMA = pa.schema(
    [
        ("repository", _STR),
        ("tool", _STR),
        ("workspace", _STR),
        ("code", _STR),
        ("severity", _STR),
        ("message", _STR),
        ("package_name", _STR),
        ("package_version", _STR),
        ("package_path", _STR),
        ("request", _STR),
        ("from", _STR),
        ("fix", _STR),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("batch", _STR),
    ]
)
TABLES = {"repos": REPOS_SCHEMA, "packages": PACKAGES_SCHEMA, "findings": FINDINGS_SCHEMA}


class StoreBusy(OSError):
    """Another run is writing to the same results folder."""


class Store:
    """The results folder of a fleet run."""

    def __init__(self, folder: str) -> None:
        self.folder = os.path.abspath(folder)
        self.parts = os.path.join(self.folder, "parts")
        self.incoming = os.path.join(self.folder, ".incoming")
        self._lock: int | None = None

    def open(self) -> None:
        """Create the folder, take it for this run (one writer at a time: the lock goes with the
        process, so a killed run never leaves it taken), and throw away batches a killed run did
        not finish writing."""
        os.makedirs(self.parts, exist_ok=True)
        self._lock = os.open(os.path.join(self.folder, ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            self._lock = None
            raise StoreBusy(f"{self.folder}: another fleet run is writing here") from None
        shutil.rmtree(self.incoming, ignore_errors=True)
        os.makedirs(self.incoming, exist_ok=True)

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def batches(self) -> list[str]:
        """The finished batch folders, oldest first (batch names sort by creation time)."""
        if not os.path.isdir(self.parts):
            return []
        return [os.path.join(self.parts, name) for name in sorted(os.listdir(self.parts)) if not name.startswith(".")]

    def known_keys(self) -> dict[str, str]:
        """Per repository, the key of its newest rows: what an unchanged repository is skipped by."""
        keys: dict[str, str] = {}
        for batch in self.batches():
            path = os.path.join(batch, "repos.parquet")
            if "migrate_errors" not in pq.read_schema(path).names:
                continue  # made before fleet answered migrate: analysed again
            table = pq.read_table(path, columns=["repository", "key"])
            for repository, key in zip(table["repository"].to_pylist(), table["key"].to_pylist(), strict=True):
                keys[repository] = key
        return keys

    def write(self, results: Iterable[RepoResult]) -> str | None:
        """Write one batch atomically; returns its folder (None when there was nothing to write)."""
        results = list(results)
        if not results:
            return None
        batch = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        rows: dict[str, list[dict[str, object]]] = {"repos": [], "packages": [], "findings": []}
        for result in results:
            rows["repos"].append({**result.repo, "batch": batch})
            rows["packages"].extend({**row, "batch": batch} for row in result.packages)
            rows["findings"].extend({**row, "batch": batch} for row in result.findings)
        staging = os.path.join(self.incoming, batch)
        os.makedirs(staging)
        for name, schema in TABLES.items():
            path = os.path.join(staging, f"{name}.parquet")
            pq.write_table(pa.Table.from_pylist(rows[name], schema=schema), path, compression="zstd")
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        final = os.path.join(self.parts, batch)
        os.rename(staging, final)
        _fsync_dir(self.parts)
        return final


def _fsync_dir(path: str) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
