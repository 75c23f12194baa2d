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

__all__ = ["Spec", "SpecKind", "classify_spec", "range_admits", "satisfies"]


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


@lru_cache(maxsize=8192)
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
        # ``npm:x@latest``: a dist-tag, whose version the registry decides at install time (no range)
        tagged = bool(version) and _valid_range(version) is None
        return Spec(SpecKind.ALIAS, text, name, None if tagged else version or "*")
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


# A version as semver orders it: (major, minor, patch, 1, ()) for a release, and
# (major, minor, patch, 0, identifiers) for a prerelease, which sorts before its release; numeric
# identifiers sort before alphanumeric ones, and a longer list after its prefix.
_Key = tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]
_Comparator = tuple[str, _Key]  # (">=", ">", "<", "<=" or "=", the version compared with)
_IDENTIFIER = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"  # numeric without leading zeros, or not numeric
_PRERELEASE = rf"(?:-({_IDENTIFIER}(?:\.{_IDENTIFIER})*))?"
_VERSION = re.compile(rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}{_PRERELEASE}")
_COMPARATOR = re.compile(
    rf"(\^|~|>=|<=|>|<|=)?(?:{_NUMBER}\.{_NUMBER}\.{_NUMBER}{_PRERELEASE}|{_NUMBER}(?:\.{_NUMBER}(?:\.[xX*])?|(?:\.[xX*]){{1,2}})?|[xX*])"
)
_OPERATOR_SPACE = re.compile(r"(\^|~|>=|<=|>|<|=)\s+")


def _key(major: int, minor: int, patch: int, prerelease: str | None = None) -> _Key:
    if not prerelease:
        return major, minor, patch, 1, ()
    identifiers = tuple((0, int(part)) if part.isdigit() else (1, part) for part in prerelease.split("."))
    return major, minor, patch, 0, identifiers


@lru_cache(maxsize=8192)
def _simple_bounds(text: str) -> tuple[tuple[_Comparator, ...], ...] | None:
    """The comparator sets (joined by ``||``) of the ranges npm, pnpm and yarn write most, as
    node-semver desugars them: ``^1.2.3``, ``~1.2``, ``>=8``, ``> 1.2.3``, ``<=2``, ``1.x``, ``*``,
    ``^7.0.0-0``, intersected within a set (``>=1.2.0 <2``); None for anything else (a hyphen range,
    build metadata, ``v``, leading zeros, an x-range after an operator: semver then parses it).
    Parsing them costs a tree thousands of semver range parses, and semver's import alone a warm
    `check` a twentieth of its time."""
    sets = []
    for comparator_set in text.split("||"):
        comparators: list[_Comparator] = []
        for token in _OPERATOR_SPACE.sub(r"\1", comparator_set.strip()).split():
            found = _comparators(token)
            if found is None:
                return None
            comparators.extend(found)
        sets.append(tuple(comparators))
    return tuple(sets)


def _comparators(token: str) -> tuple[_Comparator, ...] | None:
    found = _COMPARATOR.fullmatch(token)
    if found is None:
        return None
    operator, major_text, minor_text, patch_text, prerelease, partial_major, partial_minor = found.groups()
    if major_text is not None:
        major, minor, patch = int(major_text), int(minor_text), int(patch_text)
        version = _key(major, minor, patch, prerelease)
        if operator in (None, "="):
            return (("=", version),)
        if operator in (">=", ">", "<", "<="):
            return ((operator, version),)
        if operator == "~" or (major == 0 and minor != 0):
            return (">=", version), ("<", _key(major, minor + 1, 0))
        if major == 0:
            return (">=", version), ("<", _key(0, 0, patch + 1))
        return (">=", version), ("<", _key(major + 1, 0, 0))
    if partial_major is None:  # x, X or *: any version
        return None if operator is not None else ()
    if token.rstrip("xX*") != token and operator is not None:
        return None  # ``>=1.x``: semver's own rules
    major = int(partial_major)
    if partial_minor is None:
        first, after = _key(major, 0, 0), _key(major + 1, 0, 0)
    else:
        minor = int(partial_minor)
        first, after = _key(major, minor, 0), _key(major, minor + 1, 0)
        if operator == "^" and major != 0:
            after = _key(major + 1, 0, 0)
    if operator in (None, "=", "^", "~"):
        return (">=", first), ("<", after)
    if operator == ">=":
        return ((">=", first),)
    if operator == ">":
        return ((">=", after),)
    if operator == "<":
        return (("<", first),)
    return (("<", after),)  # <=


def _has_prerelease(version: _Key, sets: tuple[tuple[_Comparator, ...], ...]) -> bool:
    return version[3] == 0 or any(bound[3] == 0 for comparators in sets for _operator, bound in comparators)


def _passes(comparator: _Comparator, version: _Key) -> bool:
    operator, bound = comparator
    if operator == ">=":
        return version >= bound
    if operator == "<":
        return version < bound
    if operator == ">":
        return version > bound
    if operator == "<=":
        return version <= bound
    return version == bound


def _in_set(comparators: tuple[_Comparator, ...], version: _Key) -> bool:
    if not all(_passes(comparator, version) for comparator in comparators):
        return False
    if version[3] == 1:
        return True
    # A prerelease passes only a set that names a prerelease of the same major.minor.patch.
    return any(bound[3] == 0 and bound[:3] == version[:3] for _operator, bound in comparators)


def _version_key(version: str) -> _Key | None:
    found = _VERSION.fullmatch(version)
    if found is None:
        return None
    return _key(int(found.group(1)), int(found.group(2)), int(found.group(3)), found.group(4))


@lru_cache(maxsize=8192)
def _range(text: str) -> nodesemver.Range | None:
    """The parsed range (loose), or None when semver rejects it. Parsed once per text: a large tree
    asks about the same few thousand ranges tens of thousands of times, and parsing dominates."""
    import nodesemver  # loaded by the first range the fast path does not know

    try:
        return nodesemver.make_range(text, loose=True)
    except (ValueError, TypeError):
        return None


def range_admits(range_text: str, version: str) -> bool | None:
    """node-semver's ``satisfies(version, range_text, loose=True)`` for the ranges and versions the
    fast path reads (see ``_simple_bounds``), without loading node-semver; None for the others."""
    sets = _simple_bounds(range_text.strip())
    key = _version_key(version.strip()) if sets is not None else None
    if sets is None or key is None:
        return None
    return any(_in_set(comparators, key) for comparators in sets)


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
    sets = _simple_bounds(text)
    key = _version_key(version.strip()) if sets is not None else None
    # node-semver's includePrerelease answers otherwise than npm's semver 7 where a prerelease is
    # involved (1.0.0-beta.2 satisfies 1.0.0; 1.2.3 fails >1.2.3-alpha.1 <=1.2.3): it is left to
    # answer those as it did.
    if key is not None and sets is not None and include_prerelease and _has_prerelease(key, sets):
        key = None
    if sets is not None and key is not None:
        return any(_in_set(comparators, key) for comparators in sets)
    found = _range(text)
    if found is None:
        return False
    try:
        return bool(found.test(version.strip(), include_prerelease=include_prerelease))
    except (ValueError, TypeError):
        return False
