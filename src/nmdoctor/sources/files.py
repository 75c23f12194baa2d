"""Which files are the project's own source (not installed packages, not build output)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from nmdoctor.sources.components import COMPONENT_SUFFIXES
from nmdoctor.sources.imports import language_for
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath

__all__ = ["IGNORED_FOLDERS", "TEMPLATE_FOLDERS", "is_template", "owns_files", "source_files"]

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
        # test data, not code the project runs or builds (fixtures import what the tests need)
        "fixtures",
        "__fixtures__",
        "__snapshots__",
    }
)
MAX_FILE_BYTES = 2_000_000  # bundles and generated files beyond this are not hand-written source


# The lockfiles a folder holds when it is a project installed on its own.
PROJECT_LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb")


def owns_files(fs: FileSystem, folder: VPath) -> bool:
    """Whether ``folder`` holds a package.json that makes it a package of its own (a name or a
    dependency field), so that the files below it are judged against that manifest, not the root's.
    A bare ``{"type": "module"}`` only sets the module format. A project template (a folder with a
    ``_package.json`` or ``package.json.hbs`` that a generator renders) is a package of its own too:
    its imports are those of the projects it will make."""
    if is_template(fs, folder):
        return True
    try:
        data = json.loads(fs.read_bytes(f"{folder}/package.json"))
    except (FileSystemError, ValueError):
        return False
    return isinstance(data, dict) and any(key in data for key in _OWNING_KEYS)


def is_template(fs: FileSystem, folder: VPath) -> bool:
    """Whether ``folder`` is a project template: a manifest under a generator's name for it, or,
    below a ``templates`` folder, a project's config (``tsconfig.json``, ``next.config.mjs``, ...)
    with no package.json beside it, which the generator writes (novu's ``init`` templates)."""
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return False
    if any(name == "_package.json" or name.startswith("package.json.") for name in names):
        return True
    if "package.json" in names or not TEMPLATE_FOLDERS.intersection(folder.split("/")[:-1]):
        return False
    return any(name == "tsconfig.json" or name.startswith(_PROJECT_CONFIGS) for name in names)


TEMPLATE_FOLDERS = frozenset({"templates", "template"})  # where generators keep the projects they copy
_PROJECT_CONFIGS = ("next.config.", "vite.config.", "nuxt.config.", "astro.config.", "svelte.config.")


_OWNING_KEYS = ("name", "dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


_OUTPUT_NAMES = ("build", "out", "dist", "scripts", "tmp", "vendor")


def _tracked_output_names(fs: FileSystem, root: VPath) -> frozenset[str]:
    """Top-level folders with output-like names (``build``) that the project's .gitignore does not
    ignore: they hold its own build scripts (jquery's ``build/tasks``), not generated files. Without
    a .gitignore nothing is known, and they stay skipped."""
    try:
        text = fs.read_bytes(f"{root}/.gitignore").decode("utf-8", errors="replace")
    except FileSystemError:
        return frozenset()
    ignored = {line.strip().strip("/") for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(name for name in _OUTPUT_NAMES if name not in ignored and f"{name}/*" not in ignored)


def _source_name(name: str) -> bool:
    """JS/TS, or a Vue, Svelte or Astro component (its code is read: ``components.component_code``)."""
    return language_for(name) is not None or name.endswith(COMPONENT_SUFFIXES)


def source_files(
    fs: FileSystem, root: VPath, *, stop_at: frozenset[VPath] = frozenset(), nested: list[VPath] | None = None
) -> Iterator[VPath]:
    """JS/TS files and Vue, Svelte and Astro components under ``root``, skipping installed packages, build output and
    folders in ``stop_at`` (nested workspaces, which are read with their own manifest). With
    ``nested``, a folder that is a package of its own (``owns_files``) is not entered either, but
    appended to ``nested``."""
    tracked = _tracked_output_names(fs, root)
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
                ignored = name in IGNORED_FOLDERS and not (folder == root and name in tracked)
                if not ignored and not name.startswith(".") and path not in stop_at:
                    if nested is not None and owns_files(fs, path):
                        nested.append(path)
                    else:
                        pending.append(path)
            elif _source_name(name) and stat.size <= MAX_FILE_BYTES and not name.endswith(".min.js"):
                yield path
