"""webpack configs: ``resolve.modules`` (folders searched besides node_modules) and ``resolve.alias``.

Evaluated with node when the config is on disk (configs compute paths and merge objects), read
statically otherwise or when evaluation fails."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from nmdoctor.project.resolution.aliases import alias_table, externals
from nmdoctor.project.resolution.jsread import UNKNOWN, evaluate_with_node, static_properties
from nmdoctor.project.resolution.model import ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["add_resolve", "is_rspack_config", "is_webpack_config", "read_webpack"]


def is_webpack_config(name: str) -> bool:
    return name.startswith("webpack") and name.endswith((".js", ".cjs", ".mjs", ".ts"))


def is_rspack_config(name: str) -> bool:
    """rspack's config (``rspack.config.js``, the default ``rspack build`` reads), which takes
    webpack's ``resolve`` and ``externals`` as they are."""
    return name.startswith("rspack.config.") and name.endswith((".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"))


def _resolve_sections(value: Any) -> list[dict[str, Any]]:
    configs = value if isinstance(value, list) else [value]
    return [item["resolve"] for item in configs if isinstance(item, dict) and isinstance(item.get("resolve"), dict)]


def add_resolve(config: ResolutionConfig, modules: Any, alias: Any, path: str, tool: str = "webpack") -> None:
    folder = posixpath.dirname(path)
    for entry in modules if isinstance(modules, list) else []:
        if not isinstance(entry, str) or entry == "node_modules":
            continue
        if entry.startswith("/"):
            config.folders.append(ModuleFolder(posixpath.normpath(entry), f"{tool} resolve.modules", path))
        elif entry.startswith("."):
            config.folders.append(
                ModuleFolder(posixpath.normpath(posixpath.join(folder, entry)), f"{tool} resolve.modules", path)
            )
        else:  # a folder name looked for in every ancestor, like node_modules
            config.folders.append(ModuleFolder(entry, f"{tool} resolve.modules", path, hierarchical=True))
    config.aliases += alias_table(alias, f"{tool} resolve.alias", path, folder)


# the config exported as what a function returns: `module.exports = configure({...})`
_EXPORTED_CALL = re.compile(rb"(?:module\.exports\s*=|export\s+default)\s*([A-Za-z_$][\w$]*)\s*\(")
# packages whose function only merges the configs it is given, each of them read on its own
_MERGERS = frozenset({"webpack-merge"})


def _built_by_a_package(source: bytes) -> bool:
    """Whether the config exports what a function of another package returns
    (VEuPathDB's site configs: ``module.exports = configure(additionalConfig)`` with ``configure``
    from the workspace package @veupathdb/site-webpack-config, which sets ``resolve.alias``): the
    aliases are that package's, known only when node runs the config."""
    found = _EXPORTED_CALL.search(source)
    if found is None:
        return False
    name = re.escape(found.group(1))
    binding = re.search(
        rb"(?:(?:const|let|var)\s+"
        + name
        + rb"\s*=\s*require\(\s*|import\s+"
        + name
        + rb"\s+from\s*)['\"]([^'\"]+)['\"]",
        source,
    )
    if binding is None:
        return False
    module = binding.group(1).decode("utf-8", "replace")
    return not module.startswith((".", "/")) and module.split("/")[0] not in _MERGERS


def read_webpack(fs: FileSystem, path: str, *, on_disk: bool) -> ResolutionConfig:
    config = ResolutionConfig()
    tool = "rspack" if is_rspack_config(posixpath.basename(path)) else "webpack"
    evaluated = evaluate_with_node(path) if on_disk else None
    sections = _resolve_sections(evaluated)
    if sections:
        for section in sections:
            add_resolve(config, section.get("modules"), section.get("alias"), path, tool)
        for item in evaluated if isinstance(evaluated, list) else [evaluated]:
            if isinstance(item, dict):
                config.aliases += externals(item.get("externals"), f"{tool} externals", path)
        return config
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        config.unread.append(path)
        return config
    if _built_by_a_package(source):
        config.unread.append(path)  # its resolve section is the factory's, which this read cannot see
    modules: Any = None
    alias: Any = None
    for key, value in static_properties(source, path, frozenset({"resolve", "externals"})):
        if key == "externals":
            config.aliases += externals(value, f"{tool} externals", path)
            continue
        if isinstance(value, dict):
            modules = value.get("modules", modules)
            alias = value.get("alias", alias)
            if value.get("modules") is UNKNOWN or value.get("alias") is UNKNOWN:
                config.unread.append(path)
        elif value is UNKNOWN and key == "resolve":
            config.unread.append(path)
    if isinstance(modules, list) and any(item is UNKNOWN for item in modules):
        config.unread.append(path)  # a folder computed in a way a static read cannot follow
    add_resolve(config, modules, alias, path, tool)
    return config
