"""A zip archive as a FileSystem, mounted at a path; and ``MemberTree``, the index zip and tar share.

Only the central directory is read up front; a member's bytes are inflated when something asks
for them (the tree reader reads package.json files, the resolver probes names, which the index
answers). Members are untrusted: an absolute name or one that leaves the archive with ``..`` is
refused (``ZipError``); a link (a member whose Unix mode says symlink) may point anywhere, but the
view holds nothing outside its mount, so one that leaves the archive simply leads nowhere.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from collections.abc import Sequence
from typing import BinaryIO

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath
from nmdoctor.vfs.limits import MAX_MEMBER_BYTES as LIMIT_MEMBER_BYTES
from nmdoctor.vfs.mounted import MountedView

__all__ = ["MAX_MEMBERS", "MAX_MEMBER_BYTES", "MemberTree", "ZipError", "ZipFS"]

MAX_MEMBERS = 1_000_000
MAX_MEMBER_BYTES = LIMIT_MEMBER_BYTES  # one member inflated in memory; more is not an app's file
_MAX_LINK_BYTES = 4096  # PATH_MAX
_S_IFMT = 0o170000
_S_IFLNK = 0o120000
_S_IFDIR = 0o040000


class ZipError(Exception):
    """A zip nmdoctor will not read; the message names the archive and the problem."""


def _as_source(data: bytes | bytearray | memoryview | BinaryIO) -> BinaryIO:
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(data))
    return data


class MemberTree(MountedView):
    """Folders, files and links of an archive's members, by archive-relative path, at ``mount``.

    Subclasses add members while indexing and read a file's bytes in ``_read_member``. The folders
    above the mount exist (holding only the way down to it); nothing else outside does.
    """

    error: type[Exception] = ZipError

    def __init__(self, mount: VPath, name: str) -> None:
        self.mount = normalize(mount)
        self.name = name
        self._dirs: dict[str, set[str]] = {"": set()}
        self._sizes: dict[str, int] = {}
        self._links: dict[str, str] = {}

    def _fail(self, problem: str) -> Exception:
        return self.error(f"{self.name}: {problem}")

    def member_path(self, raw: str) -> str | None:
        """The archive-relative path of a member name; None for the root itself."""
        if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":" and raw[0].isalpha()):
            raise self._fail(f"member {raw!r} has an absolute path")
        if "\0" in raw:
            raise self._fail(f"member {raw!r} has a NUL in its name")
        normal = posixpath.normpath(raw) if raw else "."
        if normal == ".":
            return None
        if normal == ".." or normal.startswith("../"):
            raise self._fail(f"member {raw!r} leaves the archive")
        return normal

    # -- building -------------------------------------------------------------------------------
    def add_dir(self, path: str) -> None:
        missing = []  # iteratively: a member name may hold thousands of components
        while path not in self._dirs:
            if path in self._sizes or path in self._links:
                raise self._fail(f"{path} is both a file and a folder")
            missing.append(path)
            path = path.rpartition("/")[0]
        for folder in reversed(missing):
            parent, _, name = folder.rpartition("/")
            self._dirs[parent].add(name)
            self._dirs[folder] = set()

    def _add_leaf(self, path: str) -> None:
        if path in self._dirs:
            raise self._fail(f"{path} is both a folder and a file")
        parent, _, name = path.rpartition("/")
        self.add_dir(parent)
        self._dirs[parent].add(name)
        # A later member of the same name replaces the earlier one, as extracting would.
        self._sizes.pop(path, None)
        self._links.pop(path, None)

    def add_file(self, path: str, size: int) -> None:
        self._add_leaf(path)
        self._sizes[path] = size

    def add_link(self, path: str, target: str) -> None:
        self._add_leaf(path)
        self._links[path] = target

    # -- MountedView ----------------------------------------------------------------------------
    def _member_stat(self, inner: str) -> Stat | None:
        if inner in self._dirs:
            return Stat(Kind.DIR)
        size = self._sizes.get(inner)
        if size is not None:
            return Stat(Kind.FILE, size)
        return Stat(Kind.SYMLINK) if inner in self._links else None

    def _member_names(self, inner: str) -> Sequence[str]:
        return sorted(self._dirs[inner])

    def _readlink_exact(self, path: VPath) -> str:
        inner = self._inner(path)
        target = self._links.get(inner) if inner is not None else None
        if target is None:
            raise FileSystemError(f"not a symbolic link: {path}")
        return target


# What zipfile raises on damaged or unsupported members (its documentation names only BadZipFile;
# the rest come from the decompressors and the struct/format parsing below it).
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    RuntimeError,  # an encrypted member
    NotImplementedError,  # a compression method zipfile lacks
    ValueError,
)


class ZipFS(MemberTree):
    """Read-only view of a zip (bytes or a seekable binary file) at ``mount``."""

    error = ZipError

    def __init__(self, data: bytes | bytearray | memoryview | BinaryIO, mount: VPath, name: str = "app.zip") -> None:
        super().__init__(mount, name)
        try:
            self._zip = zipfile.ZipFile(_as_source(data))
            infos = self._zip.infolist()
        except _READ_ERRORS as error:
            raise self._fail(f"not a readable zip archive ({error})") from None
        if len(infos) > MAX_MEMBERS:
            raise self._fail(f"{len(infos)} members, more than nmdoctor reads ({MAX_MEMBERS})")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            # Zip names use "/"; some Windows tools wrote "\", which no zip member may contain otherwise.
            path = self.member_path(info.filename.replace("\\", "/"))
            if path is None:
                continue
            mode = info.external_attr >> 16 if info.create_system == 3 else 0
            if info.is_dir() or (mode & _S_IFMT) == _S_IFDIR:
                self.add_dir(path)
            elif (mode & _S_IFMT) == _S_IFLNK:
                if info.file_size > _MAX_LINK_BYTES:
                    raise self._fail(f"member {info.filename!r}: a link target of {info.file_size} bytes")
                target = self._inflate(info, path).decode("utf-8", "surrogateescape")
                self.add_link(path, target)
            else:
                self.add_file(path, info.file_size)
                self._infos[path] = info

    def _inflate(self, info: zipfile.ZipInfo, path: str) -> bytes:
        if info.file_size > MAX_MEMBER_BYTES:
            raise self._fail(f"member {path}: {info.file_size} bytes, more than nmdoctor reads ({MAX_MEMBER_BYTES})")
        try:
            with self._zip.open(info) as handle:
                content = handle.read(info.file_size + 1)
        except _READ_ERRORS as error:
            raise self._fail(f"member {path} cannot be read ({error})") from None
        if len(content) != info.file_size:
            raise self._fail(f"member {path}: {len(content)} bytes where the directory says {info.file_size}")
        return content

    def _read_member(self, path: str) -> bytes:
        return self._inflate(self._infos[path], path)
