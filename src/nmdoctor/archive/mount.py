"""Where the app is inside a packed artefact: which kind of archive a file is, and the app in it.

A packed app comes as an ``app.asar`` (with ``app.asar.unpacked`` beside it), a folder, or a zip or
tar of either (electron-builder's zip/tar.gz targets hold ``resources/app.asar``, a macOS zip holds
``X.app/Contents/Resources/app.asar``). ``open_packed_app`` tells them apart by their first bytes
(then by their name) and opens the matching view; ``find_app`` finds the app's folder (its
package.json) or its asar in any of them, given a FileSystem view of the artefact. A folder on disk
is read through ``vfs.confined.ConfinedFS``, so that nothing around it is seen.
"""

from __future__ import annotations

import os
import posixpath
from contextlib import ExitStack
from dataclasses import dataclass

from nmdoctor.vfs.asar import AsarFS
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath
from nmdoctor.vfs.confined import ConfinedFS
from nmdoctor.vfs.disk import DiskFS
from nmdoctor.vfs.tarfs import TarFS
from nmdoctor.vfs.zipfs import ZipFS

__all__ = ["ArchiveError", "PackedApp", "PackedAppError", "find_app", "open_nested_asar", "open_packed_app"]

_SEARCH_DEPTH = 6
_SEARCH_FOLDERS = 5000


class PackedAppError(Exception):
    """No app (package.json or app.asar) in the artefact; the message names it."""


class ArchiveError(Exception):
    """The archive cannot be used: the one-line message for the user, naming it as it was given."""


@dataclass(slots=True)
class PackedApp:
    """The app inside an artefact: ``fs`` to read it, ``root`` its folder (the package.json's), ``asar``
    when it is an asar (for its header: unpacked files, native modules, integrity), and ``where``
    naming it for people (``MyApp.tar.gz: resources/app.asar``)."""

    fs: FileSystem
    root: VPath
    where: str
    asar: AsarFS | None = None


def _is_file(fs: FileSystem, path: VPath) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.FILE


def _is_dir(fs: FileSystem, path: VPath) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.DIR


def open_nested_asar(fs: FileSystem, path: VPath, where: str) -> PackedApp:
    """An ``app.asar`` found inside another view (a zip, a tar, a folder), with its unpacked folder."""
    unpacked = path + ".unpacked"
    has_unpacked = _is_dir(fs, unpacked)
    asar = AsarFS(
        fs.read_bytes(path),
        path,
        where,
        unpacked=fs if has_unpacked else None,
        unpacked_root=unpacked if has_unpacked else None,
    )
    return PackedApp(asar, asar.mount, where, asar)


def find_app(fs: FileSystem, top: VPath, name: str) -> PackedApp:
    """The app in the artefact mounted at ``top``: ``top`` itself when it holds a package.json; else the
    first ``resources/app.asar`` or ``resources/app`` folder found going down (an Electron build's
    layout); else the single folder at the top that holds a package.json."""
    if _is_file(fs, top + "/package.json"):
        return PackedApp(fs, top, name)
    pending: list[tuple[VPath, int]] = [(top, 0)]
    visited = 0
    while pending and visited < _SEARCH_FOLDERS:
        folder, depth = pending.pop(0)
        visited += 1
        if posixpath.basename(folder).lower() == "resources":
            inner = folder[len(top) + 1 :] + "/" if folder != top else ""
            if _is_file(fs, folder + "/app.asar"):
                return open_nested_asar(fs, folder + "/app.asar", f"{name}: {inner}app.asar")
            if _is_file(fs, folder + "/app/package.json"):
                return PackedApp(fs, folder + "/app", f"{name}: {inner}app")
        if depth >= _SEARCH_DEPTH:
            continue
        try:
            entries = fs.listdir(folder)
        except FileSystemError:
            continue
        for entry in entries:
            if entry == "node_modules" or entry.startswith(".") or entry.endswith(".unpacked"):
                continue
            child = f"{folder}/{entry}"
            lstat = fs.lstat(child)
            if lstat is not None and lstat.kind is Kind.DIR:
                pending.append((child, depth + 1))
    try:
        entries = list(fs.listdir(top))
    except FileSystemError:
        entries = []
    if len(entries) == 1 and _is_file(fs, f"{top}/{entries[0]}/package.json"):
        return PackedApp(fs, f"{top}/{entries[0]}", f"{name}: {entries[0]}")
    raise PackedAppError(f"{name}: no app in it (no package.json at its top, no resources/app.asar or resources/app)")


_TAR_NAMES = (".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_COMPRESSED = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")


def _kind(name: str, head: bytes) -> str | None:
    lower = name.lower()
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x04\x00\x00\x00"):
        return "asar"
    if head.startswith(_COMPRESSED) or head[257:262] == b"ustar" or lower.endswith(_TAR_NAMES):
        return "tar"
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith(".asar"):
        return "asar"
    return None


def open_packed_app(archive: str, stack: ExitStack) -> PackedApp:
    """The app in ARCHIVE (an asar, a zip or tar, or a folder); files stay open in ``stack``."""
    path = os.path.realpath(archive)
    name = os.path.basename(path) or path
    disk = DiskFS()
    if os.path.isdir(path):
        return find_app(ConfinedFS(disk, path), path, name)
    if not os.path.isfile(path):
        problem = "not a regular file" if os.path.exists(path) else "no such file or folder"
        raise ArchiveError(f"{archive}: {problem}")
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
        head = handle.read(512)
        handle.seek(0)
    except OSError as error:
        raise ArchiveError(f"{archive}: cannot be read ({error.strerror or error})") from None
    kind = _kind(name, head)
    if kind == "zip":
        return find_app(ZipFS(handle, path, name), path, name)
    if kind == "tar":
        return find_app(TarFS(handle, path, name), path, name)
    if kind == "asar":
        unpacked = os.path.realpath(path + ".unpacked")
        has_unpacked = os.path.isdir(unpacked)
        asar = AsarFS(
            handle,
            path,
            name,
            ConfinedFS(disk, unpacked) if has_unpacked else None,
            unpacked if has_unpacked else None,
        )
        return PackedApp(asar, path, name, asar)
    raise ArchiveError(f"{archive}: not an asar, zip or tar archive, nor a folder")
