"""A bundled source module that nothing names: no other file of its package (code, config,
manifest, script, doc) mentions it, so no bundler entry reaches it and no script runs it.

A bundler loads what its entries reach by name; an ES module in a package's ``src/`` tree that no
file names is left out of every build (localazy's Strapi plugin keeps admin/src/plugins/
apolloClient.js, importing @apollo/client, which no file imports and nothing installs: ``strapi
build`` bundles admin/src/index.js and what it reaches, and never reads it). Whether someone runs it
by hand is not in the files, so its imports cannot be decided.

The answer is withheld (``None``) wherever a folder may be loaded without naming its files:
framework routing and auto-import folders (``pages/``, ``plugins/``, ``composables/`` ...) at the
top of the package or of its ``src/`` or ``app/``, test and story files (runners find them by glob),
and any package whose code loads folders (``require.context``, ``import.meta.glob``, ``readdir``,
glob calls)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from nmdoctor.sources.files import IGNORED_FOLDERS
from nmdoctor.sources.imports import ImportKind, ImportSite
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["UnnamedModules"]

# folders frameworks load by convention, without any file naming their modules
_CONVENTION_FOLDERS = frozenset(
    (
        "pages",
        "app",
        "routes",
        "api",
        "plugins",
        "middleware",
        "middlewares",
        "layouts",
        "components",
        "composables",
        "utils",
        "server",
        "store",
        "stores",
        "modules",
        "content",
        "extensions",
        "config",
        "policies",
        "controllers",
        "services",
        "models",
        "migrations",
        "seeders",
        "scripts",
        "bin",
        "test",
        "tests",
        "__tests__",
        "__mocks__",
        "spec",
        "e2e",
        "stories",
    )
)
_MODULE_SUFFIXES = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".mts")
# files tools find by name pattern or by a config's setting (test files, stories, setup files)
_NAMED_BY_PATTERN = re.compile(r"test|spec|setup|stor(y|ies)|mock|fixture|config|\.d\.", re.IGNORECASE)
# code that loads every module of a folder, naming none of them
_FOLDER_LOADERS = re.compile(rb"require\.context|import\.meta\.glob|readdir|globSync|\bglob\(|fast-glob|globby")
_MAX_FILES = 3000
_MAX_BYTES = 1_000_000


class UnnamedModules:
    """Per package, the text of its files, read once when first asked."""

    def __init__(self, fs: FileSystem | None) -> None:
        self._fs = fs
        self._texts: dict[str, dict[str, bytes] | None] = {}

    def unnamed(self, package: str, file: str, site: ImportSite, declared: Collection[str]) -> str | None:
        """The name no file of ``package`` mentions when ``file`` is a bundled module nothing
        names (see the module docstring) and ``site`` is a static ES import; None otherwise.
        ``declared`` are the names the package depends on."""
        if self._fs is None or site.kind not in (ImportKind.IMPORT, ImportKind.EXPORT_FROM):
            return None
        inner = posixpath.relpath(file, package)
        parts = inner.split("/")
        base = parts[-1]
        if not base.endswith(_MODULE_SUFFIXES) or _NAMED_BY_PATTERN.search(base) or "src" not in parts[:-1]:
            return None
        top = parts[1:] if parts[0] in ("src", "app") else parts
        if len(top) < 2 or top[0] in _CONVENTION_FOLDERS or any(part.startswith(".") for part in parts):
            return None
        if _shadows(parts, declared):
            return None
        stem = base.split(".")[0]
        if stem == "index":
            stem = parts[-2]
        texts = self._package_texts(package)
        if texts is None:
            return None
        needle = stem.encode()
        for path, text in texts.items():
            if path == file:
                continue
            if needle in text or _FOLDER_LOADERS.search(text):
                return None
        return stem

    def _package_texts(self, package: str) -> dict[str, bytes] | None:
        if package not in self._texts:
            self._texts[package] = _read_texts(self._fs, package) if self._fs is not None else None
        return self._texts[package]


def _shadows(parts: list[str], declared: Collection[str]) -> bool:
    """Is the file below ``src/NAME/`` (or ``src/@SCOPE/NAME/``) for a package NAME the package
    depends on? Gatsby's component shadowing: src/THEME/components/Code.js replaces the theme's own
    file of that path, and no file names it."""
    for index, part in enumerate(parts[:-1]):
        if part != "src":
            continue
        name = "/".join(parts[index + 1 : index + 3]) if parts[index + 1].startswith("@") else parts[index + 1]
        if name in declared:
            return True
    return False


def _read_texts(fs: FileSystem, root: str) -> dict[str, bytes] | None:
    """Every file under ``root`` but installed packages and build output, or None when there are
    too many to read or one cannot be read (then nothing is decided)."""
    texts: dict[str, bytes] = {}
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            names = fs.listdir(folder)
        except FileSystemError:
            return None
        for name in names:
            path = f"{folder}/{name}"
            stat = fs.lstat(path)
            if stat is None or stat.kind is Kind.SYMLINK:
                continue
            if stat.kind is Kind.DIR:
                if name not in IGNORED_FOLDERS and name != ".git":
                    pending.append(path)
                continue
            if len(texts) >= _MAX_FILES:
                return None
            if stat.size > _MAX_BYTES:
                continue  # data or a bundle, not where a module is named
            try:
                texts[path] = fs.read_bytes(path)
            except FileSystemError:
                return None
    return texts
