"""The modules a file reaches by relative imports, transitively: the files a runner or a bundler
loads with it when it loads the file."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable, Iterator

from nmdoctor.sources.imports import ImportKind, ImportSite
from nmdoctor.vfs.base import FileSystem, FileSystemError, first_file

__all__ = ["relative_reach"]


def relative_reach(
    fs: FileSystem,
    entry: str,
    imports: Callable[[str], Iterable[ImportSite]],
    kinds: Collection[ImportKind],
    suffixes: tuple[str, ...],
    keep: Callable[[str], bool],
) -> Iterator[str]:
    """``entry``, then each module its sites of ``kinds`` reach by `./` and `../` specifiers (the
    first of ``suffixes`` that names a file), transitively, each once, depth first. A module
    ``keep`` refuses is not followed. Lazy: a caller that stops early reads no further file.
    ``imports`` gives a file's import sites (a file it cannot read is a dead end)."""
    seen = {entry}
    pending = [entry]
    while pending:
        current = pending.pop()
        yield current
        try:
            sites = list(imports(current))
        except FileSystemError:
            continue
        for site in sites:
            if site.kind not in kinds or not site.specifier.startswith(("./", "../")):
                continue
            base = posixpath.normpath(posixpath.join(posixpath.dirname(current), site.specifier))
            found = first_file(fs, base, suffixes)
            if found is not None and found not in seen and keep(found):
                seen.add(found)
                pending.append(found)
