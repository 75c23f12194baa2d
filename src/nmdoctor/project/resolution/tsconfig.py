"""tsconfig.json / jsconfig.json: ``baseUrl`` and ``paths``, through the ``extends`` chain (relative
files and packages such as ``@tsconfig/node20``, or a workspace package of a monorepo checked from
its lockfile, before any install links it), as TypeScript reads them."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from nmdoctor.project.resolution.jsonc import loads_jsonc
from nmdoctor.project.resolution.model import Alias, ModuleFolder, ResolutionConfig
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["HELPER_OPTIONS", "helper_options", "includes", "is_tsconfig", "read_tsconfig", "skips_lib_check"]


def is_tsconfig(name: str) -> bool:
    """tsconfig.json, jsconfig.json and their siblings (tsconfig.app.json, tsconfig.base.json, which
    a solution-style tsconfig.json references and where Vite's templates keep ``paths``)."""
    return name.startswith(("tsconfig", "jsconfig")) and name.endswith(".json")


def _is_file(fs: FileSystem, path: str) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.FILE


def _package_candidates(base: str) -> tuple[str, ...]:
    return (base, base + ".json", base + "/tsconfig.json")


def _extended(fs: FileSystem, spec: str, folder: str, workspaces: Mapping[str, str]) -> str | None:
    """The file an ``extends`` value names, found as TypeScript finds it; a package no
    ``node_modules`` holds yet is looked for among the workspaces (``name -> folder``), where the
    package manager links it from."""
    if spec.startswith((".", "/")):
        path = posixpath.normpath(posixpath.join(folder, spec))
        for candidate in (path, path + ".json"):
            if _is_file(fs, candidate):
                return candidate
        return None
    for node_modules in node_modules_paths(folder):
        for candidate in _package_candidates(f"{node_modules}/{spec}"):
            if _is_file(fs, candidate):
                return candidate
    parts = spec.split("/")
    size = 2 if spec.startswith("@") else 1
    workspace = workspaces.get("/".join(parts[:size]))
    if workspace is not None:
        for candidate in _package_candidates("/".join([workspace, *parts[size:]])):
            if _is_file(fs, candidate):
                return candidate
    return None


def _options(
    fs: FileSystem,
    path: str,
    seen: frozenset[str],
    missing: list[str] | None = None,
    workspaces: Mapping[str, str] | None = None,
) -> dict[str, tuple[Any, str]]:
    """compilerOptions ``baseUrl``, ``paths`` and those that keep type-only imports, each with the
    folder of the file that set it; an ``extends`` that cannot be found (a package not installed) is
    added to ``missing``."""
    if path in seen or len(seen) > 16:
        return {}
    try:
        data = loads_jsonc(fs.read_bytes(path))
    except (FileSystemError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    folder = posixpath.dirname(path)
    merged: dict[str, tuple[Any, str]] = {}
    extends = data.get("extends")
    for spec in [extends] if isinstance(extends, str) else extends if isinstance(extends, list) else []:
        parent = _extended(fs, spec, folder, workspaces or {}) if isinstance(spec, str) else None
        if parent is not None:
            merged.update(_options(fs, parent, seen | {path}, missing, workspaces))
        elif missing is not None:
            missing.append(path)
    options = data.get("compilerOptions")
    if isinstance(options, dict):
        for key in ("baseUrl", "paths", "skipLibCheck", *_KEEP_IMPORTS, *HELPER_OPTIONS):
            if key in options:
                merged[key] = (options[key], folder)
    return merged


# compilerOptions under which TypeScript keeps an import whose names are only types
_KEEP_IMPORTS = ("verbatimModuleSyntax", "preserveValueImports", "importsNotUsedAsValues")
# compilerOptions that decide whether TypeScript's output requires "tslib" (migrate/ts_helpers.py)
HELPER_OPTIONS = ("importHelpers", "noEmitHelpers", "target", "experimentalDecorators")


def helper_options(fs: FileSystem, path: str) -> dict[str, Any]:
    """``HELPER_OPTIONS`` as the tsconfig at ``path`` sets them through its ``extends`` chain."""
    options = _options(fs, path, frozenset())
    return {key: options[key][0] for key in HELPER_OPTIONS if key in options}


def includes(options: Mapping[str, Any], folder: str, file: str) -> bool:
    """Whether the tsconfig in ``folder`` whose own ``include``/``files`` are in ``options``
    compiles ``file``: no ``include``/``files`` (everything), or a file under the fixed part of one
    of its ``include`` patterns, or one of its ``files``."""
    include, files = options.get("include"), options.get("files")
    if include is None and files is None:
        return True
    inside = file[len(folder) + 1 :]
    for pattern in include if isinstance(include, list) else []:
        if isinstance(pattern, str):
            fixed = pattern.split("*", 1)[0].removeprefix("./").rstrip("/")
            if not fixed or inside == fixed or inside.startswith(fixed + "/"):
                return True
    return any(isinstance(item, str) and posixpath.normpath(item) == inside for item in files or [])


def skips_lib_check(fs: FileSystem, file: str, top: str) -> str | None:
    """The nearest tsconfig that type-checks the declaration file ``file`` with ``skipLibCheck`` set,
    when every tsconfig from the file's folder up to ``top`` that compiles the file sets it (through
    its ``extends`` chain): TypeScript then reports nothing found in a declaration file, an import it
    cannot resolve included (tsc 5.5: no TS2307 there). None when one of them does not, or none
    compiles the file (a solution-style ``"files": []``)."""
    folder = posixpath.dirname(file)
    covering: list[str] = []
    while True:
        try:
            names = sorted(name for name in fs.listdir(folder) if is_tsconfig(name))
        except FileSystemError:
            names = []
        for name in names:
            path = f"{folder}/{name}"
            try:
                data = loads_jsonc(fs.read_bytes(path))
            except (FileSystemError, ValueError):
                return None
            if not isinstance(data, dict) or not includes(data, folder, file):
                continue
            if _options(fs, path, frozenset()).get("skipLibCheck", (None, ""))[0] is not True:
                return None
            covering.append(path)
        if folder == top or "/" not in folder.strip("/"):
            return covering[0] if covering else None
        folder = posixpath.dirname(folder)


def read_tsconfig(fs: FileSystem, path: str, workspaces: Mapping[str, str] | None = None) -> ResolutionConfig:
    config = ResolutionConfig()
    missing: list[str] = []
    options = _options(fs, path, frozenset(), missing, workspaces)
    config.unread += missing  # the part of the chain that may hold ``paths`` could not be read
    kept = {key: options[key][0] for key in _KEEP_IMPORTS if key in options}
    if (
        kept.get("verbatimModuleSyntax") is True
        or kept.get("preserveValueImports") is True
        or str(kept.get("importsNotUsedAsValues", "")).lower() in ("preserve", "error")
    ):
        config.keeps_imports.append(path)
    base_url: str | None = None
    if "baseUrl" in options and isinstance(options["baseUrl"][0], str):
        value, folder = options["baseUrl"]
        base_url = posixpath.normpath(posixpath.join(folder, value))
        config.folders.append(ModuleFolder(base_url, "tsconfig baseUrl", path))
    if "paths" in options and isinstance(options["paths"][0], dict):
        value, folder = options["paths"]
        base = base_url or folder
        for key, targets in value.items():
            if not isinstance(key, str) or not isinstance(targets, list):
                continue
            absolute = [posixpath.normpath(posixpath.join(base, item)) for item in targets if isinstance(item, str)]
            first = absolute[0] if absolute else "?"
            # a key with no literal head ("*") matches everything: it answers only where a target exists
            fallbacks = tuple(absolute) if key.startswith("*") else ()
            config.aliases.append(Alias(key, "wildcard", first, "tsconfig paths", path, fallbacks))
    return config
