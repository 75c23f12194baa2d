"""babel-plugin-module-resolver: its ``root`` folders and ``alias`` table, from .babelrc,
babel.config.* or the ``babel`` section of package.json."""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.jsonc import loads_jsonc
from nmdoctor.project.resolution.jsread import evaluate_with_node, static_properties
from nmdoctor.project.resolution.model import ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["CONFIG_NAMES", "read_babel", "read_babel_file"]

CONFIG_NAMES = (
    ".babelrc",
    ".babelrc.json",
    ".babelrc.js",
    ".babelrc.cjs",
    "babel.config.js",
    "babel.config.json",
    "babel.config.cjs",
)
_PLUGIN = ("module-resolver", "babel-plugin-module-resolver")


def _is_resolver(name: Any) -> bool:
    """The plugin by its short or full name, or by the path ``require.resolve`` gave for it."""
    return isinstance(name, str) and (name in _PLUGIN or "/babel-plugin-module-resolver/" in name)


def _options(data: Any) -> list[dict[str, Any]]:
    found = []
    sections = [data, *(data.get("env") or {}).values()] if isinstance(data, dict) else []
    for section in sections:
        plugins = section.get("plugins") if isinstance(section, dict) else None
        for plugin in plugins if isinstance(plugins, list) else []:
            if isinstance(plugin, list) and len(plugin) > 1 and _is_resolver(plugin[0]) and isinstance(plugin[1], dict):
                found.append(plugin[1])
    return found


def read_babel(data: Any, path: str) -> ResolutionConfig:
    config = ResolutionConfig()
    folder = posixpath.dirname(path)
    for options in _options(data):
        cwd = folder
        roots = options.get("root")
        for root in [roots] if isinstance(roots, str) else roots if isinstance(roots, list) else []:
            if isinstance(root, str):
                plain = root.split("*", 1)[0].rstrip("/") or "."
                config.folders.append(
                    ModuleFolder(posixpath.normpath(posixpath.join(cwd, plain)), "babel module-resolver root", path)
                )
        table = options.get("alias")
        config.aliases += alias_table(table, "babel module-resolver alias", path, cwd, dollar_exact=False)
    return config


def read_babel_file(fs: FileSystem, path: str, *, on_disk: bool) -> ResolutionConfig:
    if path.endswith((".js", ".cjs")):
        data = evaluate_with_node(path) if on_disk else None
        if data is None:
            try:
                pairs = static_properties(fs.read_bytes(path), path, frozenset({"plugins"}))
            except FileSystemError:
                return ResolutionConfig(unread=[path])
            data = {"plugins": [item for _key, value in pairs if isinstance(value, list) for item in value]}
        return read_babel(data, path)
    try:
        return read_babel(loads_jsonc(fs.read_bytes(path)), path)
    except (FileSystemError, ValueError):
        return ResolutionConfig(unread=[path])
