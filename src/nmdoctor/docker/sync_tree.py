"""The file operations of ``volume-sync``: units, fingerprints, a copy that reads only regular files, the lock.

The target is a volume the app (and so any dependency it runs) can write, so nothing found in it is
trusted: nothing here follows a link inside the target, reads a file that is not a regular file, or
accepts a name that is not one plain entry.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "CONFLICTS",
    "PRIVATE",
    "STATE_FILE",
    "WORK",
    "SyncError",
    "copy_unit",
    "fingerprint",
    "hold_lock",
    "is_plain_unit",
    "list_units",
    "read_regular",
]

STATE_FILE = ".nmdoctor-sync.json"
WORK = ".nmdoctor-work"  # copies in progress and replaced entries on their way out
CONFLICTS = ".nmdoctor-conflicts"
PRIVATE = frozenset({STATE_FILE, WORK, CONFLICTS})
_GROUPS = (".bin",)  # folders merged entry by entry, like a scope: each link in .bin is its own unit
_PLAIN = re.compile(r"(?:(?:@[^/\x00]+|\.bin)/)?[^/\x00]+")
_CONTENT_HASHED = (".node",)  # compiled addons: a rebuild for another ABI may keep the size


class SyncError(OSError):
    """--base or --target cannot be used (missing, not a folder, the same folder, a special file, locked)."""


def is_plain_unit(name: object) -> bool:
    """A top-level entry (``name``, ``@scope/name``, ``.bin/name``): no ``..``, no absolute path, no private name."""
    if not isinstance(name, str) or len(name) > 1024 or not _PLAIN.fullmatch(name):
        return False
    parts = name.split("/")
    return not any(part in (".", "..") for part in parts) and parts[0] not in PRIVATE


def _is_group(entry: str) -> bool:
    return entry.startswith("@") or entry in _GROUPS


def list_units(folder: Path) -> list[str]:
    """Top-level units of a node_modules folder: packages (``@scope/name`` as one), each ``.bin`` entry, ``.pnpm``.

    A scope or ``.bin`` that is a link (or a file) is one unit itself: it is never entered.
    """
    units = []
    for entry in sorted(os.listdir(folder)):
        if entry in PRIVATE:
            continue
        path = folder / entry
        if _is_group(entry) and stat.S_ISDIR(os.lstat(path).st_mode):
            units += [f"{entry}/{child}" for child in sorted(os.listdir(path))]
        else:
            units.append(entry)
    return units


def read_regular(path: Path | str, limit: int = 1 << 30) -> bytes:
    """The bytes of a regular file, never through a final link, never blocking on a FIFO or device."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SyncError(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise SyncError(errno.EFBIG, f"larger than {limit} bytes", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


_TARGET_CONTENT_LIMIT = 64 << 20  # a manifest or addon in the volume larger than this is not read
_TARGET_MAX_DEPTH = 128  # folders in the volume nested deeper are not walked
UNREADABLE = "unreadable"  # the fingerprint of a unit in the volume that cannot be walked: never an image's


def _entry_digest(digest: hashlib._Hash, path: str, relative: str, info: os.stat_result, *, trusted: bool) -> None:
    """One entry into ``digest``; a folder's entries are returned to the caller's stack, not recursed into."""
    name = os.fsencode(relative)
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        digest.update(b"L\0" + name + b"\0" + os.fsencode(os.readlink(path)) + b"\0")
    elif stat.S_ISDIR(mode):
        digest.update(b"D\0" + name + b"\0")
    elif stat.S_ISREG(mode):
        # The file list with sizes and the executable bit, plus the content of what a size cannot
        # vouch for (manifests, compiled addons). Times are left out: a rebuilt pnpm image links
        # every file anew, and a volume may keep coarser times than the image.
        line = f"F\0{info.st_size}\0{mode & 0o111:o}\0".encode()
        digest.update(line + name + b"\0")
        base_name = relative.rsplit("/", 1)[-1]
        if base_name == "package.json" or base_name.endswith(_CONTENT_HASHED) or "/" not in relative:
            if not trusted and info.st_size > _TARGET_CONTENT_LIMIT:
                digest.update(b"B\0")  # planted in the volume to be slow to read: it differs, that is all
            else:
                digest.update(hashlib.sha256(read_regular(path)).digest())
    elif trusted:
        raise SyncError(errno.EINVAL, "not a regular file, a folder or a link", str(path))
    else:
        digest.update(b"S\0" + name + b"\0")  # a FIFO or device planted in the volume: never opened


