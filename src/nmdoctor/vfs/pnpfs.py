"""The filesystem yarn's PnP runtime patches into node: zip archives as folders, virtual paths.

Under ``node -r ./.pnp.cjs`` every path is read through yarn's VirtualFS over its ZipOpenFS:
``.yarn/__virtual__/<name>-virtual-<hash>/<n>/rest`` stands for ``rest`` taken ``n`` folders above
the ``.yarn`` folder, and a path component ending in ``.zip`` that is a file is a folder holding the
archive's members. ``PnpFS`` answers the same way over any base FileSystem (the zips are read with
``ZipFS``); its ``realpath`` keeps a virtual path virtual, as yarn's does, so each virtual instance of
a package stays a module of its own.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath
from nmdoctor.vfs.zipfs import ZipError, ZipFS

__all__ = ["PnpFS", "archive_part", "resolve_virtual"]

# VirtualFS's VIRTUAL_REGEXP and NUMBER_REGEXP (yarnpkg/fslib).
_VIRTUAL = re.compile(
    r"^(/(?:[^/]+/)*?(?:\$\$virtual|__virtual__))((?:/((?:[^/]+-)?[a-f0-9]+)(?:/([^/]+))?)?((?:/.*)?))$"
)
_NUMBER = re.compile(r"^[0-9]+$")


def resolve_virtual(path: VPath) -> VPath:
    """VirtualFS.resolveVirtual: the real path a virtual one stands for (others unchanged)."""
    match = _VIRTUAL.match(path)
    if match is None or (not match.group(3) and match.group(5)):
        return path
    target = posixpath.dirname(match.group(1))
    if not match.group(3) or not match.group(4):
        return target
    if not _NUMBER.match(match.group(4)):
        return path
    depth = int(match.group(4))
    subpath = match.group(5) or "."
    return resolve_virtual(normalize(posixpath.join(target, "../" * depth, subpath.lstrip("/"))))


def _make_virtual_path(base: str, component: str, to: str) -> str:
    """VirtualFS.makeVirtualPath."""
    target = posixpath.relpath(to, posixpath.dirname(base))
    segments = target.split("/")
    depth = 0
    while depth < len(segments) and segments[depth] == "..":
        depth += 1
    return normalize(posixpath.join(base, component, str(depth), *segments[depth:]))


def archive_part(path: VPath, extension: str = ".zip") -> VPath | None:
    """ZipOpenFS's getArchivePart: the path up to the first component ending in ``.zip``."""
    index = path.find(extension)
    if index <= 0:
        return None
    next_index = index
    while index >= 0:
        next_index = index + len(extension)
        if path[next_index : next_index + 1] == "/":
            break
        if path[index - 1] == "/":
            return None
        index = path.find(extension, next_index)
    if len(path) > next_index and path[next_index] != "/":
        return None
    return path[:next_index]


class PnpFS:
    """``base`` seen as yarn's runtime sees it (FileSystem protocol)."""

    def __init__(self, base: FileSystem) -> None:
        self.base = base
        self._zips: dict[VPath, ZipFS | None] = {}

    def _zip(self, archive: VPath) -> ZipFS | None:
        if archive not in self._zips:
            found = self.base.stat(archive)
            view = None
            if found is not None and found.kind is Kind.FILE:
                try:
                    view = ZipFS(self.base.read_bytes(archive), archive, name=archive)
                except (ZipError, FileSystemError):
                    view = None  # yarn would fail to open it as well: the path leads nowhere
            self._zips[archive] = view
        return self._zips[archive]

    def _route(self, path: VPath) -> tuple[FileSystem, VPath]:
        path = resolve_virtual(normalize(path))
        archive = archive_part(path)
        if archive is not None:
            view = self._zip(archive)
            if view is not None:
                return view, path
        return self.base, path

    def lstat(self, path: VPath) -> Stat | None:
        fs, real = self._route(path)
        return fs.lstat(real)

    def stat(self, path: VPath) -> Stat | None:
        fs, real = self._route(path)
        return fs.stat(real)

    def read_bytes(self, path: VPath) -> bytes:
        fs, real = self._route(path)
        return fs.read_bytes(real)

    def readlink(self, path: VPath) -> str:
        fs, real = self._route(path)
        return fs.readlink(real)

    def listdir(self, path: VPath) -> Sequence[str]:
        fs, real = self._route(path)
        return fs.listdir(real)

    def realpath(self, path: VPath) -> VPath:
        """VirtualFS.realpathSync over ZipOpenFS.realpathSync: a virtual path stays virtual."""
        path = normalize(path)
        match = _VIRTUAL.match(path)
        if match is None:
            return self._realpath_base(path)
        if not match.group(5):
            return path
        real = self._realpath_base(resolve_virtual(path))
        return _make_virtual_path(match.group(1), match.group(3), real)

    def _realpath_base(self, path: VPath) -> VPath:
        archive = archive_part(path)
        if archive is not None:
            view = self._zip(archive)
            if view is not None:
                inner = view.realpath(path)
                return self.base.realpath(archive) + inner[len(archive) :]
        return self.base.realpath(path)
