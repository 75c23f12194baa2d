"""String and JSON rules of enhanced-resolve 5.27.0 that bundler mode has to reproduce exactly.

enhanced-resolve works on path *strings*: its ``join`` keeps a trailing ``/`` (node's
``path.posix.normalize``), its ``cdUp`` and ``getPaths`` cut strings, and several of its checks
compare those strings (``request.path !== request.descriptionFileRoot``). It reads
``package.json`` with ``JSON.parse``, so key order follows JavaScript (integer-like keys first) and
JavaScript truthiness decides whether a field is there. This module ports those pieces; nothing in
it touches a filesystem.
"""

from __future__ import annotations

import enum
import json
import math
import re
from typing import Any

from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.fileurl import file_url_to_path, path_to_file_url, url_resolve
from nmdoctor.vfs.limits import load_json

__all__ = [
    "UNDEFINED",
    "BundlerError",
    "PathType",
    "cd_up",
    "get_field",
    "get_paths",
    "get_type",
    "is_relative_request",
    "join",
    "js_replace_first",
    "js_truthy",
    "json_parse",
    "json_stringify",
    "normalize",
    "parse_identifier",
    "posix_normalize",
]


class BundlerError(Exception):
    """An error enhanced-resolve raises (it aborts the whole resolution, unlike "not found").

    ``thrown``: JavaScript throws it (a TypeError and the like) instead of passing it to a callback,
    so an exports or imports plugin further up the JavaScript stack catches it and adds its
    "(see exports field in ...)" (``core.Core.do``).
    """

    def __init__(self, message: str, *, thrown: bool = False) -> None:
        super().__init__(message)
        self.thrown = thrown


class _Undefined:
    """JavaScript's ``undefined``, where it must be told apart from JSON ``null`` (``None``)."""

    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False


UNDEFINED: Any = _Undefined()


class PathType(enum.IntEnum):
    """enhanced-resolve's ``PathType`` (util/path.js)."""

    EMPTY = 0
    NORMAL = 1
    RELATIVE = 2
    ABSOLUTE_WIN = 3
    ABSOLUTE_POSIX = 4
    INTERNAL = 5


def _is_letter(char: str) -> bool:
    return ("A" <= char <= "Z") or ("a" <= char <= "z")


def get_type(path: str) -> PathType:
    """What kind of request or path ``path`` is (``getType``)."""
    length = len(path)
    if length == 0:
        return PathType.EMPTY
    c0 = path[0]
    if length == 1:
        return {".": PathType.RELATIVE, "/": PathType.ABSOLUTE_POSIX, "#": PathType.INTERNAL}.get(c0, PathType.NORMAL)
    c1 = path[1]
    if length == 2:
        if c0 == ".":
            return PathType.RELATIVE if c1 in "./" else PathType.NORMAL
        if c0 == "/":
            return PathType.ABSOLUTE_POSIX
        if c0 == "#":
            return PathType.INTERNAL
        if c1 == ":" and _is_letter(c0):
            return PathType.ABSOLUTE_WIN
        if c0 == "\\" and c1 == "\\":
            return PathType.ABSOLUTE_WIN
        return PathType.NORMAL
    if c0 == ".":
        if c1 == "/":
            return PathType.RELATIVE
        if c1 == ".":
            return PathType.RELATIVE if path[2] == "/" else PathType.NORMAL
        return PathType.NORMAL
    if c0 == "/":
        return PathType.ABSOLUTE_POSIX
    if c0 == "#":
        return PathType.INTERNAL
    if c1 == ":" and path[2] in "\\/" and _is_letter(c0):
        return PathType.ABSOLUTE_WIN
    if c0 == "\\" and c1 == "\\":
        return PathType.ABSOLUTE_WIN
    return PathType.NORMAL


def posix_normalize(path: str) -> str:
    """node's ``path.posix.normalize`` (keeps a trailing ``/``, unlike ``posixpath.normpath``)."""
    if not path:
        return "."
    absolute = path[0] == "/"
    trailing = path[-1] == "/"
    out: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if out and out[-1] != "..":
                out.pop()
            elif not absolute:
                out.append("..")
            continue
        out.append(segment)
    result = "/".join(out)
    if not result:
        if absolute:
            return "/"
        return "./" if trailing else "."
    if trailing:
        result += "/"
    return "/" + result if absolute else result


