"""Alias tables as webpack, vite/rollup and babel-plugin-module-resolver write them."""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.project.resolution.jsread import Regex
from nmdoctor.project.resolution.model import Alias

__all__ = ["alias_table", "externals", "target_text"]


def target_text(value: Any, folder: str) -> str:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), None)
    if value is False:
        return "false (an empty module)"
    if not isinstance(value, str):
        return "(computed)"
    return posixpath.normpath(posixpath.join(folder, value)) if value.startswith(".") else value


def _regex(value: Any) -> str | None:
    if isinstance(value, Regex):
        return str(value)
    if isinstance(value, dict) and isinstance(value.get("__regex__"), str):
        return str(value["__regex__"])
    return None


def alias_table(value: Any, tool: str, config: str, folder: str, *, dollar_exact: bool = True) -> list[Alias]:
    """``{key: target}`` (webpack's ``key$`` is exact; babel's ``^key`` is a regex) or
    ``[{find, replacement}]`` / ``[{name, alias}]`` (vite/rollup, webpack 5)."""
    aliases: list[Alias] = []
    if isinstance(value, dict):
        for key, target in value.items():
            if not isinstance(key, str) or not key:
                continue
            if dollar_exact and key.endswith("$"):
                aliases.append(Alias(key[:-1], "exact", target_text(target, folder), tool, config))
            elif key.startswith("^") and not dollar_exact:
                aliases.append(Alias(key, "regex", target_text(target, folder), tool, config))
            else:
                aliases.append(Alias(key, "prefix", target_text(target, folder), tool, config))
    elif isinstance(value, list):
        for entry in value:
            if not isinstance(entry, dict):
                continue
            find = entry.get("find", entry.get("name"))
            target = entry.get("replacement", entry.get("alias"))
            pattern = _regex(find)
            if pattern is not None:
                aliases.append(Alias(pattern, "regex", target_text(target, folder), tool, config))
            elif isinstance(find, str) and find:
                exact = entry.get("onlyModule") is True
                aliases.append(Alias(find, "exact" if exact else "prefix", target_text(target, folder), tool, config))
    return aliases


_MODULE_TYPES = ("commonjs", "commonjs2", "commonjs-module", "node-commonjs", "module", "import", "amd", "umd")


def externals(value: Any, tool: str, config: str, depth: int = 0) -> list[Alias]:
    """webpack ``externals`` that name a global of the page (``{jquery: 'jQuery'}``): the script
    tag provides them, nothing resolves them. An external loaded as a module at run time
    (``'commonjs react'``, an array entry, a regex) still needs the package where the bundle runs,
    so it is not an answer."""
    if isinstance(value, list) and depth < 3:
        return [alias for item in value for alias in externals(item, tool, config, depth + 1)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, target in value.items():
        if not isinstance(key, str) or not key or not isinstance(target, str):
            continue
        if target != key and target.split(" ", 1)[0] not in _MODULE_TYPES:
            found.append(Alias(key, "exact", f"the global {target}", tool, config))
    return found
