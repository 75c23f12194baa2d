"""An Electron asar archive as a FileSystem, mounted at a path (usually the archive's own).

Layout (``@electron/asar``, docs/reference/packaging.md §1): a size pickle (``4``, ``H``), then the
header pickle of ``H`` bytes (payload size, string length ``L``, ``L`` bytes of UTF-8 JSON), then
the file contents from byte ``8 + H`` on. The JSON is a tree of folders (``files``), files
(``size``, ``offset`` as a decimal string relative to the data, ``integrity``, ``executable``),
files kept outside the archive (``unpacked: true``, no offset: they live in ``<archive>.unpacked``
at the same relative path) and links (``link``: a target relative to the archive root).

Archives are untrusted input. Only the header is read up front, after its size is checked against
the archive's; every name must be one path component, every link must stay inside the archive
(as the packer itself insists), and every file's offset and size must lie inside the data. A
violation is an ``AsarError`` naming the archive and the problem. Nothing is ever read outside the
archive's bytes, and the mount path's folders are the only things the view shows outside it, so the
resolver's walk up from the archive finds nothing that is not packed.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath
from nmdoctor.vfs.limits import MAX_HEADER_BYTES as LIMIT_HEADER_BYTES
from nmdoctor.vfs.limits import LimitError, load_json
from nmdoctor.vfs.mounted import MountedView

__all__ = ["MAX_HEADER_BYTES", "AsarEntry", "AsarError", "AsarFS"]

MAX_HEADER_BYTES = LIMIT_HEADER_BYTES  # far above any real app's header; refuses absurd sizes cheaply
_MAX_DEPTH = 512  # folders nested deeper than this are not a real app (and json caps nesting anyway)
_MAX_SIZE = 2**53  # sizes are JavaScript numbers in the packer
_OFFSET = re.compile(r"[0-9]{1,20}")
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


class AsarError(Exception):
    """The archive is not a well-formed asar; the message names the archive and the problem.

    Not a ``ValueError`` or ``OSError`` on purpose: nothing on the way up (JSON handling, the
    resolver's "file missing" paths) may take it for something else and carry on.
    """


@dataclass(frozen=True, slots=True)
class AsarEntry:
    """One header entry. ``path`` is relative to the archive root (``""`` for the root)."""

    path: str
    kind: Kind
    size: int = 0
    offset: int = 0
    unpacked: bool = False
    link: str | None = None  # the target, relative to the archive root, for a link
    executable: bool = False
    integrity: Any = None  # the header's ``integrity`` value, unchecked (see ``integrity_problem``)


def _as_source(data: bytes | bytearray | memoryview | BinaryIO) -> BinaryIO:
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(data))
    return data


class AsarFS(MountedView):
    """Read-only view of an asar (bytes or a seekable binary file) at ``mount``.

    ``unpacked`` (a FileSystem) and ``unpacked_root`` (a path in it) serve the entries the header
    marks unpacked, as Electron reads them from ``<archive>.unpacked/<path>``; without them such
    files are listed but cannot be read.
    """

    def __init__(
        self,
        data: bytes | bytearray | memoryview | BinaryIO,
        mount: VPath,
        name: str = "app.asar",
        unpacked: FileSystem | None = None,
        unpacked_root: VPath | None = None,
    ) -> None:
        self.name = name
        self.mount = normalize(mount)
        self.unpacked = unpacked
        self.unpacked_root = normalize(unpacked_root) if unpacked_root else None
        self._source = _as_source(data)
        self._total = self._source.seek(0, io.SEEK_END)
        header, self.header_size = self._read_header()
        self.data_start = 8 + self.header_size
        self._entries: dict[str, AsarEntry] = {}
        self._children: dict[str, list[str]] = {}
        self._index(header)

    # -- header ---------------------------------------------------------------------------------
    def _fail(self, problem: str) -> AsarError:
        return AsarError(f"{self.name}: {problem}")

    def _read_at(self, offset: int, size: int) -> bytes:
        self._source.seek(offset)
        chunk = self._source.read(size)
        if len(chunk) != size:
            raise self._fail(f"truncated: {size} bytes at offset {offset} cannot be read")
        return chunk

    def _read_header(self) -> tuple[dict[str, Any], int]:
        if self._total < 16:
            raise self._fail("too short to be an asar archive")
        size_payload, header_size, payload, length = struct.unpack("<4I", self._read_at(0, 16))
        if size_payload != 4:
            raise self._fail("not an asar archive (the first pickle is not a 4-byte size)")
        if header_size > MAX_HEADER_BYTES:
            raise self._fail(f"header of {header_size} bytes is larger than nmdoctor reads ({MAX_HEADER_BYTES})")
        if 8 + header_size > self._total:
            raise self._fail(f"header of {header_size} bytes does not fit in the archive ({self._total} bytes)")
        if header_size < 8 or payload > header_size - 4 or length > payload - 4:
            raise self._fail(
                f"header pickle is inconsistent (header {header_size}, payload {payload}, string {length} bytes)"
            )
        raw = self._read_at(16, length)
        try:
            header = load_json(raw.decode("utf-8"))
        except (RecursionError, LimitError):
            raise self._fail("header JSON is nested too deep") from None
        except (ValueError, UnicodeDecodeError) as error:
            raise self._fail(f"header is not JSON ({error})") from None
        if not isinstance(header, dict) or not isinstance(header.get("files"), dict):
            raise self._fail("header has no root folder")
        return header, header_size

    def _index(self, header: dict[str, Any]) -> None:
        """Check every entry and index it by its archive-relative path (iteratively: depth is untrusted)."""
        self._entries[""] = AsarEntry("", Kind.DIR, unpacked=header.get("unpacked") is True)
        pending: list[tuple[str, dict[str, Any], int]] = [("", header, 0)]
        while pending:
            path, node, depth = pending.pop()
            if depth > _MAX_DEPTH:
                raise self._fail(f"{path}: folders nested deeper than {_MAX_DEPTH}")
            files = node["files"]
            if not isinstance(files, dict):
                raise self._fail(f"{path or '/'}: files is not an object")
            names = []
            for name, child in files.items():
                if name in ("", ".", "..") or "/" in name or "\\" in name or "\0" in name:
                    raise self._fail(f"{path or '/'}: invalid entry name {name!r}")
                child_path = f"{path}/{name}" if path else name
                if not isinstance(child, dict):
                    raise self._fail(f"{child_path}: entry is not an object")
                names.append(name)
                if "files" in child:
                    self._entries[child_path] = AsarEntry(child_path, Kind.DIR, unpacked=child.get("unpacked") is True)
                    pending.append((child_path, child, depth + 1))
                else:
                    self._entries[child_path] = self._leaf(child_path, child)
            self._children[path] = sorted(names)

    def _leaf(self, path: str, node: dict[str, Any]) -> AsarEntry:
        unpacked = node.get("unpacked") is True
        if "link" in node:
            link = node["link"]
            if not isinstance(link, str) or "\0" in link:
                raise self._fail(f"{path}: invalid link {link!r}")
            target = posixpath.normpath(link) if link else "."
            if link.startswith("/") or target == ".." or target.startswith("../"):
                raise self._fail(f"{path}: link {link!r} leaves the archive")
            return AsarEntry(path, Kind.SYMLINK, link=target, unpacked=unpacked)
        size = node.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= _MAX_SIZE:
            raise self._fail(f"{path}: invalid size {size!r}")
        executable, integrity = node.get("executable") is True, node.get("integrity")
        if unpacked:
            return AsarEntry(path, Kind.FILE, size, unpacked=True, executable=executable, integrity=integrity)
        raw_offset = node.get("offset")
        if isinstance(raw_offset, str) and _OFFSET.fullmatch(raw_offset):
            offset = int(raw_offset)
        elif isinstance(raw_offset, int) and not isinstance(raw_offset, bool) and raw_offset >= 0:
            offset = raw_offset  # not what the packer writes (a string), but unambiguous
        else:
            raise self._fail(f"{path}: invalid offset {raw_offset!r}")
        if self.data_start + offset + size > self._total:
            raise self._fail(
                f"{path}: {size} bytes at offset {offset} lie outside the archive's "
                f"{self._total - self.data_start} bytes of data"
            )
        return AsarEntry(path, Kind.FILE, size, offset, executable=executable, integrity=integrity)

    # -- entries --------------------------------------------------------------------------------
    def entries(self) -> Iterator[AsarEntry]:
        """Every entry of the header (the root first, then in path order)."""
        for path in sorted(self._entries):
            yield self._entries[path]

    def entry(self, path: VPath) -> AsarEntry | None:
        """The header entry at ``path`` (a view path), links not followed; None outside the archive."""
        inner = self._inner(normalize(path))
        return self._entries.get(inner) if inner is not None else None

    def is_unpacked(self, path: VPath) -> bool:
        """Whether the file ``path`` leads to is served from ``<archive>.unpacked``."""
        try:
            inner = self._inner(self.realpath(path))
        except FileSystemError:
            return False
        entry = self._entries.get(inner) if inner is not None else None
        return entry is not None and entry.unpacked

    def read_entry(self, entry: AsarEntry) -> bytes:
        """The contents of a file entry (from the archive, or from the unpacked folder)."""
        if entry.kind is not Kind.FILE:
            raise FileSystemError(f"not a file in {self.name}: {entry.path}")
        if entry.unpacked:
            if self.unpacked is None or self.unpacked_root is None:
                raise FileSystemError(f"{self.name}: {entry.path} is unpacked, and there is no {self.name}.unpacked")
            return self.unpacked.read_bytes(f"{self.unpacked_root}/{entry.path}")
        return self._read_at(self.data_start + entry.offset, entry.size)

    def integrity_problem(self, entry: AsarEntry) -> str | None:
        """What is wrong with a file's ``integrity`` (None when it matches or there is none).

        The packer writes ``{"algorithm": "SHA256", "hash", "blockSize", "blocks"}`` and Electron,
        with its asar integrity fuse on, refuses a file whose hashes do not match its bytes.
        """
        integrity = entry.integrity
        if integrity is None or entry.kind is not Kind.FILE:
            return None
        if not isinstance(integrity, dict):
            return "integrity is not an object"
        algorithm, whole, block_size, blocks = (
            integrity.get("algorithm"),
            integrity.get("hash"),
            integrity.get("blockSize"),
            integrity.get("blocks"),
        )
        if algorithm != "SHA256":
            return f"integrity algorithm {algorithm!r} is not SHA256"
        if not isinstance(whole, str) or not _HEX64.fullmatch(whole):
            return "integrity hash is not a SHA-256 hex digest"
        if not isinstance(block_size, int) or isinstance(block_size, bool) or block_size <= 0:
            return f"integrity blockSize {block_size!r} is not a positive integer"
        if not isinstance(blocks, list) or not all(isinstance(item, str) and _HEX64.fullmatch(item) for item in blocks):
            return "integrity blocks are not SHA-256 hex digests"
        try:
            content = self.read_entry(entry)
        except FileSystemError:
            return None  # a missing unpacked file is reported as such, not as a hash mismatch
        if hashlib.sha256(content).hexdigest() != whole.lower():
            return "the file's SHA-256 differs from its integrity hash"
        if not content and not blocks:
            # electron-builder 24 and 25 list no block for an empty file; Electron's streaming
            # validator (asar_file_validator.cc: max_block_ = blocks.size() - 1, an int) then has no
            # block to check and accepts it, as it accepts the one empty block @electron/asar writes.
            return None
        # The number of blocks follows from the size: check it before hashing them, so that a
        # blockSize of 1 costs nothing (it would otherwise hash every byte on its own).
        full, rest = divmod(len(content), block_size)
        if len(blocks) not in (full + 1, full) or (len(blocks) == full and (rest or not content)):
            return "the file's block hashes differ from its integrity blocks"
        expected = [
            hashlib.sha256(content[start : start + block_size]).hexdigest()
            for start in range(0, len(content), block_size)
        ]
        if len(content) % block_size == 0:
            # The packer hashes the (empty) remainder too: an empty file has one block, a 4 MiB file two.
            expected.append(hashlib.sha256(b"").hexdigest())
        declared = [item.lower() for item in blocks]
        if declared not in (expected, expected[:-1] if len(content) % block_size == 0 and content else None):
            return "the file's block hashes differ from its integrity blocks"
        return None

    # -- MountedView ----------------------------------------------------------------------------
    def _member_stat(self, inner: str) -> Stat | None:
        entry = self._entries.get(inner)
        return Stat(entry.kind, entry.size) if entry is not None else None

    def _read_member(self, inner: str) -> bytes:
        return self.read_entry(self._entries[inner])

    def _member_names(self, inner: str) -> Sequence[str]:
        return list(self._children.get(inner, ()))

    def _readlink_exact(self, path: VPath) -> str:
        inner = self._inner(path)
        entry = self._entries.get(inner) if inner is not None else None
        if entry is None or entry.link is None:
            raise FileSystemError(f"not a symbolic link: {path}")
        # The header's target is relative to the archive root; the protocol's to the link's folder.
        target = self.mount if entry.link == "." else posixpath.join(self.mount, entry.link)
        return posixpath.relpath(target, posixpath.dirname(path))
