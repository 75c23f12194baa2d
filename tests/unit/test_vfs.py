"""The filesystem views: in-memory trees follow links exactly as the real disk does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nmdoctor.vfs import Dir, DiskFS, FileSystemError, Kind, MemoryFS, symlink

TREE = {
    "a/file.txt": "hello",
    "a/empty": Dir(),
    "rel": symlink("a"),
    "abs": symlink("/ROOT/a"),
    "chain": symlink("rel"),
    "up": symlink("a/../a/file.txt"),
    "dangling": symlink("nowhere"),
    "loop1": symlink("loop2"),
    "loop2": symlink("loop1"),
    "self": symlink("self"),
    "a/back": symlink(".."),
    "a/dot": symlink("."),
    "through/x": symlink("../rel/file.txt"),
}

PROBES = [
    "",
    "a",
    "a/file.txt",
    "a/empty",
    "rel",
    "rel/file.txt",
    "abs/file.txt",
    "chain/file.txt",
    "up",
    "dangling",
    "loop1",
    "self",
    "a/back/a/file.txt",
    "a/dot/dot/file.txt",
    "a/file.txt/x",
    "rel/../a/file.txt",
    "through/x",
    "missing",
]


def _memory(root: str) -> MemoryFS:
    entries = {}
    for path, value in TREE.items():
        if hasattr(value, "target"):
            value = symlink(value.target.replace("/ROOT", root))
        entries[f"{root}/{path}"] = value
    return MemoryFS.from_mapping(entries)


def _disk(root: Path) -> None:
    for path, value in TREE.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if hasattr(value, "target"):
            os.symlink(value.target.replace("/ROOT", str(root)), target)
        elif isinstance(value, Dir):
            target.mkdir()
        else:
            target.write_text(value)


def _answers(fs: object, root: str) -> list[tuple[object, ...]]:
    rows = []
    for probe in PROBES:
        path = f"{root}/{probe}".rstrip("/")
        stat = fs.stat(path)  # type: ignore[attr-defined]
        lstat = fs.lstat(path)  # type: ignore[attr-defined]
        try:
            real = fs.realpath(path).replace(root, "ROOT")  # type: ignore[attr-defined]
        except FileSystemError:
            real = "error"
        rows.append((probe, stat.kind if stat else None, lstat.kind if lstat else None, real))
    return rows


def test_memory_follows_links_like_the_disk(tmp_path: Path) -> None:
    root = str(tmp_path.resolve())
    _disk(tmp_path.resolve())
    assert _answers(_memory(root), root) == _answers(DiskFS(), root)


def test_realpath_of_links() -> None:
    fs = _memory("/r")
    assert fs.realpath("/r/chain/file.txt") == "/r/a/file.txt"
    assert fs.realpath("/r/a/back/abs") == "/r/a"
    with pytest.raises(FileSystemError):
        fs.realpath("/r/loop1")
    with pytest.raises(FileSystemError):
        fs.realpath("/r/dangling")


def test_read_and_list_follow_links() -> None:
    fs = _memory("/r")
    assert fs.read_bytes("/r/rel/file.txt") == b"hello"
    assert fs.listdir("/r/rel") == ["back", "dot", "empty", "file.txt"]
    assert fs.readlink("/r/rel") == "a"
    assert fs.lstat("/r/rel") is not None and fs.lstat("/r/rel").kind is Kind.SYMLINK  # type: ignore[union-attr]
    with pytest.raises(FileSystemError):
        fs.read_bytes("/r/a")
    with pytest.raises(FileSystemError):
        fs.readlink("/r/a")


def test_json_entries_are_written_as_json() -> None:
    fs = MemoryFS.from_mapping({"/p/package.json": {"name": "p"}})
    assert fs.read_bytes("/p/package.json") == b'{"name": "p"}'
    stat = fs.stat("/p/package.json")
    assert stat is not None and stat.kind is Kind.FILE and stat.size == 13
