"""AsarFS: the FileSystem protocol over an asar, and untrusted headers refused with one clear line."""

from __future__ import annotations

import io
import json
import struct

import pytest

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.resolve import Resolver
from nmdoctor.vfs import FileSystemError, Kind, MemoryFS
from nmdoctor.vfs.asar import AsarError, AsarFS
from tests.unit.archives.builders import Link, Unpacked, build_asar, integrity, pickle_header, seed_tree

M = "/dist/app.asar"


def test_files_folders_and_the_way_down_to_the_mount() -> None:
    fs = AsarFS(build_asar({"a.js": "abc", "lib/b.js": "b", "lib/c/d.json": "{}"}), M)
    assert fs.read_bytes(f"{M}/a.js") == b"abc"
    assert fs.stat(f"{M}/a.js") == fs.lstat(f"{M}/a.js")
    assert fs.stat(f"{M}/a.js").size == 3  # type: ignore[union-attr]
    assert fs.listdir(M) == ["a.js", "lib"]
    assert fs.listdir(f"{M}/lib") == ["b.js", "c"]
    assert fs.stat(f"{M}/lib").kind is Kind.DIR  # type: ignore[union-attr]
    # Above the mount: only the way down; beside it: nothing (node's walk up finds no node_modules).
    assert fs.listdir("/") == ["dist"]
    assert fs.listdir("/dist") == ["app.asar"]
    assert fs.stat("/node_modules") is None
    assert fs.stat("/dist/node_modules") is None
    assert fs.stat(f"{M}/missing") is None
    with pytest.raises(FileSystemError):
        fs.read_bytes(f"{M}/lib")
    with pytest.raises(FileSystemError):
        fs.listdir(f"{M}/a.js")
    with pytest.raises(FileSystemError):
        fs.readlink(f"{M}/a.js")


def test_mounted_at_the_root() -> None:
    fs = AsarFS(build_asar({"x/y.js": "1"}), "/")
    assert fs.listdir("/") == ["x"]
    assert fs.read_bytes("/x/y.js") == b"1"
    assert fs.realpath("/x/../x/y.js") == "/x/y.js"


def test_links_are_relative_to_the_archive_root() -> None:
    fs = AsarFS(
        build_asar(
            {
                "main.js": "main",
                "lib/entry.js": Link("main.js"),  # what the packer writes for lib/entry.js -> ../main.js
                "packages/a/package.json": '{"name": "a"}',
                "node_modules/a": Link("packages/a"),  # a linked workspace folder
                "node_modules/b": Link("node_modules/a"),  # a chain
                "top": Link(""),  # the root itself
            }
        ),
        M,
    )
    assert fs.lstat(f"{M}/lib/entry.js").kind is Kind.SYMLINK  # type: ignore[union-attr]
    assert fs.readlink(f"{M}/lib/entry.js") == "../main.js"
    assert fs.read_bytes(f"{M}/lib/entry.js") == b"main"
    assert fs.realpath(f"{M}/node_modules/b/package.json") == f"{M}/packages/a/package.json"
    assert fs.listdir(f"{M}/node_modules/b") == ["package.json"]
    assert fs.realpath(f"{M}/top/main.js") == f"{M}/main.js"


def test_link_loops_are_missing_files_not_hangs() -> None:
    fs = AsarFS(build_asar({"a": Link("b"), "b": Link("a"), "self": Link("self")}), M)
    assert fs.stat(f"{M}/a") is None
    assert fs.stat(f"{M}/self/x") is None
    with pytest.raises(FileSystemError, match="too many levels"):
        fs.realpath(f"{M}/a")
    with pytest.raises(FileSystemError):
        fs.read_bytes(f"{M}/a")


def test_unpacked_files_come_from_the_unpacked_folder() -> None:
    data = build_asar({"package.json": "{}", "native/addon.node": Unpacked(b"ELF"), "native/dir": {"unpacked": True}})
    beside = MemoryFS.from_mapping({"/dist/app.asar.unpacked/native/addon.node": b"ELF"})
    fs = AsarFS(data, M, "app.asar", beside, "/dist/app.asar.unpacked")
    assert fs.read_bytes(f"{M}/native/addon.node") == b"ELF"
    assert fs.is_unpacked(f"{M}/native/addon.node")
    assert not fs.is_unpacked(f"{M}/package.json")
    assert not fs.is_unpacked(f"{M}/missing")
    entry = fs.entry(f"{M}/native/dir")
    assert entry is not None and entry.unpacked and entry.kind is Kind.DIR
    assert fs.integrity_problem(fs.entry(f"{M}/native/addon.node")) is None  # type: ignore[arg-type]
    alone = AsarFS(data, M)
    assert alone.stat(f"{M}/native/addon.node") is not None  # listed by the header
    with pytest.raises(FileSystemError, match=r"unpacked, and there is no app\.asar\.unpacked"):
        alone.read_bytes(f"{M}/native/addon.node")


