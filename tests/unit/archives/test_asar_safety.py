"""Untrusted asar headers: a clear AsarError, never a crash, a hang or a read outside the data."""

from __future__ import annotations

import contextlib
import json
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nmdoctor.vfs.asar import AsarError, AsarFS


def archive(header: object, data: bytes = b"", *, raw: bytes | None = None) -> bytes:
    text = raw if raw is not None else json.dumps(header).encode()
    padded = text + b"\0" * (-len(text) % 4)
    header_size = len(padded) + 8
    return struct.pack("<4I", 4, header_size, header_size - 4, len(text)) + padded + data


def test_reads_a_well_formed_archive() -> None:
    fs = AsarFS(archive({"files": {"a.js": {"size": 3, "offset": "0"}}}, b"abc"), "/x.asar")
    assert fs.read_bytes("/x.asar/a.js") == b"abc"


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ({"files": {"..": {"size": 1, "offset": "0"}}}, "invalid entry name"),
        ({"files": {"a/b": {"size": 1, "offset": "0"}}}, "invalid entry name"),
        ({"files": {"a": {"size": 10, "offset": "0"}}}, "outside the archive"),
        ({"files": {"a": {"size": 1, "offset": "-5"}}}, "outside the archive"),
        ({"files": {"a": {"size": -1, "offset": "0"}}}, "invalid size"),
        ({"files": {"a": {"link": "/etc/passwd"}}}, "leaves the archive"),
        ({"files": {"a": {"link": "../../x"}}}, "leaves the archive"),
        ({"nofiles": {}}, "no root folder"),
    ],
)
def test_bad_headers_are_refused(header: object, problem: str) -> None:
    with pytest.raises(AsarError, match=problem):
        AsarFS(archive(header, b"x"), "/x.asar")


def test_absurd_header_size() -> None:
    data = struct.pack("<4I", 4, 2**31, 2**31 - 4, 2**31 - 8) + b"{}"
    with pytest.raises(AsarError, match="does not fit"):
        AsarFS(data, "/x.asar")


def test_link_loop_is_a_missing_file_not_a_hang() -> None:
    fs = AsarFS(archive({"files": {"a": {"link": "b"}, "b": {"link": "a"}}}), "/x.asar")
    assert fs.stat("/x.asar/a") is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_fuzzed_bytes_never_crash(blob: bytes) -> None:
    with contextlib.suppress(AsarError):
        AsarFS(blob, "/x.asar")


names = st.text(alphabet="ab./\\\0", min_size=0, max_size=4)
nodes = st.recursive(
    st.fixed_dictionaries({"size": st.integers(-2, 8), "offset": st.sampled_from(["0", "3", "x", "-1", "99"])})
    | st.fixed_dictionaries({"link": names}),
    lambda children: st.fixed_dictionaries({"files": st.dictionaries(names, children, max_size=3)}),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(nodes)
def test_fuzzed_headers_never_crash_or_escape(header: object) -> None:
    try:
        fs = AsarFS(archive(header, b"0123456789"), "/x.asar")
    except AsarError:
        return
    pending = ["/x.asar"]
    while pending:
        folder = pending.pop()
        try:
            entries = fs.listdir(folder)
        except OSError:
            continue
        for name in entries:
            path = f"{folder}/{name}"
            stat = fs.stat(path)
            if stat is not None and stat.kind.value == "dir":
                pending.append(path)
            elif stat is not None:
                assert len(fs.read_bytes(path)) == stat.size


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _tar(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def test_zip_and_tar_views_run_the_resolver() -> None:
    from nmdoctor.resolve import Resolver
    from nmdoctor.vfs.archive_members import read_tar, read_zip

    members = {
        "app/package.json": b"{}",
        "app/node_modules/x/package.json": b'{"main": "m.js"}',
        "app/node_modules/x/m.js": b"",
    }
    for fs in (
        read_zip(_zip(members), "/a.zip"),
        read_tar(_tar(members, {"app/link.js": "node_modules/x/m.js"}), "/a.tgz"),
    ):
        mount = "/a.zip" if fs.stat("/a.zip") is not None else "/a.tgz"
        assert Resolver(fs).resolve("x", f"{mount}/app/index.js").resolved == f"{mount}/app/node_modules/x/m.js"


@pytest.mark.parametrize(
    ("members", "links", "problem"),
    [
        ({"../evil": b"x"}, None, "leaves the archive"),
        ({"/etc/passwd": b"x"}, None, "absolute path"),
        ({"app/a": b"x"}, {"app/l": "/etc/passwd"}, "outside the archive"),
        ({"app/a": b"x"}, {"app/l": "../../x"}, "leaves the archive"),
    ],
)
def test_tar_members_that_escape_are_refused(
    members: dict[str, bytes], links: dict[str, str] | None, problem: str
) -> None:
    from nmdoctor.vfs.archive_members import ArchiveError, read_tar

    with pytest.raises(ArchiveError, match=problem):
        read_tar(_tar(members, links), "/a.tgz")


def test_fuzzed_zip_and_tar_bytes_never_crash() -> None:
    """Seeded random bytes (deterministic: the same 1,500 inputs every run), some behind real magic numbers."""
    import random

    from nmdoctor.vfs.archive_members import ArchiveError, read_tar, read_zip

    rng = random.Random(0)
    for index in range(1500):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
        blob = (b"\x1f\x8b\x08", b"PK\x03\x04", b"")[index % 3] + blob
        for reader in (read_zip, read_tar):
            with contextlib.suppress(ArchiveError):
                reader(blob, "/a")
