"""Yarn Plug'n'Play's serialized state: ``.pnp.data.json``, or the JSON string inlined in ``.pnp.cjs``.

The state is read as data, never by running ``.pnp.cjs``: yarn 4 writes either
``const RAW_RUNTIME_STATE = '...';`` (a single-quoted JavaScript string holding the JSON, with
line continuations) or, with ``pnpEnableInlining: false``, a ``.pnp.data.json`` beside it.
``PnpState`` mirrors ``hydrateRuntimeState`` of yarn's pnp runtime: packages by locator, the
location of each locator (the ``packageLocatorsByLocations`` map, ``discardFromLookup`` applied),
the fallback settings and the ignore pattern.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.vfs.limits import load_json

__all__ = [
    "Locator",
    "PackageInformation",
    "PnpError",
    "PnpState",
    "find_pnp_root",
    "parse_pnp_state",
    "read_pnp_state",
    "state_text_from_cjs",
]

PNP_CJS = ".pnp.cjs"
PNP_DATA = ".pnp.data.json"


class PnpError(Exception):
    """The PnP state cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Locator:
    """A package locator: ``name`` and ``reference`` (both None for the top-level locator)."""

    name: str | None
    reference: str | None

    def __str__(self) -> str:
        return f"{self.name}@{self.reference}"


@dataclass(frozen=True, slots=True)
class PackageInformation:
    """One entry of ``packageRegistryData``.

    A dependency maps to a reference, to ``(name, reference)`` for an aliased package, or to
    None for a peer dependency nobody provides.
    """

    location: str  # as serialized: relative to the project, "./.yarn/cache/x.zip/node_modules/x/"
    dependencies: dict[str, str | tuple[str, str] | None]
    peers: frozenset[str]
    link_type: str
    discard_from_lookup: bool = False


@dataclass(slots=True)
class PnpState:
    """The hydrated runtime state of one PnP project rooted at ``base_path``."""

    base_path: VPath
    source: VPath  # the file it was read from
    registry: dict[tuple[str | None, str | None], PackageInformation]
    dependency_tree_roots: tuple[Locator, ...]
    enable_top_level_fallback: bool
    fallback_exclusion_list: dict[str, frozenset[str]]
    fallback_pool: dict[str, str | tuple[str, str] | None]
    ignore_pattern: re.Pattern[str] | None
    # serialized location -> (locator, discardFromLookup), as hydrateRuntimeState builds it
    locators_by_location: dict[str, tuple[Locator, bool]] = field(default_factory=dict)

    def information(self, locator: Locator) -> PackageInformation | None:
        return self.registry.get((locator.name, locator.reference))

    def package_location(self, locator: Locator) -> VPath | None:
        """The absolute folder of a locator (``ppath.join(basePath, packageLocation)``), "/"-ended."""
        info = self.information(locator)
        if info is None:
            return None
        return join_keep_slash(self.base_path, info.location)

    def locators(self) -> list[Locator]:
        """Every locator but the top-level one, in the state's order."""
        return [Locator(name, reference) for name, reference in self.registry if name is not None]


def join_keep_slash(*parts: str) -> str:
    """Node's ``path.posix.join``: normalized, and a trailing "/" kept."""
    joined = "/".join(part for part in parts if part)
    return js_normalize(joined) if joined else "."


def js_normalize(path: str) -> str:
    """Node's ``path.posix.normalize``: like normpath, but a trailing "/" is kept and "//" is "/"."""
    if not path:
        return "."
    result = posixpath.normpath(path)
    if result.startswith("//"):
        result = "/" + result.lstrip("/")
    if path.endswith("/") and not result.endswith("/"):
        result += "/"
    return result


# -- the inlined string --------------------------------------------------------------------------
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_LINE_TERMINATORS = "\n\r\u2028\u2029"


def _js_string(text: str, start: int, source: str) -> str:
    """The value of the JavaScript string literal whose opening quote is at ``text[start]``."""
    quote = text[start]
    out: list[str] = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == quote:
            return "".join(out)
        if char == "\\":
            index += 1
            if index >= len(text):
                break
            escaped = text[index]
            if escaped in _LINE_TERMINATORS:  # a line continuation
                if escaped == "\r" and text[index + 1 : index + 2] == "\n":
                    index += 1
            elif escaped in _SIMPLE_ESCAPES:
                out.append(_SIMPLE_ESCAPES[escaped])
            elif escaped == "x":
                out.append(chr(int(text[index + 1 : index + 3], 16)))
                index += 2
            elif escaped == "u" and text[index + 1 : index + 2] == "{":
                end = text.index("}", index)
                out.append(chr(int(text[index + 2 : end], 16)))
                index = end
            elif escaped == "u":
                out.append(chr(int(text[index + 1 : index + 5], 16)))
                index += 4
            else:
                out.append(escaped)
        elif char in "\n\r":
            raise PnpError(f"{source}: RAW_RUNTIME_STATE: a line ends inside the string")
        else:
            out.append(char)
        index += 1
    raise PnpError(f"{source}: RAW_RUNTIME_STATE: the string never ends")


_RAW_STATE = re.compile(r"\bconst\s+RAW_RUNTIME_STATE\s*=\s*")


