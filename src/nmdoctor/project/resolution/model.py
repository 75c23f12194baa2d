"""What a project's own resolution config says about bare-looking imports: aliases that rewrite them
and folders searched for them besides ``node_modules``."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["Alias", "Decision", "ModuleFolder", "ResolutionConfig"]


@dataclass(frozen=True, slots=True)
class Alias:
    """One alias key. ``kind``: "prefix" (``key`` or ``key/...``, webpack/vite/babel), "exact"
    (webpack's ``key$``), "wildcard" (tsconfig ``paths`` with one ``*``), "regex" (jest
    ``moduleNameMapper``, vite ``find: /re/``, babel ``^re``)."""

    key: str
    kind: str
    target: str
    tool: str  # "tsconfig paths", "webpack resolve.alias", ...
    config: str  # the file it was read from
    # tsconfig ``"*": ["types/*", ...]`` matches every request: it answers one only when a target
    # exists (absolute target patterns, ``*`` standing for the matched part)
    fallbacks: tuple[str, ...] = ()
    # the file names it applies to (a require hook installed only while a tool loads its config);
    # empty: every file under the config's folder
    files: tuple[str, ...] = ()

    def answers(self, fs: FileSystem, specifier: str) -> bool:
        if not self.matches(specifier):
            return False
        if not self.fallbacks:
            return True
        head, _star, tail = self.key.partition("*")
        middle = specifier[len(head) : len(specifier) - len(tail)]
        for pattern in self.fallbacks:
            candidate = posixpath.normpath(pattern.replace("*", middle, 1))
            if _has_entry(fs, posixpath.dirname(candidate), posixpath.basename(candidate)):
                return True
        return False

    def target_missing(self, fs: FileSystem, specifier: str) -> bool:
        """tsconfig ``paths`` whose substitution names nothing on disk (a folder that was renamed:
        formik's ``"formik": ["./packages/react/src"]``): TypeScript, tsx and the bundlers' tsconfig
        plugins then fall back to node_modules."""
        if self.tool != "tsconfig paths" or self.target == "?" or self.kind != "wildcard":
            return False
        head, star, tail = self.key.partition("*")
        middle = specifier[len(head) : len(specifier) - len(tail)] if star else ""
        candidate = posixpath.normpath(self.target.replace("*", middle, 1))
        return not _has_entry(fs, posixpath.dirname(candidate), posixpath.basename(candidate))

    def matches(self, specifier: str) -> bool:
        if self.kind == "exact":
            return specifier == self.key
        if self.kind == "prefix":
            return specifier == self.key or specifier.startswith(self.key.rstrip("/") + "/")
        if self.kind == "wildcard":
            head, star, tail = self.key.partition("*")
            if not star:
                return specifier == self.key
            return len(specifier) >= len(head) + len(tail) and specifier.startswith(head) and specifier.endswith(tail)
        try:
            return re.search(self.key, specifier) is not None
        except re.error:
            return False


@dataclass(frozen=True, slots=True)
class ModuleFolder:
    """A folder searched for bare names: ``path`` absolute, or, when ``hierarchical``, a folder name
    looked for in every ancestor of the importing file (jest ``moduleDirectories``). With
    ``dependencies_of``, the folder is that of the dependencies of the package of that name as
    installed from ``path`` (its folder), which only the dependency graph can tell when nothing is
    installed on disk (``check --lockfile``): ``decide`` leaves it to the caller."""

    path: str
    tool: str
    config: str
    hierarchical: bool = False
    dependencies_of: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """How the project's config resolves a request: the alias or folder that decided, in words."""

    tool: str
    config: str
    detail: str  # "`components` -> /app/src/components"
    # the alias names nothing on disk; the tool falls back to node_modules (tsconfig paths)
    falls_back: bool = False

    def describe(self, relative_config: str) -> str:
        return f"{self.tool} in {relative_config}: {self.detail}"


@dataclass(slots=True)
class ResolutionConfig:
    aliases: list[Alias] = field(default_factory=list)
    folders: list[ModuleFolder] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # config files that could not be read (undecidable)
    # configs whose plugins may answer any request themselves (vite/rollup ``resolveId``: ``uno.css``)
    plugins: list[str] = field(default_factory=list)
    # tsconfigs that keep an import whose names are only types (``verbatimModuleSyntax``, ...)
    keeps_imports: list[str] = field(default_factory=list)

    def merge(self, other: ResolutionConfig) -> None:
        self.aliases += other.aliases
        self.folders += other.folders
        self.unread += other.unread
        self.plugins += other.plugins
        self.keeps_imports += other.keeps_imports

    def decide(self, fs: FileSystem, specifier: str, from_file: str) -> Decision | None:
        """The alias or module folder that resolves ``specifier`` for ``from_file``, or None when
        only ``node_modules`` is left (then it is a package)."""
        for alias in self.aliases:
            if alias.files and posixpath.basename(from_file) not in alias.files:
                continue
            if alias.answers(fs, specifier):
                detail = f"`{alias.key}` -> {alias.target}"
                return Decision(alias.tool, alias.config, detail, alias.target_missing(fs, specifier))
        parts = specifier.split("/")
        size = 2 if specifier.startswith("@") and len(parts) > 1 else 1
        first, deeper = "/".join(parts[:size]), len(parts) > size
        for folder in self.folders:
            if folder.dependencies_of is not None:
                continue  # only the dependency graph knows what that package depends on
            for base in _bases(folder, from_file):
                if _has_entry(fs, base, first, folder_only=deeper):
                    return Decision(folder.tool, folder.config, f"`{first}` found in {base}")
        return None


def _bases(folder: ModuleFolder, from_file: str) -> list[str]:
    if not folder.hierarchical:
        return [folder.path]
    bases = []
    directory = posixpath.dirname(from_file)
    while True:
        bases.append(f"{directory}/{folder.path}" if directory != "/" else f"/{folder.path}")
        parent = posixpath.dirname(directory)
        if parent == directory:
            return bases
        directory = parent


# What a request may leave out: the resolvers' extensions, and the files bundlers load by name.
_EXTENSIONS = frozenset(
    (
        ".js .jsx .mjs .cjs .ts .tsx .mts .cts .d.ts .json .node .vue .svelte .astro "
        ".css .scss .sass .less .styl .svg .png .jpg .jpeg .gif .webp .ico .html .md .mdx"
    ).split()
)


def _has_entry(fs: FileSystem, base: str, first: str, *, folder_only: bool = False) -> bool:
    """Whether ``base`` holds ``first`` as a folder or (unless ``folder_only``, when the request goes
    deeper) as a file, its extension left out (``utils`` -> ``utils.js``)."""
    if "/" in first:
        scope, name = first.split("/", 1)
        base, first = f"{base}/{scope}", name
    if folder_only:
        stat = fs.stat(f"{base}/{first}")
        return stat is not None and stat.kind is Kind.DIR
    try:
        names = fs.listdir(base)
    except FileSystemError:
        return False
    return any(name == first or (name.startswith(first + ".") and name[len(first) :] in _EXTENSIONS) for name in names)
