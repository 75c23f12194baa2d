"""The project's own source, listed and parsed once per run for every rule that asks.

With a ``store`` (the user cache), what parsing a file found is also kept between runs, keyed by
the file's bytes and grammar: a warm run parses only the files that changed. The entries a run
used are written back as one pack per project (read in one go by the next run), rewritten only
when it differs from what the run used.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol

from nmdoctor import __version__
from nmdoctor.kept import cache_key, code_digest, read_pack
from nmdoctor.sources.files import source_files
from nmdoctor.sources.imports import ImportKind, ImportSite, language_for, parse_imports
from nmdoctor.vfs.base import FileSystem, VPath

__all__ = ["SOURCE_FORMAT", "SourceIndex", "SourceStore"]

SOURCE_FORMAT = 5  # bump when what parse_imports finds in the same bytes changes: older packs are ignored


class SourceStore(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


class SourceIndex:
    """Source files under a root and the import sites of each file, computed on first request."""

    def __init__(self, fs: FileSystem, store: SourceStore | None = None, project: VPath | None = None) -> None:
        """``store`` and ``project``: keep the parses between runs, in the pack of ``project``."""
        self.fs = fs
        self._files: dict[tuple[VPath, frozenset[VPath], bool], tuple[tuple[VPath, ...], tuple[VPath, ...]]] = {}
        self._imports: dict[VPath, list[ImportSite]] = {}
        self.parsed = 0  # files parsed (each once)
        self._store = store if project is not None else None
        self._pack_key = _pack_key(project) if project is not None and store is not None else None
        self._pack: dict[str, Any] | None = None  # the stored pack, read on the first file asked
        self._used: dict[str, list[list[Any]]] = {}  # what this run's files found, by content key
        self._changed = False

    def files(
        self, root: VPath, *, stop_at: frozenset[VPath] = frozenset(), nested: list[VPath] | None = None
    ) -> tuple[VPath, ...]:
        """``source_files(fs, root, stop_at=..., nested=...)``, listed once (``nested`` is extended
        with the folders that own their files, as ``source_files`` does)."""
        key = (root, stop_at, nested is not None)
        found = self._files.get(key)
        if found is None:
            owned: list[VPath] = []
            listed = tuple(source_files(self.fs, root, stop_at=stop_at, nested=owned if nested is not None else None))
            found = self._files[key] = (listed, tuple(owned))
        if nested is not None:
            nested.extend(found[1])
        return found[0]

    def imports(self, file: VPath) -> list[ImportSite]:
        """``parse_imports`` of the file, parsed once; raises FileSystemError when unreadable."""
        found = self._imports.get(file)
        if found is not None:
            return found
        source = self.fs.read_bytes(file)
        found = self._kept(source, file) if self._store is not None else None
        if found is None:
            found = parse_imports(source, file)
            self.parsed += 1
            self._keep(source, file, found)
        self._imports[file] = found
        return found

    def flush(self) -> None:
        """Write the project's pack when this run parsed a file the pack lacked or left some unused."""
        if self._store is None or self._pack_key is None or not self._used:
            return
        if not self._changed and self._pack is not None and len(self._pack) == len(self._used):
            return
        document = {"format": SOURCE_FORMAT, "entries": self._used}
        self._store.put(self._pack_key, json.dumps(document, separators=(",", ":")).encode())
        self._changed = False

    def _kept(self, source: bytes, file: VPath) -> list[ImportSite] | None:
        assert self._store is not None and self._pack_key is not None
        if self._pack is None:
            self._pack = read_pack(self._store.get(self._pack_key), SOURCE_FORMAT)
        key = _content_key(source, file)
        rows = self._pack.get(key)
        sites = _decode(rows)
        if sites is not None:
            self._used[key] = rows
        return sites

    def _keep(self, source: bytes, file: VPath, sites: list[ImportSite]) -> None:
        if self._store is None:
            return
        self._used[_content_key(source, file)] = [
            [
                site.specifier,
                site.kind.value,
                site.line,
                site.column,
                site.guarded,
                site.elsewhere,
                site.skipped,
                site.env_guarded,
                site.uncalled,
                site.commonjs_guarded,
            ]
            for site in sites
        ]
        self._changed = True


def _pack_key(project: VPath) -> str:
    from nmdoctor.sources import imports  # the parser: parses made by other code are never used

    return cache_key(__version__, SOURCE_FORMAT, code_digest((imports.__file__,)), "source-pack", project)


def _content_key(source: bytes, file: VPath) -> str:
    """The identity of what parsing finds: the grammar (from the name) and the bytes."""
    digest = hashlib.blake2b(str(language_for(file)).encode(), digest_size=20)
    digest.update(b"\0")
    digest.update(source)
    return digest.hexdigest()


def _decode(rows: Any) -> list[ImportSite] | None:
    """The sites an entry holds, or None when it is not one this format wrote."""
    if type(rows) is not list:
        return None
    try:
        sites = []
        for specifier, kind, line, column, guarded, elsewhere, skipped, env_guarded, uncalled, commonjs in rows:
            if type(specifier) is not str or type(line) is not int or type(column) is not int:
                return None
            flags = (guarded, elsewhere, skipped, env_guarded, uncalled, commonjs)
            if any(type(flag) is not bool for flag in flags):
                return None
            sites.append(ImportSite(specifier, ImportKind(kind), line, column, *flags))
    except (ValueError, TypeError):
        return None
    return sites
