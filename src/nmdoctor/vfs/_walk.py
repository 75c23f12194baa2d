"""Symlink following, written once for every filesystem view.

Mirrors what ``fs.realpathSync`` and ``stat(2)`` do on Linux: components are resolved left to
right, a relative link target is taken from the link's directory, an absolute one from the root,
and more than ``MAX_LINK_HOPS`` links in one resolution is a loop (ELOOP).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath

__all__ = ["MAX_LINK_HOPS", "LinkFollowing", "follow", "normalize"]

MAX_LINK_HOPS = 40  # Linux's MAXSYMLINKS


def normalize(path: str) -> VPath:
    """Absolute normalised path (``//`` and ``.`` removed, ``..`` applied lexically)."""
    result = posixpath.normpath(path)
    # posixpath keeps a leading "//"; POSIX treats it as implementation defined, Linux as "/".
    return "/" + result.lstrip("/") if result.startswith("//") else result


def follow(
    path: VPath,
    lstat: Callable[[VPath], Stat | None],
    readlink: Callable[[VPath], str],
) -> tuple[VPath, Stat]:
    """Resolve every link in ``path``; return the real path and what it is.

    Raises FileSystemError when a component is missing, is not a directory, or the links loop.
    """
    pending = [part for part in path.split("/") if part]
    pending.reverse()
    current = "/"
    hops = 0
    stat = Stat(Kind.DIR)
    while pending:
        part = pending.pop()
        if part == ".":
            continue
        if part == "..":
            current = posixpath.dirname(current)
            stat = Stat(Kind.DIR)
            continue
        if stat.kind is not Kind.DIR:
            raise FileSystemError(f"not a directory: {current}")
        candidate = current + part if current == "/" else current + "/" + part
        found = lstat(candidate)
        if found is None:
            raise FileSystemError(f"no such file or directory: {candidate}")
        if found.kind is Kind.SYMLINK:
            hops += 1
            if hops > MAX_LINK_HOPS:
                raise FileSystemError(f"too many levels of symbolic links: {path}")
            target = readlink(candidate)
            rest = [p for p in target.split("/") if p]
            rest.reverse()
            pending.extend(rest)
            if target.startswith("/"):
                current = "/"
            stat = Stat(Kind.DIR)
            continue
        current = candidate
        stat = found
    return current, stat


class LinkFollowing:
    """``lstat``, ``stat``, ``realpath`` and ``readlink`` for a view that knows only its own
    entries: a subclass gives ``_lstat_exact`` and ``_readlink_exact`` (no link followed), and
    links in every component are followed here, by ``follow``."""

    def _lstat_exact(self, path: VPath) -> Stat | None:
        raise NotImplementedError

    def _readlink_exact(self, path: VPath) -> str:
        raise NotImplementedError

    def _follow(self, path: VPath) -> tuple[VPath, Stat]:
        """``follow`` over this view's entries (a view that never changes may remember answers)."""
        return follow(path, self._lstat_exact, self._readlink_exact)

    def _in_real_parent(self, path: VPath) -> VPath:
        """``path`` with the links of its parent folders resolved (its last part kept)."""
        path = normalize(path)
        if path == "/":
            return path
        parent, _, name = path.rpartition("/")
        real_parent, stat = self._follow(parent or "/")
        if stat.kind is not Kind.DIR:
            raise FileSystemError(f"not a directory: {parent}")
        return real_parent.rstrip("/") + "/" + name

    def lstat(self, path: VPath) -> Stat | None:
        try:
            return self._lstat_exact(self._in_real_parent(path))
        except FileSystemError:
            return None

    def readlink(self, path: VPath) -> str:
        return self._readlink_exact(self._in_real_parent(path))

    def stat(self, path: VPath) -> Stat | None:
        try:
            return self._follow(path)[1]
        except FileSystemError:
            return None

    def realpath(self, path: VPath) -> VPath:
        return self._follow(path)[0]
