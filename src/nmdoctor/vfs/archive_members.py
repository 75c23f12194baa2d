"""zip and tar archives (plain or gzip) as FileSystems, mounted at a path.

Members are untrusted: absolute names, ``..`` components and links that leave the archive are
refused with an ``ArchiveError``; links inside are followed by vfs._walk like any other.
"""

from __future__ import annotations

import io
import posixpath
import tarfile
import zipfile
from collections.abc import Sequence

from nmdoctor.vfs.base import FileSystemError, VPath
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["MAX_MEMBERS", "ArchiveError", "read_tar", "read_zip"]

MAX_MEMBERS = 500_000
MAX_TOTAL_BYTES = 4 * 1024**3


class ArchiveError(ValueError):
    """A zip or tar that nmdoctor will not read; the message names the archive and the problem."""


def _member_path(name: str, archive: str) -> str | None:
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ArchiveError(f"{archive}: member {name!r} has an absolute path")
    normal = posixpath.normpath(name)
    if normal == ".":
        return None
    if normal.startswith("../") or normal == "..":
        raise ArchiveError(f"{archive}: member {name!r} leaves the archive")
    return normal


def _check_link(path: str, target: str, archive: str) -> None:
    if target.startswith("/"):
        raise ArchiveError(f"{archive}: link {path} -> {target} points outside the archive")
    if posixpath.normpath(posixpath.join(posixpath.dirname(path), target)).startswith(".."):
        raise ArchiveError(f"{archive}: link {path} -> {target} leaves the archive")


def read_zip(data: bytes, mount: VPath, archive: str = "archive.zip") -> MemoryFS:
    try:
        handle = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveError(f"{archive}: not a zip archive ({error})") from None
    infos: Sequence[zipfile.ZipInfo] = handle.infolist()
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise ArchiveError(f"{archive}: too large to read")
    fs = MemoryFS()
    fs.add_dir(mount)
    for info in infos:
        path = _member_path(info.filename, archive)
        if path is None:
            continue
        full = f"{mount}/{path}"
        mode = info.external_attr >> 16
        try:
            if info.is_dir():
                fs.add_dir(full)
            elif (mode & 0o170000) == 0o120000:
                target = handle.read(info).decode("utf-8", "replace")
                _check_link(path, target, archive)
                fs.add_symlink(full, target)
            else:
                fs.add_file(full, handle.read(info))
        except (zipfile.BadZipFile, FileSystemError, OSError) as error:
            raise ArchiveError(f"{archive}: member {info.filename!r}: {error}") from None
    return fs


def read_tar(data: bytes, mount: VPath, archive: str = "archive.tar") -> MemoryFS:
    try:
        handle = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")  # noqa: SIM115 - read below, in memory
        members = handle.getmembers()
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"{archive}: not a tar archive ({error})") from None
    if len(members) > MAX_MEMBERS or sum(member.size for member in members) > MAX_TOTAL_BYTES:
        raise ArchiveError(f"{archive}: too large to read")
    fs = MemoryFS()
    fs.add_dir(mount)
    for member in members:
        path = _member_path(member.name, archive)
        if path is None:
            continue
        full = f"{mount}/{path}"
        try:
            if member.isdir():
                fs.add_dir(full)
            elif member.issym():
                _check_link(path, member.linkname, archive)
                fs.add_symlink(full, member.linkname)
            elif member.islnk():
                target = _member_path(member.linkname, archive)
                source = handle.extractfile(target) if target else None
                fs.add_file(full, source.read() if source else b"")
            elif member.isfile():
                extracted = handle.extractfile(member)
                fs.add_file(full, extracted.read() if extracted else b"")
        except (tarfile.TarError, FileSystemError, OSError, KeyError) as error:
            raise ArchiveError(f"{archive}: member {member.name!r}: {error}") from None
    return fs
