"""The files of a Next.js app its webpack build bundles.

Next.js compiles what its pages import: the files below ``pages/``, ``app/`` and ``src/`` (and the
middleware, instrumentation and MDX components files beside package.json), and every
module of the app they import, through a relative path or an alias of the project's config (a
jsconfig/tsconfig ``paths`` entry such as ``@/lib/*``), however deep (tailwind-nextjs-starter-blog:
pages import ``@/lib/mdx``, which imports ``./remark-toc-headings``). Each of them is resolved with
the build's ``resolve.modules``. A Nextra site's theme config (`themeConfig` in next.config) is
compiled into every page, and walked from too (next-auth's docs: theme.config.tsx imports
components/DocSearch, which imports `@docsearch/css`). A file reached only by an import nmdoctor
cannot follow (a variable, an alias to a package) is not counted.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.model.graph import Instance
from nmdoctor.project.resolution.loader import ProjectResolution
from nmdoctor.project.resolution.model import Alias
from nmdoctor.sources.index import SourceIndex
from nmdoctor.vfs.base import FileSystem, FileSystemError, first_file

__all__ = ["NEXT_SOURCE_FOLDERS", "NextBundled"]

# The folders a Next.js app's pages and what they import live in.
NEXT_SOURCE_FOLDERS = ("pages", "app", "src")
_CODE = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs")
_SUFFIXES = ("", *_CODE, *(f"/index{suffix}" for suffix in _CODE))
_NEXT_CONFIGS = ("next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs", "next.config.mts")
# Nextra 2 and 3: `nextra({ theme: 'nextra-theme-docs', themeConfig: './theme.config.tsx' })`; Nextra's
# loader imports that file into every page, so the build compiles it and what it imports
_THEME_CONFIG = re.compile(rb"""\bthemeConfig\s*:\s*['"](\.{1,2}/[^'"\n]+)['"]""")


# Files beside package.json that Next.js compiles into the app: its middleware and
# instrumentation hooks and the MDX components file.
_ROOT_ENTRIES = frozenset({"middleware", "instrumentation", "mdx-components"})


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

    def _walk(self, owner: Instance, stop_at: frozenset[str]) -> frozenset[str]:
        listed = self.sources.files(owner.path, stop_at=stop_at)
        known = frozenset(listed)
        pending = [
            file
            for file in listed
            if file.endswith(_CODE)
            and (
                file[len(owner.path) + 1 :].split("/", 1)[0] in NEXT_SOURCE_FOLDERS
                or (
                    posixpath.dirname(file) == owner.path
                    and posixpath.basename(file).rsplit(".", 1)[0] in _ROOT_ENTRIES
                )
            )
        ]
        for name in _NEXT_CONFIGS:
            try:
                text = self.fs.read_bytes(f"{owner.path}/{name}")
            except FileSystemError:
                continue
            for match in _THEME_CONFIG.finditer(text):
                base = posixpath.normpath(posixpath.join(owner.path, match.group(1).decode("utf-8", "replace")))
                found = first_file(self.fs, base, _SUFFIXES)
                if found is not None and found in known:
                    pending.append(found)
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
                    found = first_file(self.fs, base, _SUFFIXES)
                    if found is not None and found in known and found not in reached:
                        reached.add(found)
                        pending.append(found)
                        break
        return frozenset(reached)
