"""The runtime package that ``@babel/plugin-transform-runtime`` makes the compiled code require.

The plugin replaces Babel's inline helpers with ``require("@babel/runtime/helpers/...")`` (and
``@babel/runtime/regenerator``) in every file Babel compiles with that config: the package the
config sits in then needs ``@babel/runtime`` (``@babel/runtime-corejs2`` / ``-corejs3`` with the
``corejs`` option) where node or the bundler looks from its files, as a dependency of its own.
With ``absoluteRuntime`` or ``moduleName`` the helpers come from elsewhere, and with ``helpers`` and
``regenerator`` both ``false`` nothing is injected; options nmdoctor cannot read (a variable) make
the runtime unknown, and nothing is reported.
"""

from __future__ import annotations

import re

from nmdoctor.sources.config_refs import Tool, config_refs, expand_name, json_string_position, package_json_refs
from nmdoctor.sources.imports import ImportKind, ImportSite
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.vfs.limits import load_json

__all__ = ["PLUGIN", "runtime_loads"]

PLUGIN = "@babel/plugin-transform-runtime"
_CONFIGS = (
    "babel.config.js",
    "babel.config.cjs",
    "babel.config.mjs",
    "babel.config.json",
    ".babelrc",
    ".babelrc.json",
    ".babelrc.js",
    ".babelrc.cjs",
)
_COREJS = re.compile(rb"""['"]?corejs['"]?\s*:\s*(?:\{[^}]*?['"]?version['"]?\s*:\s*)?['"]?(\d)""")
_OFF = re.compile(rb"""['"]?(helpers|regenerator)['"]?\s*:\s*false\b""")
_ELSEWHERE = re.compile(rb"""['"]?(absoluteRuntime|moduleName)['"]?\s*:""")


def _offset(source: bytes, line: int, column: int) -> int:
    lines = source.split(b"\n")
    return sum(len(item) + 1 for item in lines[: line - 1]) + column - 1


def _options(source: bytes, start: int) -> bytes | None:
    """The options object that follows the plugin's name string at ``start`` (``['name', {...}]``):
    b"" when none follows, None when something else does (a variable: options unknown)."""
    if source[start : start + 1] not in (b"'", b'"', b"`") and source[start - 1 : start] in (b"'", b'"'):
        start -= 1  # a JSON config's position is that of the string's first character
    quote = source[start : start + 1]
    end = source.find(quote, start + 1)
    if quote not in (b"'", b'"', b"`") or end < 0:
        return None
    rest = source[end + 1 :].lstrip()
    if not rest.startswith(b","):
        return b""  # the name alone, or the end of its entry
    rest = rest[1:].lstrip()
    if rest.startswith((b"'", b'"', b"`", b"[", b"]")):
        return b""  # the next entry of a plugins list (another name, an array), or its end
    if not rest.startswith(b"{"):
        return None  # a variable or a call: the options, or the next plugin, cannot be told
    depth = 0
    for index, char in enumerate(rest[:20_000]):
        depth += char == ord("{")
        depth -= char == ord("}")
        if depth == 0:
            return rest[: index + 1]
    return None


def _runtime(options: bytes) -> str | None:
    if _ELSEWHERE.search(options) or len({found.group(1) for found in _OFF.finditer(options)}) == 2:
        return None
    corejs = _COREJS.search(options)
    version = corejs.group(1).decode() if corejs is not None else None
    return f"@babel/runtime-corejs{version}" if version in ("2", "3") else "@babel/runtime"


def runtime_loads(fs: FileSystem, folder: str) -> list[tuple[str, ImportSite]]:
    """For each babel config of ``folder`` (its root configs and package.json's ``babel``) that
    applies ``@babel/plugin-transform-runtime``, the runtime package its compiled code requires, as
    an import site at the plugin's name in the config."""
    found: list[tuple[str, ImportSite]] = []
    for name in (*_CONFIGS, "package.json"):
        path = f"{folder}/{name}"
        try:
            source = fs.read_bytes(path)
        except FileSystemError:
            continue
        if PLUGIN.encode() not in source and b"transform-runtime" not in source:
            continue
        if name == "package.json":
            try:
                manifest = load_json(source)
            except ValueError:
                continue
            refs = package_json_refs(manifest, source) if isinstance(manifest, dict) else []
        else:
            refs = config_refs(source, name)
        for ref in refs:
            if ref.tool is not Tool.BABEL_PLUGIN or expand_name(ref.name, ref.tool) != PLUGIN:
                continue
            line, column = (ref.line, ref.column) if ref.line else json_string_position(source, ref.name)
            if not line:
                continue
            options = _options(source, _offset(source, line, column))
            runtime = _runtime(options) if options is not None else None
            if runtime is not None:
                found.append((path, ImportSite(runtime, ImportKind.REQUIRE, line, column)))
    return found
