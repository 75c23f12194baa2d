"""JSON with comments and trailing commas, as tsconfig.json, jsconfig.json and .babelrc are written."""

from __future__ import annotations

import re
from typing import Any

from nmdoctor.vfs.limits import load_json

__all__ = ["loads_jsonc"]

# Strings are matched first so that "//" or "/*" inside them is kept.
_COMMENTS = re.compile(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING = re.compile(r'"(?:\\.|[^"\\])*"|,(?=\s*[\]}])')


def _keep(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if text.startswith('"') else ""


def loads_jsonc(text: str | bytes) -> Any:
    """Parse JSONC; raises ValueError like ``json.loads`` when it is not valid."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    return load_json(_TRAILING.sub(_keep, _COMMENTS.sub(_keep, text.lstrip("\ufeff"))))