def test_reads_only_what_is_asked_from_a_file_object() -> None:
    class Counting(io.BytesIO):
        read_total = 0

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            Counting.read_total += len(chunk)
            return chunk

    big = "x" * 1_000_000
    data = build_asar({"package.json": "{}", "big.bin": big})
    fs = AsarFS(Counting(data), M)
    assert fs.read_bytes(f"{M}/package.json") == b"{}"
    assert Counting.read_total < 10_000
    assert len(fs.read_bytes(f"{M}/big.bin")) == 1_000_000


def test_integrity_is_checked_against_the_bytes() -> None:
    good = build_asar({"a.js": "abc"})
    fs = AsarFS(good, M)
    assert fs.integrity_problem(fs.entry(f"{M}/a.js")) is None  # type: ignore[arg-type]
    tampered = good[:-3] + b"abd"
    fs = AsarFS(tampered, M)
    assert "SHA-256 differs" in (fs.integrity_problem(fs.entry(f"{M}/a.js")) or "")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("x", "not an object"),
        ({"algorithm": "MD5"}, "is not SHA256"),
        ({"algorithm": "SHA256", "hash": "zz"}, "not a SHA-256 hex digest"),
        ({**integrity(b"abc"), "blockSize": 0}, "not a positive integer"),
        ({**integrity(b"abc"), "blocks": [1]}, "blocks are not"),
        ({**integrity(b"abc"), "blocks": []}, "block hashes differ"),
        (integrity(b"abc", block=2), None),  # other block sizes are honoured
        ({**integrity(b"abc", block=3), "blocks": integrity(b"abc", block=3)["blocks"][:1]}, None),  # no empty tail
    ],
)
def test_integrity_fields_are_judged_not_trusted(value: object, problem: str | None) -> None:
    header = {"files": {"a.js": {"size": 3, "offset": "0", "integrity": value}}}
    fs = AsarFS(pickle_header(header) + b"abc", M)
    found = fs.integrity_problem(fs.entry(f"{M}/a.js"))  # type: ignore[arg-type]
    assert found is None if problem is None else problem in (found or "")


def test_resolver_and_tree_reader_run_on_it_unchanged() -> None:
    fs = AsarFS(build_asar(seed_tree()), M)
    resolver = Resolver(fs)
    assert resolver.resolve("react-dom", f"{M}/node_modules/ui-kit/index.js").resolved == (
        f"{M}/node_modules/ui-kit/node_modules/react-dom/index.js"
    )
    assert resolver.resolve("react-dom", f"{M}/main.js").resolved == f"{M}/node_modules/react-dom/index.js"
    assert resolver.resolve("jest", f"{M}/main.js").error == "MODULE_NOT_FOUND"
    graph = read_installed_tree(fs, M)
    assert sorted(item.label for item in graph.instances) == [
        "app@1.0.0",
        "react-dom@17.0.2",
        "react-dom@18.3.1",
        "ui-kit@1.0.0",
    ]


def _raw(header: object, data: bytes = b"x") -> bytes:
    return pickle_header(header) + data