def _win_normalize(path: str) -> str:
    # Windows paths never name anything on the POSIX trees nmdoctor reads; a stable spelling is enough.
    return path.replace("/", "\\")


def normalize(path: str) -> str:
    """enhanced-resolve's ``normalize``: relative paths keep their ``./``."""
    kind = get_type(path)
    if kind is PathType.EMPTY:
        return path
    if kind is PathType.ABSOLUTE_WIN:
        return _win_normalize(path)
    if kind is PathType.RELATIVE:
        result = posix_normalize(path)
        return result if get_type(result) is PathType.RELATIVE else "./" + result
    return posix_normalize(path)


def join(root: str, request: str | None) -> str:
    """enhanced-resolve's ``join(rootPath, request)``."""
    if not request:
        return normalize(root)
    request_type = get_type(request)
    if request_type is PathType.ABSOLUTE_POSIX:
        return posix_normalize(request)
    if request_type is PathType.ABSOLUTE_WIN:
        return _win_normalize(request)
    root_type = get_type(root)
    if root_type in (PathType.NORMAL, PathType.RELATIVE, PathType.ABSOLUTE_POSIX):
        return posix_normalize(f"{root}/{request}")
    if root_type is PathType.ABSOLUTE_WIN:
        return _win_normalize(f"{root}\\{request}")
    if request_type is PathType.RELATIVE:
        result = posix_normalize(root)
        return result if get_type(result) is PathType.RELATIVE else "./" + result
    return posix_normalize(root)


def cd_up(directory: str) -> str | None:
    """The folder above ``directory`` by cutting at its last separator (``cdUp``); None at the top."""
    if len(directory) <= 1:
        return None
    for index in range(len(directory) - 1, -1, -1):
        if directory[index] in "/\\":
            return directory[: index or 1]
    return None


_PATH_PARTS = re.compile(r"(.*?[\\/]+)")


def get_paths(path: str) -> tuple[list[str], list[str]]:
    """``path`` and every folder above it, and the segment each one adds (``getPaths``)."""
    if path == "/":
        return ["/"], [""]
    parts = _PATH_PARTS.split(path)
    paths = [path]
    segments = [parts[-1]]
    part = parts[-1]
    path = path[: max(0, len(path) - len(part) - 1)]
    index = len(parts) - 2
    while index > 2:
        paths.append(path)
        part = parts[index]
        path = path[: max(0, len(path) - len(part))] or "/"
        segments.append(part[:-1])
        index -= 2
    if len(parts) > 1:
        segments.append(parts[1])
        paths.append(parts[1])
    return paths, segments


def is_relative_request(request: str) -> bool:
    """``.``, ``..``, ``./x`` or ``../x`` (``isRelativeRequest``)."""
    return request in (".", "..") or request.startswith(("./", "../"))


_FILE_URL = re.compile(r"file:/", re.IGNORECASE)
_LINE = r"[^\n\r\u2028\u2029]"  # JavaScript's "." without the s flag
_ESCAPED = re.compile(rf"^(#?(?:\0{_LINE}|[^?#\0])*)(\?(?:\0{_LINE}|[^#\0])*)?(#{_LINE}*)?\Z")
_ZERO_ESCAPE = re.compile(r"\0(.)", re.DOTALL)


def _file_url_to_path(url: str) -> str:
    try:
        return file_url_to_path(url_resolve(url, path_to_file_url("/")))
    except ResolutionError as error:
        raise BundlerError(str(error), thrown=True) from None


