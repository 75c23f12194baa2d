"""Bounds on what a reader accepts from a scanned tree: nesting depth, alias expansion, sizes.

Every file nmdoctor reads comes from a tree it does not control. Without bounds, 50,000 nested
brackets crash PyYAML's C composer (it recurses on the C stack: SIGSEGV, no message), a deeply
nested package.json ends in a RecursionError far from the file, a lockfile whose packages all alias
one big map (``&deps`` / ``*deps``) makes every later walk quadratic, and an archive member can
inflate a thousandfold. Each limit here is far above anything a package manager writes; crossing one
is a ``LimitError`` (a ``ValueError``, so the readers' existing "not valid JSON/YAML" paths report it
as ``FILE: problem``).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_HEADER_BYTES",
    "MAX_MEMBER_BYTES",
    "LimitError",
    "check_json_depth",
    "check_yaml_events",
    "load_json",
    "yaml_needs_scan",
]

MAX_DEPTH = 200  # nesting of objects/arrays/mappings/sequences (npm, pnpm and yarn write fewer than 10)
MAX_ALIAS_NODES = 200_000  # nodes that YAML aliases stand for, beyond the document's own
MAX_MEMBER_BYTES = 256 << 20  # one file inside a zip/tar/asar, once decompressed
MAX_HEADER_BYTES = 64 << 20  # an asar header, a tar header (pax, GNU long names)


class LimitError(ValueError):
    """The input crosses one of the bounds above."""


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: the same strings, 3x faster
_BRACKET = re.compile(r"[\[\]{}]")


def check_json_depth(text: str) -> None:
    """Raise ``LimitError`` when JSON ``text`` nests deeper than ``MAX_DEPTH`` (strings are skipped exactly)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    brackets = _BRACKET.findall(_STRING.sub("", text))
    steps = (1 if bracket in "[{" else -1 for bracket in brackets)
    if max(accumulate(steps, initial=0)) > MAX_DEPTH:
        raise LimitError(f"nested deeper than {MAX_DEPTH} levels")


def load_json(text: str | bytes, **options: Any) -> Any:
    """``json.loads`` with bounded nesting (a ``ValueError`` otherwise, never a RecursionError)."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8-sig")
    check_json_depth(text)
    try:
        return json.loads(text, **options)
    except RecursionError:
        raise LimitError(f"nested deeper than {MAX_DEPTH} levels") from None


# A YAML alias is "*name" right after the start of a line, a space, or a flow indicator.
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}]", re.MULTILINE)
_INDENT = re.compile(r"^ +", re.MULTILINE)
_COMPACT = re.compile(r"(?:[-?] +){16,}")
_BRACKET_LINE = re.compile(r"^.*[\[\]{}].*$", re.MULTILINE)
# A quoted scalar starts a token: at the line's start, after whitespace or a flow indicator.
_QUOTED = re.compile(r"(?<![^\s\[{,:])(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*')")
_BRACKETS = frozenset("[]{}")


def _flow_depth_bound(text: str) -> int:
    """How deep flow collections (``[``, ``{``) nest, when every one opens and closes on one line
    (pnpm's ``resolution: {integrity: ...}``: thousands of brackets, one level): the deepest line.
    Anything it cannot bound so counts as unbounded: a flow over several lines, a stray closing
    bracket, a quote that opens no quoted scalar ending on the line, a bracket inside a quoted
    scalar or a comment (which could hide one that nests)."""
    unbounded = len(text)
    deepest = 0
    for line in _BRACKET_LINE.findall(text):
        pieces = []
        start = 0
        for quoted in _QUOTED.finditer(line):
            if not _BRACKETS.isdisjoint(quoted.group()):
                return unbounded
            pieces.append(line[start : quoted.start()])
            start = quoted.end()
        pieces.append(line[start:])
        bare = "".join(pieces)
        if '"' in bare or "'" in bare:
            return unbounded
        code, _hash, comment = bare.partition(" #")
        if not _BRACKETS.isdisjoint(comment) or (code.startswith("#") and not _BRACKETS.isdisjoint(code)):
            return unbounded
        depth = 0
        for char in code:
            if char in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in "]}":
                depth -= 1
                if depth < 0:
                    return unbounded
        if depth != 0:
            return unbounded
    return deepest


def yaml_needs_scan(text: str) -> bool:
    """Whether ``text`` could nest past ``MAX_DEPTH`` or hold aliases; if not, the event scan is skipped.

    An upper bound on block nesting: each column of indentation holds at most a mapping and a
    sequence, plus compact ``- - -`` entries on one line; flow nesting is at most the number of
    ``[`` and ``{``. Either bound high, or any alias, sends the text to ``check_yaml_events``.
    """
    if _ALIAS.search(text):
        return True
    if text.count("[") + text.count("{") > MAX_DEPTH // 2 and _flow_depth_bound(text) > MAX_DEPTH // 2:
        return True
    indent = max((len(found) for found in _INDENT.findall(text)), default=0)
    return 2 * (indent + 1) > MAX_DEPTH // 2 or _COMPACT.search(text) is not None


def check_yaml_events(events: Any) -> None:
    """Walk a YAML event stream (libyaml's parser is iterative, so any depth is safe here).

    Raises ``LimitError`` when collections nest deeper than ``MAX_DEPTH`` or aliases stand for more
    than ``MAX_ALIAS_NODES`` nodes (an alias counts the size of what it names, aliases inside
    included: the quadratic ``*deps`` and the exponential "billion laughs" both stop early).
    """
    import yaml

    depth = 0
    weight = 0  # nodes, with every alias counted as the nodes it stands for
    expanded = 0
    anchors: dict[str, int] = {}
    open_anchors: list[tuple[str | None, int]] = []
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(f"nested deeper than {MAX_DEPTH} levels")
            open_anchors.append((event.anchor, weight))
            weight += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, start = open_anchors.pop()
            if anchor is not None:
                anchors[anchor] = weight - start
        elif isinstance(event, yaml.ScalarEvent):
            weight += 1
            if event.anchor is not None:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = anchors.get(event.anchor, 1)
            weight += size
            expanded += size
            if expanded > MAX_ALIAS_NODES:
                raise LimitError(f"aliases expand to more than {MAX_ALIAS_NODES} nodes")
