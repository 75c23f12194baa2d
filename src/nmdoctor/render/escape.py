"""Text from a scanned tree (package names, versions, paths, messages) made safe to print.

A package name is whatever a ``package.json`` says, and a path whatever a folder is called: both can
hold ESC (colour, OSC title and hyperlink sequences), BEL, a carriage return or a newline that forges
an "ok" line, bidirectional overrides that reorder what a reader sees, and (from ``surrogateescape``
file names) lone surrogates that no encoder accepts. Each becomes a visible escape.
"""

from __future__ import annotations

import re

__all__ = ["terminal_safe", "unicode_safe"]

# C0 controls, DEL, C1 controls, bidirectional embeddings/overrides/isolates, line and paragraph
# separators, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` on one line with every control character shown as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def unicode_safe(text: str) -> str:
    """``text`` with lone surrogates (undecodable file-name bytes) shown as ``\\udcXX``: encodable as UTF-8."""
    return _SURROGATE.sub(_escape, text)