def parse_identifier(identifier: Any) -> tuple[str, str, str] | None:
    """Split a request into path, ``?query`` and ``#fragment`` (``parseIdentifier``).

    A ``#`` in the first character is part of the path (``#internal`` imports); ``\\0`` escapes the
    next character. ``file:`` URLs become paths first.
    """
    if not identifier:
        return None
    if not isinstance(identifier, str):
        # JavaScript would call .charCodeAt on it and throw a TypeError.
        raise BundlerError(f"TypeError: request is not a string: {identifier!r}", thrown=True)
    if _FILE_URL.match(identifier):
        identifier = _file_url_to_path(identifier)
    if "\0" in identifier:
        match = _ESCAPED.match(identifier)
        if match is None:
            return None
        return (
            _ZERO_ESCAPE.sub(r"\1", match.group(1)),
            _ZERO_ESCAPE.sub(r"\1", match.group(2)) if match.group(2) else "",
            match.group(3) or "",
        )
    scan = 0
    if identifier[0] == "\\" and len(identifier) >= 4 and identifier[1] == "\\" and identifier[3] == "\\":
        scan = 4 if identifier[2] in "?." else 0
    query_at = identifier.find("?", scan)
    fragment_at = identifier.find("#", scan or 1)
    if fragment_at < 0:
        if query_at < 0:
            return identifier, "", ""
        return identifier[:query_at], identifier[query_at:], ""
    if query_at < 0 or fragment_at < query_at:
        return identifier[:fragment_at], "", identifier[fragment_at:]
    return identifier[:query_at], identifier[query_at:fragment_at], identifier[fragment_at:]


def js_replace_first(text: str, pattern: str, replacement: str) -> str:
    """``text.replace(pattern, replacement)`` for a string pattern: the first match only, with
    JavaScript's ``$$``, ``$&``, ``$``` and ``$'`` in the replacement."""
    at = text.find(pattern)
    if at < 0:
        return text
    out: list[str] = []
    index = 0
    while index < len(replacement):
        char = replacement[index]
        if char == "$" and index + 1 < len(replacement):
            following = replacement[index + 1]
            special = {"$": "$", "&": pattern, "`": text[:at], "'": text[at + len(pattern) :]}.get(following)
            if special is not None:
                out.append(special)
                index += 2
                continue
        out.append(char)
        index += 1
    return text[:at] + "".join(out) + text[at + len(pattern) :]


# -- JSON as JavaScript sees it ------------------------------------------------------------------

_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")


def _is_array_index(key: str) -> bool:
    return _ARRAY_INDEX.fullmatch(key) is not None and int(key) < 4294967295


def _js_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object with JavaScript's own-key order: integer-like keys first, ascending."""
    values: dict[str, Any] = {}
    for key, value in pairs:
        values[key] = value  # a repeated key keeps its first place and its last value, as JSON.parse
    indexes = sorted((key for key in values if _is_array_index(key)), key=int)
    if not indexes:
        return values
    ordered = {key: values[key] for key in indexes}
    ordered.update((key, value) for key, value in values.items() if key not in ordered)
    return ordered


def _reject_constant(name: str) -> Any:
    raise ValueError(f"Unexpected token {name[0]} in JSON")


def json_parse(data: bytes) -> Any:
    """``JSON.parse(buffer.toString("utf8"))``: a byte-order mark, NaN or an empty file is an error."""
    text = data.decode("utf-8", errors="replace")
    return load_json(text, object_pairs_hook=_js_object, parse_constant=_reject_constant)


def json_stringify(value: str | list[str]) -> str:
    """``JSON.stringify`` of a string or a list of strings (as error messages print them)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness of a JSON value (``{}`` and ``[]`` are truthy; ``0`` and ``""`` are not)."""
    if value is None or value is UNDEFINED or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, int | float):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def get_field(content: Any, field: str | tuple[str, ...]) -> Any:
    """``DescriptionFileUtils.getField``: ``content[field]``, or a nested path for a tuple.

    Only a JSON object's own keys are seen (JavaScript would also see ``Object.prototype``).
    """
    if not js_truthy(content):
        return UNDEFINED
    if isinstance(field, tuple):
        current = content
        for key in field:
            if not isinstance(current, dict | list):
                return None
            current = current.get(key, UNDEFINED) if isinstance(current, dict) else UNDEFINED
        return current
    return content.get(field, UNDEFINED) if isinstance(content, dict) else UNDEFINED
