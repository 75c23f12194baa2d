"""Which files are the project's own source (not installed packages, not build output)."""

from __future__ import annotations

from collections.abc import Iterator

from nmdoctor.sources.imports import language_for
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath

__all__ = ["IGNORED_FOLDERS", "source_files"]

IGNORED_FOLDERS = frozenset(
    {
        "node_modules",
        ".git",
        ".hg",
        "dist",
        "build",
        "out",
        "coverage",
        ".next",
        ".nuxt",
        ".output",
        ".cache",
        ".turbo",
        ".yarn",
        ".pnpm-store",
        "bower_components",
        "vendor",
        "tmp",
    }
)
MAX_FILE_BYTES = 2_000_000  # bundles and generated files beyond this are not hand-written source


def source_files(fs: FileSystem, root: VPath, *, stop_at: frozenset[VPath] = frozenset()) -> Iterator[VPath]:
    """JS/TS files under ``root``, skipping installed packages, build output and folders in ``stop_at``
    (nested workspaces, which are read with their own manifest)."""
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            names = fs.listdir(folder)
        except FileSystemError:
            if folder == root and fs.lstat(folder) is None:
                continue  # no such folder: nothing to read
            # A folder of the project's source that cannot be listed: skipping it would report
            # "no problems" about code never read.
            raise FileSystemError(f"{folder}: cannot be read") from None
        for name in names:
            path = f"{folder}/{name}"
            stat = fs.lstat(path)
            if stat is None or stat.kind is Kind.SYMLINK:
                continue
            if stat.kind is Kind.DIR:
                if name not in IGNORED_FOLDERS and not name.startswith(".") and path not in stop_at:
                    pending.append(path)
            elif language_for(name) is not None and stat.size <= MAX_FILE_BYTES and not name.endswith(".min.js"):
                yield path
