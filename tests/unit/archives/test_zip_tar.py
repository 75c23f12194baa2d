"""ZipFS and TarFS: the FileSystem protocol over zip and tar members, escapes refused, damage reported."""

from __future__ import annotations

import contextlib
import io
import random
import tarfile
import zipfile
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.resolve import Resolver
from nmdoctor.vfs import FileSystemError, Kind
from nmdoctor.vfs import tarfs as tarfs_module
from nmdoctor.vfs import zipfs as zipfs_module
from nmdoctor.vfs.tarfs import TarError, TarFS
from nmdoctor.vfs.zipfs import ZipError, ZipFS
from tests.unit.archives.builders import seed_tree, tar_bytes, zip_bytes

APP = {f"app/{path}": content for path, content in seed_tree().items()}


def views(members: Mapping[str, bytes | str], links: Mapping[str, str] | None = None) -> list[ZipFS | TarFS]:
    return [
        ZipFS(zip_bytes(members, links), "/a.zip", "a.zip"),
        TarFS(tar_bytes(members, links, mode="w"), "/a.zip", "a.tar"),
        TarFS(tar_bytes(members, links, mode="w:gz"), "/a.zip", "a.tar.gz"),
        TarFS(tar_bytes(members, links, mode="w:bz2"), "/a.zip", "a.tar.bz2"),
        TarFS(tar_bytes(members, links, mode="w:xz"), "/a.zip", "a.tar.xz"),
    ]


@pytest.mark.parametrize("fs", views(APP, {"app/lib/entry.js": "../main.js"}), ids=lambda fs: fs.name)
def test_resolver_and_tree_reader_run_on_members(fs: ZipFS | TarFS) -> None:
    root = "/a.zip/app"
    assert fs.listdir("/") == ["a.zip"]
    assert fs.listdir("/a.zip") == ["app"]
    assert fs.stat("/node_modules") is None
    assert fs.read_bytes(f"{root}/node_modules/react-dom/index.js") == b"module.exports = 18;\n"
    assert fs.stat(f"{root}/node_modules/react-dom/index.js").size == 21  # type: ignore[union-attr]
    assert fs.realpath(f"{root}/lib/entry.js") == f"{root}/main.js"
    assert fs.lstat(f"{root}/lib/entry.js").kind is Kind.SYMLINK  # type: ignore[union-attr]
    resolver = Resolver(fs)
    assert resolver.resolve("react-dom", f"{root}/node_modules/ui-kit/index.js").resolved == (
        f"{root}/node_modules/ui-kit/node_modules/react-dom/index.js"
    )
    graph = read_installed_tree(fs, root)
    assert len(graph.instances) == 4
    with pytest.raises(FileSystemError):
        fs.read_bytes(f"{root}/lib")
    with pytest.raises(FileSystemError):
        fs.listdir(f"{root}/main.js")
    with pytest.raises(FileSystemError):
        fs.readlink(f"{root}/main.js")


@pytest.mark.parametrize("fs", views({"app/a": "x"}, {"app/out": "/etc/passwd", "app/up": "../../../etc"}))
def test_links_that_leave_the_archive_lead_nowhere(fs: ZipFS | TarFS) -> None:
    assert fs.lstat("/a.zip/app/out") is not None
    assert fs.stat("/a.zip/app/out") is None
    assert fs.stat("/a.zip/app/up/passwd") is None
    with pytest.raises(FileSystemError):
        fs.read_bytes("/a.zip/app/out")


@pytest.mark.parametrize("fs", views({"app/a": "x"}, {"app/l1": "l2", "app/l2": "l1"}))
def test_link_loops_are_missing(fs: ZipFS | TarFS) -> None:
    assert fs.stat("/a.zip/app/l1") is None
    with pytest.raises(FileSystemError, match="too many levels"):
        fs.realpath("/a.zip/app/l1/x")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../evil", "leaves the archive"),
        ("app/../../evil", "leaves the archive"),
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/x", "absolute path"),
    ],
)
def test_member_names_that_escape_are_refused(name: str, problem: str) -> None:
    with pytest.raises(ZipError, match=problem):
        ZipFS(zip_bytes({name: "x"}), "/a.zip", "a.zip")
    with pytest.raises(TarError, match=problem):
        TarFS(tar_bytes({name: "x"}), "/a.tgz", "a.tgz")


def test_windows_separators_in_zip_names() -> None:
    fs = ZipFS(zip_bytes({"app\\package.json": "{}"}), "/a.zip")
    assert fs.listdir("/a.zip/app") == ["package.json"]
    with pytest.raises(ZipError, match="leaves the archive"):
        ZipFS(zip_bytes({"..\\evil": "x"}), "/a.zip")


def test_a_name_both_file_and_folder_is_refused() -> None:
    with pytest.raises(ZipError, match="both a file and a folder"):
        ZipFS(zip_bytes({"app/a": "x", "app/a/b": "y"}), "/a.zip")
    with pytest.raises(TarError, match="both a folder and a file"):
        TarFS(tar_bytes({"app/a/b": "y", "app/a": "x"}), "/a.tgz")


