"""The files of a Next.js app its webpack build bundles.

Next.js compiles what its pages import: the files below ``pages/``, ``app/`` and ``src/`` (and the
hooks and configs beside package.json that it or nextra imports into the app), and every
module of the app they import, through a relative path or an alias of the project's config (a
jsconfig/tsconfig ``paths`` entry such as ``@/lib/*``), however deep (tailwind-nextjs-starter-blog:
pages import ``@/lib/mdx``, which imports ``./remark-toc-headings``). Each of them is resolved with
the build's ``resolve.modules``. A file reached only by an import nmdoctor cannot follow (a variable,
an alias to a package) is not counted.
"""

from __future__ import annotations

import posixpath

from nmdoctor.model.graph import Instance
from nmdoctor.project.resolution.loader import ProjectResolution
from nmdoctor.project.resolution.model import Alias
from nmdoctor.sources.index import SourceIndex
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["NEXT_SOURCE_FOLDERS", "NextBundled"]

# The folders a Next.js app's pages and what they import live in.
NEXT_SOURCE_FOLDERS = ("pages", "app", "src")
_CODE = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs")
_SUFFIXES = ("", *_CODE, *(f"/index{suffix}" for suffix in _CODE))


# Files beside package.json that the build compiles into the app: Next.js's middleware and
# instrumentation hooks and the MDX components file, and nextra's theme config, which nextra's
# loader imports into every page (nextra 3: `themeConfig: './theme.config.tsx'`, its default name).
_ROOT_ENTRIES = frozenset({"middleware", "instrumentation", "mdx-components"})


def _root_entries(owner: Instance) -> frozenset[str]:
    raw = owner.manifest.raw if isinstance(owner.manifest.raw, dict) else {}
    uses_nextra = any(isinstance(raw.get(field), dict) and "nextra" in raw[field] for field in _DEPENDENCY_FIELDS)
    return _ROOT_ENTRIES | {"theme.config"} if uses_nextra else _ROOT_ENTRIES


_DEPENDENCY_FIELDS = ("dependencies", "devDependencies")


def _substitute(alias: Alias, specifier: str) -> str | None:
    if not alias.target.startswith("/") or not alias.matches(specifier):
        return None
    if alias.kind == "wildcard":
        head, star, tail = alias.key.partition("*")
        if not star:
            return alias.target
        return alias.target.replace("*", specifier[len(head) : len(specifier) - len(tail)], 1)
    if alias.kind == "prefix":
        return alias.target.rstrip("/") + specifier[len(alias.key.rstrip("/")) :]
    return None


class NextBundled:
    """Which files of an app Next.js's webpack build compiles, walked once per app."""

    def __init__(self, fs: FileSystem, sources: SourceIndex, resolution: ProjectResolution) -> None:
        self.fs = fs
        self.sources = sources
        self.resolution = resolution
        self._apps: dict[str, frozenset[str]] = {}

    def holds(self, owner: Instance, file: str, *, stop_at: frozenset[str]) -> bool:
        if owner.path not in self._apps:
            self._apps[owner.path] = self._walk(owner, stop_at)
        return file in self._apps[owner.path]

    def _file(self, base: str) -> str | None:
        for suffix in _SUFFIXES:
            stat = self.fs.stat(base + suffix)
            if stat is not None and stat.kind is Kind.FILE:
                return base + suffix
        return None

    def _walk(self, owner: Instance, stop_at: frozenset[str]) -> frozenset[str]:
        listed = self.sources.files(owner.path, stop_at=stop_at)
        known = frozenset(listed)
        entries = _root_entries(owner)
        pending = [
            file
            for file in listed
            if file.endswith(_CODE)
            and (
                file[len(owner.path) + 1 :].split("/", 1)[0] in NEXT_SOURCE_FOLDERS
                or (posixpath.dirname(file) == owner.path and posixpath.basename(file).rsplit(".", 1)[0] in entries)
            )
        ]
        reached = set(pending)
        while pending:
            file = pending.pop()
            try:
                sites = self.sources.imports(file)
            except FileSystemError:
                continue
            aliases = self.resolution.for_file(file).aliases
            for site in sites:
                specifier = site.specifier
                if specifier.startswith("."):
                    bases = [posixpath.normpath(posixpath.join(posixpath.dirname(file), specifier))]
                else:
                    bases = [base for alias in aliases if (base := _substitute(alias, specifier)) is not None]
                for base in bases:
                    found = self._file(base)
                    if found is not None and found in known and found not in reached:
                        reached.add(found)
                        pending.append(found)
                        break
        return frozenset(reached)
