"""jest: ``moduleDirectories`` (folder names searched in every ancestor, like node_modules),
``modulePaths`` (absolute folders), ``moduleNameMapper`` (regexes), with ``<rootDir>`` expanded.

``roots`` only says where tests and modules are crawled; jest does not resolve bare names from it."""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.project.resolution.jsread import Regex, evaluate_with_node, static_properties
from nmdoctor.project.resolution.model import Alias, ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["CONFIG_NAMES", "jest_section", "read_jest", "read_jest_file"]

CONFIG_NAMES = ("jest.config.js", "jest.config.cjs", "jest.config.mjs", "jest.config.ts", "jest.config.json")
_KEYS = frozenset({"moduleDirectories", "modulePaths", "moduleNameMapper", "rootDir"})


def _expand(value: str, root: str) -> str:
    value = value.replace("<rootDir>", root)
    return posixpath.normpath(value if value.startswith("/") else posixpath.join(root, value))


def read_jest(data: dict[str, Any], path: str, folder: str) -> ResolutionConfig:
    """The resolution part of a jest config object read from ``path`` (in ``folder``)."""
    config = ResolutionConfig()
    root_dir = data.get("rootDir")
    root = posixpath.normpath(posixpath.join(folder, root_dir)) if isinstance(root_dir, str) else folder
    for entry in data.get("moduleDirectories") or []:
        if isinstance(entry, str) and entry != "node_modules":
            if entry.startswith(("/", "<rootDir>", ".")):
                config.folders.append(ModuleFolder(_expand(entry, root), "jest moduleDirectories", path))
            else:
                config.folders.append(ModuleFolder(entry, "jest moduleDirectories", path, hierarchical=True))
    for entry in data.get("modulePaths") or []:
        if isinstance(entry, str):
            config.folders.append(ModuleFolder(_expand(entry, root), "jest modulePaths", path))
    mapper = data.get("moduleNameMapper")
    if isinstance(mapper, dict):
        for key, target in mapper.items():
            if isinstance(key, str):
                shown = target if isinstance(target, str) else str(target)
                shown = shown.replace("<rootDir>", root)
                config.aliases.append(Alias(key, "regex", shown, "jest moduleNameMapper", path))
    return config


def jest_section(data: Any) -> dict[str, Any] | None:
    if isinstance(data, dict):
        if "projects" in data and isinstance(data["projects"], list):
            merged: dict[str, Any] = dict(data)
            for project in data["projects"]:
                if isinstance(project, dict):
                    for key in ("moduleDirectories", "modulePaths"):
                        merged[key] = list(merged.get(key) or []) + list(project.get(key) or [])
                    mapper = {**(merged.get("moduleNameMapper") or {}), **(project.get("moduleNameMapper") or {})}
                    merged["moduleNameMapper"] = mapper
            return merged
        return data
    return None


def read_jest_file(fs: FileSystem, path: str, *, on_disk: bool) -> ResolutionConfig:
    folder = posixpath.dirname(path)
    if path.endswith(".json"):
        from nmdoctor.project.resolution.jsonc import loads_jsonc

        try:
            data = jest_section(loads_jsonc(fs.read_bytes(path)))
        except (FileSystemError, ValueError):
            data = None
        return read_jest(data, path, folder) if data else ResolutionConfig(unread=[path])
    evaluated = jest_section(evaluate_with_node(path) if on_disk else None)
    if evaluated:
        return read_jest(evaluated, path, folder)
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return ResolutionConfig(unread=[path])
    data = {}
    for key, value in static_properties(source, path, _KEYS):
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if isinstance(k, str)}
        elif isinstance(value, list):
            value = [item for item in value if isinstance(item, str) and not isinstance(item, Regex)]
        data[key] = value
    return read_jest(data, path, folder)
