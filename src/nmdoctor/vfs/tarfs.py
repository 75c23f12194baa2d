"""A tar archive (plain, gzip, bzip2 or xz) as a FileSystem, mounted at a path.

A tar has no index: the members are listed in one pass. A plain tar's files are read later by
seeking to them; in a compressed one seeking back means inflating again from the start, so the
small files the resolver and the tree reader read (package.json, JavaScript) are kept from that
one pass and only other files are inflated again on demand. Members are untrusted: absolute names
and names that leave the archive with ``..`` are refused (``TarError``); symbolic links may point
anywhere, but the view holds nothing outside its mount, so one that leaves the archive leads
nowhere; a hard link serves the bytes of the member it names, when that one is a file before it.
"""

from __future__ import annotations

import io
import lzma
import tarfile
import tarfile as tarfile_module
import zlib
from typing import BinaryIO

from nmdoctor.vfs.base import VPath
from nmdoctor.vfs.limits import MAX_HEADER_BYTES
from nmdoctor.vfs.zipfs import MAX_MEMBER_BYTES, MAX_MEMBERS, MemberTree

__all__ = ["MAX_TOTAL_BYTES", "TarError", "TarFS"]

MAX_TOTAL_BYTES = 2 * 1024**3  # the sum of the members' sizes: listing reads (inflates) all of it
_KEPT_SUFFIXES = (".json", ".js", ".cjs", ".mjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")
_KEPT_FILE_BYTES = 8 * 1024**2
_KEPT_TOTAL_BYTES = 512 * 1024**2

# What tarfile and the decompressors under it raise on damaged input.
_READ_ERRORS = (tarfile.TarError, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError)


class TarError(Exception):
    """A tar nmdoctor will not read; the message names the archive and the problem."""


class _BoundedTarInfo(tarfile.TarInfo):
    """tarfile reads a pax header or a GNU long name into memory whole, at the size its header
    claims: refuse a claimed size over ``MAX_HEADER_BYTES`` before that read (tarfile has no bound)."""

    def _proc_member(self, tarfile: tarfile.TarFile) -> tarfile.TarInfo:
        extended = (tarfile_module.XHDTYPE, tarfile_module.XGLTYPE, tarfile_module.SOLARIS_XHDTYPE)
        long_names = (tarfile_module.GNUTYPE_LONGNAME, tarfile_module.GNUTYPE_LONGLINK)
        if self.type in (*extended, *long_names) and self.size > MAX_HEADER_BYTES:
            raise tarfile_module.HeaderError(
                f"an extended header of {self.size} bytes, more than nmdoctor reads ({MAX_HEADER_BYTES})"
            )
        return super()._proc_member(tarfile)  # type: ignore[misc]


class TarFS(MemberTree):
    """Read-only view of a tar (bytes or a seekable binary file) at ``mount``."""

    error = TarError

    def __init__(self, data: bytes | bytearray | memoryview | BinaryIO, mount: VPath, name: str = "app.tar") -> None:
        super().__init__(mount, name)
        source = io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else data
        self._members: dict[str, tarfile.TarInfo] = {}
        self._kept: dict[str, bytes] = {}
        try:
            self._tar = tarfile.open(fileobj=source, mode="r:*", tarinfo=_BoundedTarInfo)  # noqa: SIM115 - open for the view's lifetime
            self._compressed = self._tar.fileobj is not source
            self._list()
        except _READ_ERRORS as error:
            raise self._fail(f"not a readable tar archive ({error})") from None

    def _list(self) -> None:
        count = 0
        total = 0
        kept = 0
        while (member := self._tar.next()) is not None:
            count += 1
            if count > MAX_MEMBERS:
                raise self._fail(f"more than {MAX_MEMBERS} members, more than nmdoctor reads")
            if member.size < 0:
                raise self._fail(f"member {member.name!r} has a negative size")
            total += member.size
            if total > MAX_TOTAL_BYTES:
                raise self._fail(f"members of more than {MAX_TOTAL_BYTES} bytes, more than nmdoctor reads")
            path = self.member_path(member.name)
            if path is None:
                continue
            if member.isdir():
                self.add_dir(path)
            elif member.issym():
                self.add_link(path, member.linkname)
            elif member.islnk():
                target = self.member_path(member.linkname)
                original = self._members.get(target) if target is not None else None
                if original is not None:
                    self.add_file(path, original.size)
                    self._members[path] = original
                    if target in self._kept:
                        self._kept[path] = self._kept[target]
            elif member.isfile():
                self.add_file(path, member.size)
                self._members[path] = member
                self._kept.pop(path, None)
                if (
                    self._compressed
                    and path.endswith(_KEPT_SUFFIXES)
                    and member.size <= _KEPT_FILE_BYTES
                    and kept + member.size <= _KEPT_TOTAL_BYTES
                ):
                    self._kept[path] = self._extract(member, path)
                    kept += member.size
            # Devices, fifos and the like are not part of an app: left out.

    def _extract(self, member: tarfile.TarInfo, path: str) -> bytes:
        if member.size > MAX_MEMBER_BYTES:
            raise self._fail(f"member {path}: {member.size} bytes, more than nmdoctor reads ({MAX_MEMBER_BYTES})")
        handle = self._tar.extractfile(member)
        content = handle.read() if handle is not None else b""
        if len(content) != member.size:
            raise self._fail(f"member {path}: {len(content)} bytes where its header says {member.size}")
        return content

    def _read_member(self, path: str) -> bytes:
        found = self._kept.get(path)
        if found is not None:
            return found
        try:
            return self._extract(self._members[path], path)
        except _READ_ERRORS as error:
            raise self._fail(f"member {path} cannot be read ({error})") from None