def fingerprint(path: Path, *, trusted: bool) -> str | None:
    """What a unit is (``None`` when absent): its links, files, sizes and the content of manifests and addons.

    ``trusted`` is the image (--base): a special file there is an error. In the target it only
    makes the unit differ from the image's. The walk keeps its own stack: folders nested
    thousands deep (planted in the volume) cannot exhaust Python's recursion limit.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    digest = hashlib.sha256()
    pending: list[tuple[str, str, os.stat_result]] = [(str(path), path.name, info)]
    try:
        while pending:
            current, relative, info = pending.pop()
            _entry_digest(digest, current, relative, info, trusted=trusted)
            if stat.S_ISDIR(info.st_mode):
                if not trusted and relative.count("/") >= _TARGET_MAX_DEPTH:
                    digest.update(b"T\0")  # deeper than any package: it differs, that is all
                    continue
                with os.scandir(current) as scan:
                    children = sorted(scan, key=lambda entry: entry.name)
                pending.extend(
                    (child.path, f"{relative}/{child.name}", child.stat(follow_symlinks=False))
                    for child in reversed(children)
                )
    except OSError:
        if trusted:
            raise
        return UNREADABLE  # paths past PATH_MAX, entries vanishing, no permission: it differs
    return digest.hexdigest()


def copy_unit(source: Path, destination: Path) -> None:
    """Copy a unit of the image (links as links, modes and times kept); only regular files are read."""
    _copy_entry(str(source), str(destination), os.lstat(source))


def _copy_entry(source: str, destination: str, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(source), destination)
    elif stat.S_ISDIR(mode):
        os.mkdir(destination, 0o700)
        with os.scandir(source) as scan:
            for child in scan:
                _copy_entry(child.path, f"{destination}/{child.name}", child.stat(follow_symlinks=False))
        os.chmod(destination, stat.S_IMODE(mode))
        os.utime(destination, ns=(info.st_atime_ns, info.st_mtime_ns), follow_symlinks=False)
    elif stat.S_ISREG(mode):
        source_fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            if not stat.S_ISREG(os.fstat(source_fd).st_mode):
                raise SyncError(errno.EINVAL, "not a regular file", source)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            destination_fd = os.open(destination, flags, stat.S_IMODE(mode) | 0o200)
            try:
                offset = 0
                while sent := os.sendfile(destination_fd, source_fd, offset, 1 << 30):
                    offset += sent
                os.fchmod(destination_fd, stat.S_IMODE(mode))
                os.utime(destination_fd, ns=(info.st_atime_ns, info.st_mtime_ns))
            finally:
                os.close(destination_fd)
        finally:
            os.close(source_fd)
    else:
        raise SyncError(errno.EINVAL, "not a regular file, a folder or a link", source)


def hold_lock(target: Path, *, exclusive: bool, timeout: float, on_wait: Callable[[], None] | None) -> int:
    """Take the advisory lock on the target folder (released by closing the fd, or by the process dying).

    The lock is ``flock`` on the folder itself, so nothing is created for it and a kill -9 never
    leaves a stale lock behind; replicas on one host (containers share the kernel) exclude each other.
    """
    fd = os.open(target, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + timeout
    waited = False
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise SyncError(
                    errno.EAGAIN, f"another volume-sync held the lock for {timeout:g} s; gave up", str(target)
                ) from None
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(0.05)
        else:
            return fd