def test_later_members_replace_earlier_ones_and_dots_are_ignored() -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in (("./app/a", b"old"), ("app/a", b"new"), ("./", b"")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            if name == "./":
                info.type = tarfile.DIRTYPE
            archive.addfile(info, io.BytesIO(data))
        fifo = tarfile.TarInfo("app/fifo")
        fifo.type = tarfile.FIFOTYPE
        archive.addfile(fifo)
    fs = TarFS(buffer.getvalue(), "/t.tar")
    assert fs.read_bytes("/t.tar/app/a") == b"new"
    assert fs.listdir("/t.tar/app") == ["a"]  # the fifo is not part of an app


def test_tar_hard_links_serve_the_earlier_file() -> None:
    data = tar_bytes({"app/a.js": "A"}, hardlinks={"app/b.js": "app/a.js", "app/c.js": "app/missing"})
    fs = TarFS(data, "/t.tgz")
    assert fs.read_bytes("/t.tgz/app/b.js") == b"A"
    assert fs.stat("/t.tgz/app/c.js") is None
    with pytest.raises(TarError, match="leaves the archive"):
        TarFS(tar_bytes({"app/a.js": "A"}, hardlinks={"app/b.js": "../x"}), "/t.tgz")


def test_compressed_tar_keeps_small_source_files_and_reads_others_again() -> None:
    big = b"\0" * 100_000
    fs = TarFS(tar_bytes({"app/package.json": "{}", "app/big.bin": big}), "/t.tgz")
    assert "app/package.json" in fs._kept and "app/big.bin" not in fs._kept
    assert fs.read_bytes("/t.tgz/app/big.bin") == big
    plain = TarFS(tar_bytes({"app/package.json": "{}"}, mode="w"), "/t.tar")
    assert plain._kept == {}
    assert plain.read_bytes("/t.tar/app/package.json") == b"{}"


def test_zip_members_are_inflated_only_when_read_and_damage_is_reported() -> None:
    data = bytearray(zip_bytes({"app/package.json": "{}", "app/x.js": "y" * 1000}))
    fs = ZipFS(bytes(data), "/a.zip")
    start = data.find(b"x.js") + 4  # the local header's name ends here: compressed data follows
    data[start + 2] ^= 0xFF
    damaged = ZipFS(bytes(data), "/a.zip", "a.zip")
    assert damaged.read_bytes("/a.zip/app/package.json") == b"{}"
    with pytest.raises(ZipError, match=r"^a\.zip: member app/x\.js cannot be read"):
        damaged.read_bytes("/a.zip/app/x.js")
    assert fs.read_bytes("/a.zip/app/x.js") == b"y" * 1000


def test_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfs_module, "MAX_MEMBERS", 2)
    monkeypatch.setattr(tarfs_module, "MAX_MEMBERS", 2)
    three = {"a": "1", "b": "2", "c": "3"}
    with pytest.raises(ZipError, match="more than nmdoctor reads"):
        ZipFS(zip_bytes(three), "/a.zip")
    with pytest.raises(TarError, match="more than nmdoctor reads"):
        TarFS(tar_bytes(three), "/a.tgz")
    monkeypatch.setattr(tarfs_module, "MAX_TOTAL_BYTES", 10)
    with pytest.raises(TarError, match="more than nmdoctor reads"):
        TarFS(tar_bytes({"a": "x" * 11}), "/a.tgz")
    monkeypatch.setattr(zipfs_module, "MAX_MEMBER_BYTES", 10)
    with pytest.raises(ZipError, match="more than nmdoctor reads"):
        ZipFS(zip_bytes({"a": "x" * 11}), "/a.zip").read_bytes("/a.zip/a")


def test_long_member_names_do_not_recurse() -> None:
    deep = "/".join(["d"] * 3000) + "/f"
    fs = ZipFS(zip_bytes({deep: "x"}), "/a.zip")
    assert fs.read_bytes(f"/a.zip/{deep}") == b"x"


def test_zip_link_target_size_is_bounded() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("l")
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "x" * 5000)
    with pytest.raises(ZipError, match="link target of 5000 bytes"):
        ZipFS(buffer.getvalue(), "/a.zip")


def test_not_archives() -> None:
    with pytest.raises(ZipError, match=r"^x\.zip: not a readable zip archive"):
        ZipFS(b"not a zip", "/x.zip", "x.zip")
    with pytest.raises(TarError, match=r"^x\.tgz: not a readable tar archive"):
        TarFS(b"\x1f\x8b\x08garbage", "/x.tgz", "x.tgz")


def _walk(fs: ZipFS | TarFS, mount: str) -> None:
    pending = [mount]
    while pending:
        folder = pending.pop()
        for name in fs.listdir(folder):
            path = f"{folder}/{name}"
            stat = fs.stat(path)
            if stat is not None and stat.kind is Kind.DIR:
                pending.append(path)
            elif stat is not None:
                assert len(fs.read_bytes(path)) == stat.size


def test_seeded_random_bytes_behind_real_magic_numbers() -> None:
    """The same 1,500 inputs every run: garbage behind zip, gzip and no magic numbers."""
    rng = random.Random(0)
    for index in range(1500):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
        blob = (b"\x1f\x8b\x08", b"PK\x03\x04", b"")[index % 3] + blob
        for reader, error in ((ZipFS, ZipError), (TarFS, TarError)):
            try:
                fs = reader(blob, "/a")
            except error:
                continue
            with contextlib.suppress(error):
                _walk(fs, "/a")


VALID_ZIP = zip_bytes(APP, {"app/l": "main.js"})
VALID_TAR = tar_bytes(APP, {"app/l": "main.js"}, mode="w")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["zip", "tar"]), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_mutated_archives(kind: str, flips: list[tuple[int, int]]) -> None:
    blob = bytearray(VALID_ZIP if kind == "zip" else VALID_TAR)
    for position, value in flips:
        blob[position % len(blob)] = value
    reader, error = (ZipFS, ZipError) if kind == "zip" else (TarFS, TarError)
    try:
        fs = reader(bytes(blob), "/a")
    except error:
        return
    try:
        _walk(fs, "/a")
    except error:
        return
