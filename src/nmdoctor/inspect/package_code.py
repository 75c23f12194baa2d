"""What an installed package's own code requires: the files reachable from its entry points.

Only the files a consumer can load are read: the package's ``main`` (or index) and its ``exports``
targets, then the relative modules they require, transitively. A cheap scan of the text finds the
candidate specifiers; tree-sitter confirms only the files that hold an undeclared one, so that a
large tree is read quickly and a commented-out require is not taken for code.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nmdoctor.model.graph import Instance
from nmdoctor.resolve import Resolver
from nmdoctor.sources.imports import ImportSite, language_for, package_of, parse_imports
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["MAX_FILES_PER_PACKAGE", "PackageImport", "entry_files", "package_imports"]

MAX_FILES_PER_PACKAGE = 400
MAX_PARSED_BYTES = 1_000_000  # bundles beyond this inline their dependencies; they are not parsed
_SPECIFIER = re.compile(rb"""(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])([^'"\n]{1,200})\1""")


@dataclass(frozen=True, slots=True)
class PackageImport:
    file: str
    site: ImportSite
    root: str = ""  # the package folder the file was read in


def _targets(value: Any) -> Iterator[str]:
    """Every string target of an ``exports`` value (conditions and arrays included, patterns skipped)."""
    if isinstance(value, str):
        if "*" not in value:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _targets(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("types", "typings") or key.endswith(".d.ts"):
                continue
            yield from _targets(item)


def entry_files(fs: FileSystem, resolver: Resolver, instance: Instance) -> list[str]:
    """The files a consumer of the package can load first."""
    files = []
    result = resolver.resolve(instance.path, instance.path + "/noop.js")
    if result.resolved and result.resolved.startswith("/"):
        files.append(result.resolved)
    manifest = instance.manifest.raw if isinstance(instance.manifest.raw, dict) else {}
    for target in _targets(manifest.get("exports")):
        if target.startswith("./"):
            path = posixpath.normpath(posixpath.join(instance.path, target))
            stat = fs.stat(path)
            if stat is not None and language_for(path) is not None:
                files.append(fs.realpath(path))
    bins = manifest.get("bin")
    for target in bins.values() if isinstance(bins, dict) else [bins] if isinstance(bins, str) else []:
        if isinstance(target, str):
            path = posixpath.normpath(posixpath.join(instance.path, target))
            if fs.stat(path) is not None:
                files.append(fs.realpath(path))
    return list(dict.fromkeys(files))


def package_imports(fs: FileSystem, resolver: Resolver, instance: Instance, known: set[str]) -> Iterator[PackageImport]:
    """Bare imports in the package's reachable code that name a package outside ``known``.

    Files whose text mentions only ``known`` packages (or none) are followed for their relative
    imports but not parsed.
    """
    pending = entry_files(fs, resolver, instance)
    seen = set(pending)
    while pending and len(seen) <= MAX_FILES_PER_PACKAGE:
        file = pending.pop()
        if language_for(file) is None:
            continue
        try:
            source = fs.read_bytes(file)
        except FileSystemError:
            continue
        if len(source) > MAX_PARSED_BYTES:
            continue
        candidates = [match.group(2).decode("utf-8", "replace") for match in _SPECIFIER.finditer(source)]
        for specifier in candidates:
            if specifier.startswith("./") or specifier.startswith("../"):
                found = _relative_file(fs, posixpath.dirname(file), specifier)
                if found is None or found in seen or not found.startswith(instance.path + "/"):
                    continue
                seen.add(found)
                pending.append(found)
        if not any(_unknown(item, known) for item in candidates):
            continue
        for site in parse_imports(source, file):
            if _unknown(site.specifier, known):
                yield PackageImport(file, site, instance.path)


_PROBES = ("", ".js", ".cjs", ".mjs", ".json", "/index.js", "/index.cjs", "/index.mjs")


def _relative_file(fs: FileSystem, folder: str, specifier: str) -> str | None:
    """The file a relative require or import most likely loads (node's probing, without ``main``):
    enough to follow the package's own modules, which is all this walk needs."""
    base = posixpath.normpath(posixpath.join(folder, specifier.split("?", 1)[0]))
    for suffix in _PROBES:
        stat = fs.stat(base + suffix)
        if stat is not None and stat.kind is Kind.FILE:
            return base + suffix
    return None


def _unknown(specifier: str, known: set[str]) -> bool:
    name = package_of(specifier)
    return name is not None and name not in known
