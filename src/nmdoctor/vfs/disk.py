"""The host's real filesystem, seen through the FileSystem protocol."""

from __future__ import annotations

import os
import stat as stat_module
from collections.abc import Sequence

from nmdoctor.vfs._walk import follow, normalize
from nmdoctor.vfs.base import FileSystemError, Kind, NotRegularFile, Stat, VPath
from nmdoctor.vfs.cached import CachedFS
from nmdoctor.vfs.trace import ACTIVE, note_folder_bytes

__all__ = ["DiskFS", "files_of_sizes", "folder_bytes", "on_host"]


_DIR = Stat(Kind.DIR)
_SYMLINK = Stat(Kind.SYMLINK)
_FILES: dict[int, Stat] = {}  # Stat is frozen: one per size is shared (a large tree stats ~10^5 paths)


def _to_stat(result: os.stat_result) -> Stat:
    mode = result.st_mode
    if stat_module.S_ISDIR(mode):
        return _DIR
    if stat_module.S_ISLNK(mode):
        return _SYMLINK
    size = result.st_size
    found = _FILES.get(size)
    if found is None:
        found = _FILES[size] = Stat(Kind.FILE, size)
    return found


def on_host(fs: object) -> bool:
    """Whether ``fs`` shows the host's files at their own paths, as ``os`` does: a ``DiskFS``, or a
    read cache or a trace over one (not a view that confines or remaps them)."""
    if type(fs) is CachedFS:
        fs = fs.inner
    return type(fs) is DiskFS or getattr(fs, "shows_host", False) is True


def files_of_sizes(folder: str, rows: Sequence[Sequence[object]]) -> bool:
    """Whether each row's path (absolute, or relative to ``folder``) is a regular file, through
    links, of the row's size (a row that is not a path and a size is not): one ``os.stat`` each,
    for the thousands of files a warm run's cached scans are checked against."""
    prefix = folder + "/"
    regular = stat_module.S_ISREG
    try:
        for row in rows:
            path, size = row[0], row[1]
            if type(path) is not str or type(size) is not int:
                return False
            found = os.stat(path if path.startswith("/") else prefix + path)
            if found.st_size != size or not regular(found.st_mode):
                return False
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return False
    return True


def folder_bytes(folder: str, limit: int) -> int:
    """``diagnostics.rules.duplicates.folder_size`` on the host's files, the same walk (names in
    sorted order, at most ``limit`` entries once a folder is done) read with ``os.scandir``: the
    kind of an entry comes with its name, and only files are stat'ed. Names are sorted only when
    the limit is reached: below it, every entry counts whatever the order."""
    total, complete = _walk_bytes(folder, limit, ordered=False)
    if not complete:
        total = _walk_bytes(folder, limit, ordered=True)[0]
    if ACTIVE:
        note_folder_bytes(folder, limit, total)
    return total


def _walk_bytes(folder: str, limit: int, *, ordered: bool) -> tuple[int, bool]:
    total = 0
    pending = [folder]
    seen = 0
    while pending and seen < limit:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=_entry_name) if ordered else list(listing)
        except (OSError, ValueError):
            continue
        for entry in entries:
            if current == folder and entry.name == "node_modules":
                continue
            seen += 1
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append(f"{current}/{entry.name}")
                else:
                    total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue  # gone since it was listed
    return total, not pending


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


class DiskFS:
    """Reads the host filesystem; paths are the host's absolute paths.

    Like node within one process, it takes the tree as a snapshot: real paths are cached.
    """

    def __init__(self) -> None:
        self._real: dict[str, str] = {"/": "/"}

    def lstat(self, path: VPath) -> Stat | None:
        try:
            return _to_stat(os.lstat(path))
        except (OSError, ValueError):
            return None

    def stat(self, path: VPath) -> Stat | None:
        # The kernel follows links exactly as vfs._walk does; asking it is much faster.
        try:
            return _to_stat(os.stat(path))
        except (OSError, ValueError):
            return None

    def readlink(self, path: VPath) -> str:
        try:
            return os.readlink(path)
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot read link {path}: {error}") from None

    def realpath(self, path: VPath) -> VPath:
        found = self._real.get(path)
        if found is not None:
            return found
        if not os.path.exists(path):
            return follow(path, self.lstat, self.readlink)[0]  # raises: dangling, a loop, or missing
        found = self._realpath_existing(path, 0)
        self._real[path] = found
        return found

    def _realpath_existing(self, path: str, depth: int) -> str:
        """Real path of an existing path, one component at a time, reusing the real folders known."""
        found = self._real.get(path)
        if found is not None:
            return found
        parent, _, name = path.rpartition("/")
        if depth > 64 or name in ("", ".", ".."):
            return os.path.realpath(path)
        real_parent = self._realpath_existing(parent or "/", depth + 1)
        candidate = real_parent.rstrip("/") + "/" + name
        if not os.path.islink(candidate):
            found = candidate
        else:
            target = os.readlink(candidate)
            parts = target.split("/")
            leading = 0
            while leading < len(parts) and parts[leading] == "..":
                leading += 1
            if ".." in parts[leading:] or "." in parts:
                # ".." after a linked component is not lexical: ask the kernel's answer instead.
                found = os.path.realpath(candidate)
            else:
                joined = target if target.startswith("/") else real_parent.rstrip("/") + "/" + target
                found = self._realpath_existing(normalize(joined), depth + 1)
        self._real[path] = found
        return found

    def read_bytes(self, path: VPath) -> bytes:
        """The bytes of a regular file (through links). A FIFO or a device is refused, never opened
        for a blocking read: a scanned tree is not trusted to hold only files."""
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot read {path}: {error}") from None
        try:
            found = os.fstat(fd)
            if not stat_module.S_ISREG(found.st_mode):
                raise NotRegularFile(f"{path}: not a regular file")
            try:
                # One read of the size fstat gives (no buffered file object: a large tree reads
                # thousands of files); on to the end when that was not the whole file (it changed,
                # or reports no size, as /proc's files do).
                size = found.st_size
                data = os.read(fd, size + 1)
                if len(data) != size or size == 0:
                    parts = [data]
                    while chunk := os.read(fd, 1 << 16):
                        parts.append(chunk)
                    data = b"".join(parts)
                return data
            except OSError as error:
                raise FileSystemError(f"cannot read {path}: {error}") from None
        finally:
            os.close(fd)

    def listdir(self, path: VPath) -> Sequence[str]:
        try:
            return sorted(os.listdir(path))
        except (OSError, ValueError) as error:
            raise FileSystemError(f"cannot list {path}: {error}") from None
