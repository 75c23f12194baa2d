"""Hostile archives through `nmdoctor archive`: bombs, huge headers, tiny integrity blocks, damage."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.hostile.harness import run
from tests.unit.archives.builders import build_asar, integrity, pickle_header, tar_bytes, zip_bytes

APP = {
    "package.json": json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"a": "1"}}),
    "node_modules/a/package.json": json.dumps({"name": "a", "version": "1.0.0"}),
    "node_modules/a/index.js": "module.exports = 1;\n",
}


def zip_bomb() -> bytes:
    """About 1 MB on disk; its package.json inflates to 1 GiB."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with archive, archive.open("package.json", "w", force_zip64=True) as member:
        chunk = b" " * (1 << 20)
        for _ in range(1024):
            member.write(chunk)
    return buffer.getvalue()


def zip_lying_sizes() -> bytes:
    """The directory says 20 bytes; the member inflates far past that."""
    data = bytearray(zip_bytes({"package.json": "{" + " " * 5_000_000 + "}"}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (20).to_bytes(4, "little")  # uncompressed size in the directory
    data[info.header_offset + 22 : info.header_offset + 26] = (20).to_bytes(4, "little")
    return bytes(data)


def tar_huge_pax() -> bytes:
    """A pax header claiming 1.5 GiB, gzipped to a few bytes."""
    header = tarfile.TarInfo("././@PaxHeader")
    header.type = tarfile.XHDTYPE
    header.size = 1536 * 1024 * 1024
    raw = header.tobuf(format=tarfile.USTAR_FORMAT) + b"\0" * (1 << 16)
    return gzip.compress(raw)


def tar_long_name() -> bytes:
    header = tarfile.TarInfo("././@LongLink")
    header.type = tarfile.GNUTYPE_LONGNAME
    header.size = 1 << 31
    return header.tobuf(format=tarfile.USTAR_FORMAT) + b"x" * 4096


def asar_tiny_blocks() -> bytes:
    content = b"x" * (4 << 20)
    entry = {"size": len(content), "offset": "0", "integrity": {**integrity(content), "blockSize": 1}}
    manifest = json.dumps({"name": "app", "version": "1.0.0"}).encode()
    header = {
        "files": {
            "big.bin": entry,
            "package.json": {"size": len(manifest), "offset": str(len(content)), "integrity": integrity(manifest)},
        }
    }
    return pickle_header(header) + content + manifest


def asar_deep_header() -> bytes:
    return pickle_header(None, raw=b'{"files":' * 60_000 + b"{}" + b"}" * 60_000)


def asar_huge_header_claim() -> bytes:
    return (4).to_bytes(4, "little") + (1 << 31).to_bytes(4, "little") + b"\0" * 64


def damaged(compress: str) -> bytes:
    whole = tar_bytes(APP, mode=f"w:{compress}")
    return whole[: len(whole) // 2] + b"\x00garbage" * 10


ARCHIVES = {
    "bomb.zip": zip_bomb,
    "lying.zip": zip_lying_sizes,
    "pax.tar.gz": tar_huge_pax,
    "longname.tar": tar_long_name,
    "blocks.asar": asar_tiny_blocks,
    "deep.asar": asar_deep_header,
    "claim.asar": asar_huge_header_claim,
    "damaged.tar.gz": lambda: damaged("gz"),
    "damaged.tar.bz2": lambda: damaged("bz2"),
    "damaged.tar.xz": lambda: damaged("xz"),
    "bz2-garbage.tar.bz2": lambda: bz2.compress(b"not a tar")[:-5],
    "xz-garbage.tar.xz": lambda: lzma.compress(b"\0" * 10_000)[:40],
    "empty.zip": lambda: b"",
    "valid.asar": lambda: build_asar(APP),
}


@pytest.mark.parametrize("name", sorted(ARCHIVES))
def test_hostile_archive(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(ARCHIVES[name]())
    result = run(["archive", name], cwd=folder)
    if name == "blocks.asar":  # one hash per byte declared: refused as a mismatch, before hashing 4 Mi blocks
        assert "archive-integrity-mismatch" in result.stdout
    elif name != "valid.asar":
        assert result.returncode == 2, (name, result.stdout[-300:])
        assert result.stderr.startswith(f"Error: {name}") or name in result.stderr, result.stderr
    run(["archive", name, "--json"], cwd=folder)


def test_archive_that_is_a_fifo(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "app.asar")
    result = run(["archive", "app.asar"], cwd=tmp_path)
    assert result.returncode == 2 and "not a regular file" in result.stderr
