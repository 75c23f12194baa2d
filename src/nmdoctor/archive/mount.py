"""Where the app is inside a packed artefact, and a folder seen as if it were the whole world.

A packed app comes as an ``app.asar`` (with ``app.asar.unpacked`` beside it), a folder, or a zip or
tar of either (electron-builder's zip/tar.gz targets hold ``resources/app.asar``, a macOS zip holds
``X.app/Contents/Resources/app.asar``). ``find_app`` finds the app's folder (its package.json) or its
asar in any of them, given a FileSystem view of the artefact.

A folder on disk is read through ``ConfinedFS``: node's walk up from the app must not find the
``node_modules`` of whatever folder the build output happens to sit in (the project itself,
usually), which would hide a missing package; and links that leave the folder lead nowhere, as
they would on a user's machine.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.asar import AsarFS
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath

__all__ = ["ConfinedFS", "PackedApp", "PackedAppError", "find_app", "open_nested_asar"]

_SEARCH_DEPTH = 6
_SEARCH_FOLDERS = 5000


class PackedAppError(Exception):
    """No app (package.json or app.asar) in the artefact; the message names it."""


class ConfinedFS:
    """``inner`` restricted to the folder ``root`` (a real path): the folders above it hold only the
    way down to it, anything else outside is missing, and a link whose target leaves ``root`` is
    dangling."""

    def __init__(self, inner: FileSystem, root: VPath) -> None:
        self.inner = inner
        self.root = normalize(root)

    def _inside(self, path: VPath) -> bool:
        return path == self.root or path.startswith(self.root.rstrip("/") + "/")

    def _above(self, path: VPath) -> bool:
        return path != self.root and (path == "/" or self.root.startswith(path.rstrip("/") + "/"))

    def _real_parent(self, path: VPath) -> VPath | None:
        """``path`` with its parent folders' links resolved, if that stays inside; else None."""
        path = normalize(path)
        if self._above(path) or path == self.root:
            return path
        if not self._inside(path):
            return None
        parent, _, name = path.rpartition("/")
        try:
            real_parent = self.realpath(parent or "/")
        except FileSystemError:
            return None
        candidate = real_parent.rstrip("/") + "/" + name
        return candidate if self._inside(candidate) else None

    def lstat(self, path: VPath) -> Stat | None:
        real = self._real_parent(path)
        if real is None:
            return None
        if self._above(real):
            return Stat(Kind.DIR)
        return self.inner.lstat(real)

    def stat(self, path: VPath) -> Stat | None:
        try:
            real = self.realpath(path)
        except FileSystemError:
            return None
        return Stat(Kind.DIR) if self._above(real) else self.inner.stat(real)

    def realpath(self, path: VPath) -> VPath:
        path = normalize(path)
        if self._above(path) or path == self.root:
            return path
        if not self._inside(path):
            raise FileSystemError(f"no such file or directory: {path}")
        real = self.inner.realpath(path)
        if not self._inside(real):
            raise FileSystemError(f"{path} leads outside {self.root}")
        return real

    def readlink(self, path: VPath) -> str:
        real = self._real_parent(path)
        if real is None or self._above(real):
            raise FileSystemError(f"not a symbolic link: {path}")
        return self.inner.readlink(real)

    def read_bytes(self, path: VPath) -> bytes:
        real = self.realpath(path)
        if self._above(real):
            raise FileSystemError(f"is a directory: {path}")
        return self.inner.read_bytes(real)

    def listdir(self, path: VPath) -> Sequence[str]:
        real = self.realpath(path)
        if self._above(real):
            return [self.root[len(real.rstrip("/")) + 1 :].split("/")[0]]
        return self.inner.listdir(real)


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
