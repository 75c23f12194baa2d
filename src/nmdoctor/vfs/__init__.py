"""Filesystem views: one read-only protocol over disks, in-memory layouts and archives."""

from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath
from nmdoctor.vfs.disk import DiskFS
from nmdoctor.vfs.memory import Dir, MemoryFS, Symlink, symlink

__all__ = [
    "Dir",
    "DiskFS",
    "FileSystem",
    "FileSystemError",
    "Kind",
    "MemoryFS",
    "Stat",
    "Symlink",
    "VPath",
    "normalize",
    "symlink",
]
