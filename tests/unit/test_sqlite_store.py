"""The SQLite store of the package-code scans: entries survive the process, runs share it, and
whatever goes wrong with the database is a miss, never an error."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from nmdoctor.inspect.package_code import PackageCode
from nmdoctor.project.cache import SqliteStore
from nmdoctor.project.session import load_graph
from nmdoctor.vfs import DiskFS


def test_entries_are_kept_between_stores(tmp_path: Path) -> None:
    path = str(tmp_path / "cache" / "scans.sqlite")
    store = SqliteStore(path)
    assert store.get("a") is None
    store.put("a", b"1")
    store.put_many([("b", b"2"), ("c", b"\x00\xff")])
    store.put("a", b"3")  # rewritten in place
    store.close()
    again = SqliteStore(path)
    assert [again.get(key) for key in ("a", "b", "c", "d")] == [b"3", b"2", b"\x00\xff", None]


def test_a_damaged_database_is_set_aside_and_started_again(tmp_path: Path) -> None:
    path = tmp_path / "scans.sqlite"
    path.write_bytes(b"this is not a database" * 200)
    store = SqliteStore(str(path))
    assert store.get("a") is None
    store.put("a", b"1")
    assert store.get("a") == b"1"
    assert (tmp_path / "scans.sqlite.damaged").read_bytes().startswith(b"this is not")


def test_a_cache_that_cannot_be_opened_is_only_misses(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = SqliteStore(str(blocker / "scans.sqlite"))  # its folder is a file
    store.put("a", b"1")
    store.put_many([("b", b"2")])
    assert store.get("a") is None


def _write_entries(path: str, prefix: str, count: int) -> None:
    store = SqliteStore(path)
    for start in range(0, count, 50):
        store.put_many((f"{prefix}{index}", f"{prefix}{index}".encode() * 100) for index in range(start, start + 50))


def test_runs_sharing_the_database_take_turns(tmp_path: Path) -> None:
    path = str(tmp_path / "scans.sqlite")
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_entries, args=(path, prefix, 500)) for prefix in ("x", "y", "z")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    store = SqliteStore(path)
    for prefix in ("x", "y", "z"):
        assert all(store.get(f"{prefix}{index}") == f"{prefix}{index}".encode() * 100 for index in range(500))


def _tree(root: Path, packages: int) -> None:
    root.mkdir()
    (root / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0"}))
    for index in range(packages):
        folder = root / "node_modules" / f"p{index}"
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"name": f"p{index}", "version": "1.0.0"}))
        (folder / "index.js").write_text(f"module.exports = require('p{(index + 1) % packages}');\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_cold_scan_writes_every_entry_and_a_second_scan_reads_them(tmp_path: Path, workers: int) -> None:
    """Over the process pool too (60 packages: more than its threshold), the entries the
    processes send back are written by the store's owner, in one transaction."""
    root = tmp_path / "app"
    _tree(root, 60)
    graph = load_graph(DiskFS(), os.path.realpath(root))
    path = str(tmp_path / "scans.sqlite")
    cold = PackageCode(DiskFS(), SqliteStore(path), workers=workers)
    cold.prepare(graph.instances)
    cold.flush()
    rows = SqliteStore(path)._open().execute("SELECT count(*) FROM entries").fetchone()[0]
    assert rows == 60 + 1  # each package, and the project's pack

    class Counting(SqliteStore):
        gets = 0

        def get(self, key: str) -> bytes | None:
            Counting.gets += 1
            return super().get(key)

        def put_many(self, items: object) -> None:
            raise AssertionError("nothing to write")

    warm = PackageCode(DiskFS(), Counting(path), workers=workers)
    warm.prepare(graph.instances)
    assert Counting.gets == 1  # the pack
    first = next(instance for instance in graph.instances if instance.name == "p0")
    assert warm.names(first) == cold.names(first) == frozenset({"p1"})
