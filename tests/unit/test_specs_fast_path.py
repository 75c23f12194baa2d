"""The ranges npm writes most (``^1.2.3``, ``~1.2.3``, ``1.2.3``, ``>=1.2.3``, ``*``) are judged
without parsing them with semver: the answers must be semver's (loose, as arborist asks)."""

from __future__ import annotations

import itertools

import nodesemver
import pytest

from nmdoctor.model import specs

NUMBERS = ("0", "1", "2", "10", "01")
VERSIONS = [".".join(parts) for parts in itertools.product(("0", "1", "2", "3", "10"), repeat=3)]
RANGES = [
    f"{operator}{major}.{minor}.{patch}"
    for operator in ("", "^", "~", ">=", "=", ">", "<", "v", "~>")
    for major, minor, patch in itertools.product(NUMBERS, repeat=3)
] + ["*", "", "x", "1.x", "^1.2", ">=1.2.3 <2", "^1.2.3 || ^2.0.0", "^1.2.3-beta.1"]


def _semver(version: str, text: str) -> bool:
    try:
        parsed = nodesemver.make_range(text, loose=True)
    except (ValueError, TypeError):
        return False
    return bool(parsed.test(version, include_prerelease=False))


@pytest.mark.parametrize("text", RANGES)
def test_the_fast_path_answers_as_semver(text: str) -> None:
    bounds = specs._simple_bounds(text)
    if bounds is None:
        return  # semver parses it
    low, high = bounds
    for version in VERSIONS:
        plain = specs._plain_version(version)
        assert plain is not None
        assert (low <= plain and (high is None or plain < high)) == _semver(version, text), (version, text)


@pytest.mark.parametrize("version", ["1.2.3", "1.3.0-beta.1", "2.0.0-0", "v1.2.3", " 1.2.3 ", "01.2.3"])
@pytest.mark.parametrize("text", ["^1.2.3", "~1.2.3", "1.2.3", ">=1.2.3", "*", "=1.2.3"])
def test_satisfies_is_semvers_answer(version: str, text: str) -> None:
    specs.satisfies.cache_clear()
    assert specs.satisfies(version, text) is _semver(version.strip(), text)
