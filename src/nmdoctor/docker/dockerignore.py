""".dockerignore matching as Docker does it (moby/patternmatcher).

Patterns are cleaned paths relative to the build context (a leading ``/`` is dropped), matched with
Go's ``filepath.Match`` syntax plus ``**`` (any number of folders); a path is excluded when the last
pattern matching it, or one of its parent folders, is not a ``!`` exception. So ``node_modules``
excludes only the context's own node_modules; workspace folders need ``**/node_modules``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["excluded", "read_patterns"]


def read_patterns(text: str) -> list[tuple[bool, str]]:
    """(exception, cleaned pattern) per line of a .dockerignore."""
    patterns = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = line[1:].strip() if exception else line
        pattern = posixpath.normpath(pattern).lstrip("/")
        if pattern in ("", "."):
            continue
        patterns.append((exception, pattern))
    return patterns


@lru_cache(maxsize=2048)
def _regex(pattern: str) -> re.Pattern[str]:
    out = ["^"]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            index += 2
            if pattern.startswith("/", index):
                out.append("(?:.*/)?")
                index += 1
            else:
                out.append(".*")
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("^") else body) + "]")
                index = end
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append(re.escape(char))
        index += 1
    out.append("$")
    return re.compile("".join(out))


def excluded(patterns: Sequence[tuple[bool, str]], path: str) -> bool:
    """Is ``path`` (relative to the context) left out of the build context?"""
    parts = path.strip("/").split("/")
    prefixes = ["/".join(parts[: count + 1]) for count in range(len(parts))]
    result = False
    for exception, pattern in patterns:
        regex = _regex(pattern)
        if any(regex.match(prefix) for prefix in prefixes):
            result = not exception
    return result