@pytest.mark.parametrize(
    ("blob", "problem"),
    [
        (b"", "too short"),
        (b"\x05\x00\x00\x00" + b"\x00" * 20, "first pickle is not a 4-byte size"),
        (struct.pack("<4I", 4, 2**31, 2**31 - 4, 10) + b"{}", "larger than nmdoctor reads"),
        (struct.pack("<4I", 4, 100_000, 99_996, 10) + b"{}" * 10, "does not fit in the archive"),
        (struct.pack("<4I", 4, 4, 0, 0) + b"\x00" * 8, "inconsistent"),
        (struct.pack("<4I", 4, 16, 12, 40) + b"\x00" * 16, "inconsistent"),
        (pickle_header(None, raw=b"\xff\xfe"), "not JSON"),
        (pickle_header(None, raw=b"{"), "not JSON"),
        (pickle_header(None, raw=b"[" * 100_000 + b"]" * 100_000), "nested too deep"),
        (_raw([]), "no root folder"),
        (_raw({"nofiles": {}}), "no root folder"),
        (_raw({"files": []}), "no root folder"),
        (_raw({"files": {"..": {"size": 1, "offset": "0"}}}), "invalid entry name '..'"),
        (_raw({"files": {".": {"size": 1, "offset": "0"}}}), "invalid entry name"),
        (_raw({"files": {"": {"size": 1, "offset": "0"}}}), "invalid entry name"),
        (_raw({"files": {"a/b": {"size": 1, "offset": "0"}}}), "invalid entry name"),
        (_raw({"files": {"a\\..": {"size": 1, "offset": "0"}}}), "invalid entry name"),
        (_raw({"files": {"a\0": {"size": 1, "offset": "0"}}}), "invalid entry name"),
        (_raw({"files": {"d": {"files": {"..": {"files": {}}}}}}), "d: invalid entry name"),
        (_raw({"files": {"a": 3}}), "a: entry is not an object"),
        (_raw({"files": {"d": {"files": 3}}}), "d: files is not an object"),
        (_raw({"files": {"a": {"size": 10, "offset": "0"}}}), "outside the archive"),
        (_raw({"files": {"a": {"size": 1, "offset": "1"}}}), "outside the archive"),
        (_raw({"files": {"a": {"size": 1, "offset": "18446744073709551616"}}}), "outside the archive"),
        (_raw({"files": {"a": {"size": 1, "offset": "-1"}}}), "invalid offset"),
        (_raw({"files": {"a": {"size": 1, "offset": " 0"}}}), "invalid offset"),
        (_raw({"files": {"a": {"size": 1, "offset": "1e3"}}}), "invalid offset"),
        (_raw({"files": {"a": {"size": 1}}}), "invalid offset"),
        (_raw({"files": {"a": {"size": 1, "offset": True}}}), "invalid offset"),
        (_raw({"files": {"a": {"size": -1, "offset": "0"}}}), "invalid size"),
        (_raw({"files": {"a": {"size": True, "offset": "0"}}}), "invalid size"),
        (_raw({"files": {"a": {"size": 1.5, "offset": "0"}}}), "invalid size"),
        (_raw({"files": {"a": {"size": 2**60, "offset": "0"}}}), "invalid size"),
        (_raw({"files": {"a": {"offset": "0"}}}), "invalid size"),
        (_raw({"files": {"a": {"link": "/etc/passwd"}}}), "leaves the archive"),
        (_raw({"files": {"a": {"link": "../x"}}}), "leaves the archive"),
        (_raw({"files": {"a": {"link": "b/../../x"}}}), "leaves the archive"),
        (_raw({"files": {"a": {"link": ".."}}}), "leaves the archive"),
        (_raw({"files": {"a": {"link": 3}}}), "invalid link"),
        (_raw({"files": {"a": {"link": "x\0"}}}), "invalid link"),
    ],
)
def test_bad_archives_are_refused_with_one_line(blob: bytes, problem: str) -> None:
    with pytest.raises(AsarError) as caught:
        AsarFS(blob, M, "broken.asar")
    message = str(caught.value)
    assert message.startswith("broken.asar: ")
    assert problem in message
    assert "\n" not in message


def test_unusual_but_unambiguous_headers_are_read() -> None:
    # A numeric offset (not what the packer writes), a name holding "..", a link to "..x" inside.
    header = {"files": {"a..b": {"size": 1, "offset": 0}, "..x": {"size": 0, "offset": "1"}, "l": {"link": "..x"}}}
    fs = AsarFS(_raw(header), M)
    assert fs.read_bytes(f"{M}/a..b") == b"x"
    assert fs.read_bytes(f"{M}/l") == b""


def test_truncated_after_the_header_check() -> None:
    class Shrinking(io.BytesIO):
        """A file that got shorter between the size check and the read."""

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            return chunk[:-1] if size == 200 else chunk

    data = build_asar({"a.js": "x" * 200, "b.js": "y" * 200})
    fs = AsarFS(Shrinking(data), M, "t.asar")
    with pytest.raises(AsarError, match="truncated"):
        fs.read_bytes(f"{M}/b.js")


def test_header_json_is_what_the_packer_writes() -> None:
    data = build_asar({"a.js": "1"})
    size, header_size, payload, length = struct.unpack_from("<4I", data)
    assert (size, payload) == (4, header_size - 4)
    assert json.loads(data[16 : 16 + length])["files"]["a.js"]["offset"] == "0"
