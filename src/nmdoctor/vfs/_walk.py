"""Symlink following, written once for every filesystem view.

Mirrors what ``fs.realpathSync`` and ``stat(2)`` do on Linux: components are resolved left to
right, a relative link target is taken from the link's directory, an absolute one from the root,
and more than ``MAX_LINK_HOPS`` links in one resolution is a loop (ELOOP).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from nmdoctor.vfs.base import FileSystemError, Kind, Stat, VPath

__all__ = ["MAX_LINK_HOPS", "follow", "normalize"]

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
