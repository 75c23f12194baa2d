"""Ambient module declarations of a package (``declare module "@theme/ApiItem" { ... }`` in its
``.d.ts`` files): TypeScript answers a type import of that name with the declaration when no file
does, so a types-only import (or any import in a declaration file) of it needs no package. Code
that runs still needs one: the declaration gives types, not a module. Patterns with one ``*``
(``declare module "*.svg"``) match as TypeScript matches them, by prefix and suffix."""

from __future__ import annotations

import re

from nmdoctor.model.graph import Instance
from nmdoctor.sources.index import SourceIndex
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["AmbientModules"]

_DECLARE = re.compile(rb"""\bdeclare\s+module\s+(['"])([^'"\n]+)\1""")


class AmbientModules:
    """The module names the ``.d.ts`` files of each package declare, read once per package."""

    def __init__(self, fs: FileSystem, sources: SourceIndex, roots: frozenset[str]) -> None:
        self._fs = fs
        self._sources = sources
        self._roots = roots
        self._names: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}

    def declares(self, owner: Instance, specifier: str) -> bool:
        found = self._names.get(owner.path)
        if found is None:
            found = self._names[owner.path] = self._read(owner.path)
        names, patterns = found
        if specifier in names:
            return True
        for pattern in patterns:
            prefix, _, suffix = pattern.partition("*")
            if (
                len(specifier) >= len(prefix) + len(suffix)
                and specifier.startswith(prefix)
                and specifier.endswith(suffix)
            ):
                return True
        return False

    def _read(self, folder: str) -> tuple[frozenset[str], tuple[str, ...]]:
        names: set[str] = set()
        for path in self._sources.files(folder, stop_at=self._roots - {folder}, nested=[]):
            if not path.endswith((".d.ts", ".d.mts", ".d.cts")):
                continue
            try:
                text = self._fs.read_bytes(path)
            except FileSystemError:
                continue
            names.update(match.group(2).decode("utf-8", "replace") for match in _DECLARE.finditer(text))
        patterns = tuple(sorted(name for name in names if name.count("*") == 1))
        return frozenset(name for name in names if "*" not in name), patterns
