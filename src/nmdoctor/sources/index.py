"""The project's own source, listed and parsed once per run for every rule that asks."""

from __future__ import annotations

from nmdoctor.sources.files import source_files
from nmdoctor.sources.imports import ImportSite, parse_imports
from nmdoctor.vfs.base import FileSystem, VPath

__all__ = ["SourceIndex"]


class SourceIndex:
    """Source files under a root and the import sites of each file, computed on first request."""

    def __init__(self, fs: FileSystem) -> None:
        self.fs = fs
        self._files: dict[tuple[VPath, frozenset[VPath]], tuple[VPath, ...]] = {}
        self._imports: dict[VPath, list[ImportSite]] = {}
        self.parsed = 0  # files parsed (each once)

    def files(self, root: VPath, *, stop_at: frozenset[VPath] = frozenset()) -> tuple[VPath, ...]:
        """``source_files(fs, root, stop_at=...)``, listed once."""
        key = (root, stop_at)
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = tuple(source_files(self.fs, root, stop_at=stop_at))
        return found

    def imports(self, file: VPath) -> list[ImportSite]:
        """``parse_imports`` of the file, parsed once; raises FileSystemError when unreadable."""
        found = self._imports.get(file)
        if found is None:
            found = self._imports[file] = parse_imports(self.fs.read_bytes(file), file)
            self.parsed += 1
        return found