def state_text_from_cjs(text: str, source: str) -> str | None:
    """The JSON inlined in a ``.pnp.cjs`` (None when it reads ``.pnp.data.json`` instead)."""
    match = _RAW_STATE.search(text)
    if match is None:
        return None
    start = match.end()
    if start >= len(text) or text[start] not in "'\"":
        raise PnpError(f"{source}: RAW_RUNTIME_STATE is not a string literal")
    try:
        return _js_string(text, start, source)
    except (ValueError, OverflowError):
        raise PnpError(f"{source}: RAW_RUNTIME_STATE holds a malformed escape") from None


# -- hydrateRuntimeState ----------------------------------------------------------------------------
def _reference(value: Any, source: str) -> str | tuple[str, str] | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) == 2 and all(isinstance(item, str) for item in value):
        return (value[0], value[1])
    raise PnpError(f"{source}: a dependency reference is {json.dumps(value)[:60]}")


def _pairs(value: Any, what: str, source: str) -> list[Any]:
    if not isinstance(value, list) or not all(isinstance(item, list) and len(item) == 2 for item in value):
        raise PnpError(f"{source}: {what} is not a list of pairs")
    return value


def parse_pnp_state(data: Any, base_path: VPath, source: str) -> PnpState:
    """``hydrateRuntimeState(data, {basePath})``; raises PnpError on a state it cannot read."""
    if not isinstance(data, dict):
        raise PnpError(f"{source}: the PnP state is not a JSON object")
    registry: dict[tuple[str | None, str | None], PackageInformation] = {}
    by_location: dict[str, tuple[Locator, bool]] = {}
    for name, store in _pairs(data.get("packageRegistryData"), "packageRegistryData", source):
        for reference, info in _pairs(store, f"the entries of {name}", source):
            if (name is None) != (reference is None):
                raise PnpError(f"{source}: {name}: the name and reference should be null, or neither should")
            if not isinstance(info, dict) or not isinstance(info.get("packageLocation"), str):
                raise PnpError(f"{source}: {name}@{reference} has no packageLocation")
            discard = info.get("discardFromLookup") is True
            locator = Locator(name, reference)
            location = info["packageLocation"]
            entry = by_location.get(location)
            if entry is None:
                by_location[location] = (locator, discard)
            else:
                by_location[location] = (entry[0] if discard else locator, entry[1] and discard)
            dependencies = {
                dep: _reference(ref, source)
                for dep, ref in _pairs(info.get("packageDependencies", []), "packageDependencies", source)
            }
            registry[(name, reference)] = PackageInformation(
                location=location,
                dependencies=dependencies,
                peers=frozenset(info.get("packagePeers") or ()),
                link_type=str(info.get("linkType", "HARD")),
                discard_from_lookup=discard,
            )
    roots = tuple(
        Locator(root.get("name"), root.get("reference"))
        for root in data.get("dependencyTreeRoots", [])
        if isinstance(root, dict)
    )
    exclusions = {
        name: frozenset(references)
        for name, references in _pairs(data.get("fallbackExclusionList", []), "fallbackExclusionList", source)
    }
    pool = {name: _reference(ref, source) for name, ref in _pairs(data.get("fallbackPool", []), "fallbackPool", source)}
    pattern_text = data.get("ignorePatternData")
    pattern = None
    if isinstance(pattern_text, str):
        try:
            pattern = re.compile(pattern_text)
        except re.error as error:
            raise PnpError(f"{source}: ignorePatternData is not a pattern nmdoctor can read ({error})") from None
    return PnpState(
        base_path=base_path,
        source=source,
        registry=registry,
        dependency_tree_roots=roots,
        enable_top_level_fallback=data.get("enableTopLevelFallback") is True,
        fallback_exclusion_list=exclusions,
        fallback_pool=pool,
        ignore_pattern=pattern,
        locators_by_location=by_location,
    )


def read_pnp_state(fs: FileSystem, root: VPath) -> PnpState:
    """The state of the PnP project at ``root`` (which holds ``.pnp.cjs``)."""
    cjs = posixpath.join(root, PNP_CJS)
    data_file = posixpath.join(root, PNP_DATA)
    try:
        text = fs.read_bytes(cjs).decode("utf-8")
    except (FileSystemError, UnicodeDecodeError) as error:
        raise PnpError(f"{cjs}: cannot be read ({error})") from None
    source = cjs
    raw = state_text_from_cjs(text, cjs)
    if raw is None:
        source = data_file
        try:
            raw = fs.read_bytes(data_file).decode("utf-8")
        except (FileSystemError, UnicodeDecodeError) as error:
            raise PnpError(f"{data_file}: cannot be read ({error})") from None
    try:
        data = load_json(raw)
    except ValueError as error:
        raise PnpError(f"{source}: the PnP state is not JSON ({error})") from None
    return parse_pnp_state(data, root, source)


def find_pnp_root(fs: FileSystem, start: VPath) -> VPath | None:
    """The nearest folder at or above ``start`` that holds a ``.pnp.cjs`` file (the manager's
    ``findApiPathFor``)."""
    current = start
    while True:
        found = fs.stat(posixpath.join(current, PNP_CJS))
        if found is not None and found.kind.value == "file":
            return current
        if current == "/":
            return None
        current = posixpath.dirname(current)
