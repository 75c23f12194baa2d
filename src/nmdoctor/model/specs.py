"""Does an installed version satisfy a declared dependency spec, as npm judges it?

Ranges are checked with PyPI ``node-semver`` (a port of npm's ``semver``) in loose mode, as
arborist's dep-valid does, behind the fixes our reference notes list: input trimmed, no
``includePrerelease``, an x-range followed by a number (``1.x.0``) refused as semver 7.8.4+ does,
and a range set holding ``*`` collapsed to ``*``. Specs that are not ranges (tags, aliases, files,
links, workspaces, git and URLs) are classified; only aliases carry a range to check.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nodesemver

__all__ = ["Spec", "SpecKind", "classify_spec", "satisfies"]


class SpecKind(enum.Enum):
    RANGE = "range"
    TAG = "tag"
    ALIAS = "alias"
    FILE = "file"
    LINK = "link"
    WORKSPACE = "workspace"
    GIT = "git"
    URL = "url"
    CATALOG = "catalog"
    OTHER = "other"  # yarn berry protocols: portal:, patch:, exec:


@dataclass(frozen=True, slots=True)
class Spec:
    kind: SpecKind
    text: str
    name: str | None = None  # the aliased package, for npm:name@range
    range: str | None = None  # what a version must satisfy, when there is one


_GIT = re.compile(r"^(git\+|git://|github:|gitlab:|bitbucket:|gist:)|\.git(#.*)?$|^[\w.-]+/[\w.-]+(#.*)?$")
_X_THEN_NUMBER = re.compile(r"^v?\s*(\d+\.[xX*]\.\d|[xX*]\.\d)")
_HYPHEN = re.compile(r"\s-\s")


def _x_range_then_number(text: str) -> bool:
    """semver 7.8.4+ refuses a plain or primitive x-range followed by a number (``1.x.0``, ``>=x.2``);
    caret, tilde and hyphen ranges still accept them."""
    for comparator_set in text.split("||"):
        if _HYPHEN.search(comparator_set):
            continue
        for token in re.sub(r"([<>=]+)\s+", r"\1", comparator_set).split():
            if token.startswith(("^", "~")):
                continue
            if _X_THEN_NUMBER.match(token.lstrip("<>=")):
                return True
    return False


@lru_cache(maxsize=16384)
def classify_spec(spec: str) -> Spec:
    text = spec.strip()
    if text.startswith("npm:"):
        rest = text[4:]
        at = rest.find("@", 1)
        name, version = (rest[:at], rest[at + 1 :]) if at != -1 else (rest, "*")
        return Spec(SpecKind.ALIAS, text, name, version or "*")
    if text.startswith("workspace:"):
        return Spec(SpecKind.WORKSPACE, text)
    if text.startswith("catalog:"):
        return Spec(SpecKind.CATALOG, text)
    if text.startswith(("link:", "portal:")):
        return Spec(SpecKind.LINK, text)
    is_tarball = text.endswith((".tgz", ".tar.gz", ".tar")) and "://" not in text
    if text.startswith(("file:", "./", "../", "/", "~/")) or is_tarball:
        return Spec(SpecKind.FILE, text)
    if text.startswith(("http://", "https://")) and not text.endswith(".git"):
        return Spec(SpecKind.URL, text)
    if _GIT.search(text):
        return Spec(SpecKind.GIT, text)
    if text.startswith(("patch:", "exec:")):
        return Spec(SpecKind.OTHER, text)
    if text == "" or _valid_range(text) is not None:
        return Spec(SpecKind.RANGE, text, range=text or "*")
    return Spec(SpecKind.TAG, text)


def _valid_range(text: str) -> str | None:
    if _simple_bounds(text) is not None:
        return text
    if _x_range_then_number(text):
        return None
    found = _range(text)
    return None if found is None else found.range or "*"


_NUMBER = r"(0|[1-9][0-9]{0,8})"
_SIMPLE_RANGE = re.compile(rf"(\^|~|>=|=)?{_NUMBER}\.{_NUMBER}\.{_NUMBER}")
_PLAIN_VERSION = re.compile(rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}")
_Triple = tuple[int, int, int]


@lru_cache(maxsize=8192)
def _simple_bounds(text: str) -> tuple[_Triple, _Triple | None] | None:
    """(lowest, first excluded or None) of the ranges npm writes most: ``^1.2.3``, ``~1.2.3``,
    ``1.2.3``, ``=1.2.3``, ``>=1.2.3``, ``*``; None for any other (semver then parses it). For a
    version without a prerelease, semver's answer is these bounds (``^0.2.3`` is
    ``>=0.2.3 <0.3.0-0``, ``^0.0.3`` is ``>=0.0.3 <0.0.4-0``); parsing them costs a tree thousands
    of semver range parses."""
    if text == "*":
        return (0, 0, 0), None
    found = _SIMPLE_RANGE.fullmatch(text)
    if found is None:
        return None
    operator = found.group(1)
    low = (int(found.group(2)), int(found.group(3)), int(found.group(4)))
    major, minor, patch = low
    if operator is None or operator == "=":
        return low, (major, minor, patch + 1)
    if operator == ">=":
        return low, None
    if operator == "~" or (operator == "^" and major == 0 and minor != 0):
        return low, (major, minor + 1, 0)
    if operator == "^" and major == 0:
        return low, (0, 0, patch + 1)
    return low, (major + 1, 0, 0)


def _plain_version(version: str) -> _Triple | None:
    found = _PLAIN_VERSION.fullmatch(version)
    return (int(found.group(1)), int(found.group(2)), int(found.group(3))) if found is not None else None


@lru_cache(maxsize=8192)
def _range(text: str) -> nodesemver.Range | None:
    """The parsed range (loose), or None when semver rejects it. Parsed once per text: a large tree
    asks about the same few thousand ranges tens of thousands of times, and parsing dominates."""
    import nodesemver  # loaded by the first range the fast path does not know

    try:
        return nodesemver.make_range(text, loose=True)
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=16384)  # a tree asks the same (version, spec) of several rules
def satisfies(version: str, spec: str, *, include_prerelease: bool = False) -> bool | None:
    """True/False for a range (or an alias's range); None when the spec is not one nmdoctor can judge
    from a version alone (a tag, a path, a workspace, git, a URL). ``include_prerelease``: a
    prerelease satisfies a range its release would (pnpm's and yarn's peer checks)."""
    parsed = classify_spec(spec)
    if parsed.range is None:
        return None
    text = parsed.range.strip()
    if _x_range_then_number(text):
        return False
    if any(part.strip() in ("*", "x", "X", "") for part in text.split("||")) and "||" in text:
        text = "*"  # semver collapses a set that admits anything to "*"
    bounds = _simple_bounds(text)
    plain = _plain_version(version.strip()) if bounds is not None else None
    if bounds is not None and plain is not None:
        low, high = bounds
        return low <= plain and (high is None or plain < high)
    found = _range(text)
    if found is None:
        return False
    try:
        return bool(found.test(version.strip(), include_prerelease=include_prerelease))
    except (ValueError, TypeError):
        return False
