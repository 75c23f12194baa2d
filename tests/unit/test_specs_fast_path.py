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
# Partial versions, x-ranges, spaced operators, intersections and unions, as real trees write them
# (the peers and engines of a large npm tree), and forms the fast path must leave to semver.
PARTIALS = [
    f"{operator}{version}"
    for operator in ("", "^", "~", ">=", ">", "<", "<=", "=", ">= ", "< ", "~ ", "v", "^v")
    for version in ("0", "1", "2", "10", "0.0", "0.1", "1.0", "1.2", "2.10", "01", "1.01", "1.x", "1.2.x", "x", "1.x.2")
]
SETS = [
    "^1 || ^2",
    "^6.0.0 || ^7.0.0 || ^8.0.0",
    ">= 4",
    ">=0.10.0 <1.0.0",
    ">=1 <19",
    "3.x || 4.x || 5.x",
    "^1.20.0||^2.0.0",
    "^2 || ^3 || ^4 || ^5 || ^6 || ^7.2.0 || ^8 || ^9",
    ">= 2.1.2 < 3.0.0",
    ">=1.2.3 <1.2.3",
    ">1 <=2.1",
    "<1 || >=2",
    "^7.0.0 || ^8.0.0-0",
    "^7.4.0 || ^8.0.0-0 <8.0.0",
    "1.2.3 - 2.0.0",
    "~0.4",
    "2.0.x",
    ">1.2.3 <1.2.5",
    "1 2",
    ">=1.0.0 * <3",
    "^1.2.3+build",
    "1.2.3 ||",
    "|| ^1",
    "^7.0.0-0",
    "^7.0.0-0 || ^8.0.0-0 <8.0.0",
    "^3.0.0 || ^4.0.0 || ^5.0.0 || ^6.0.0 || ^7.0.0 || ^8.0.0-0",
    ">=2.8.0 || >= 3.2.0-dev || >= 3.6.0-beta || >= 3.7.0-beta",
    "^1.0.0-beta.2",
    "5.1.1-v1",
    "7.21.0-placeholder-for-preset-env.2",
    "~1.2.3-rc.1",
    "^0.8.0-beta.0",
    "^0.0.3-alpha",
    ">1.2.3-alpha.1 <=1.2.3",
    "<1.2.3-beta",
    "=1.2.3-beta.01",
    "1.2.3beta",
    ">=2.0.0-alpha <2",
    "1.2.3-a.b-c.10",
    "1.x.x",
    "^1.x.x",
    "1.X.*",
    "1.2.x.x",
]
PRERELEASES = [
    "1.2.3-alpha",
    "1.2.3-alpha.1",
    "1.2.3-alpha.2",
    "1.2.3-beta",
    "1.2.3-beta.1",
    "1.2.3-rc.1",
    "1.2.3-a.b-c.10",
    "1.2.3-a.b-c.9",
    "1.2.3-0",
    "2.0.0-0",
    "2.0.0-alpha",
    "7.0.0-0",
    "7.1.0-beta",
    "8.0.0-0",
    "8.0.0-rc.1",
    "3.6.0-beta",
    "3.6.0-dev",
    "0.8.0-beta.0",
    "0.8.0-beta.1",
    "0.8.1-beta.0",
    "0.0.3-alpha",
    "5.1.1-v1",
    "5.1.1-v2",
    "7.21.0-placeholder-for-preset-env.2",
    "1.0.0-beta.2",
    "1.0.0-beta.10",
    "1.0.0-beta.a",
]
WIDER_VERSIONS = [*VERSIONS, "0.0.1", "0.1.0", "0.4.9", "1.2.4", "1.2.5", "2.1.0", "2.1.1", "4.0.0", "19.0.0", "18.9.9"]


def _semver(version: str, text: str, include_prerelease: bool = False) -> bool:
    try:
        parsed = nodesemver.make_range(text, loose=True)
    except (ValueError, TypeError):
        return False
    return bool(parsed.test(version, include_prerelease=include_prerelease))


@pytest.mark.parametrize("text", RANGES + PARTIALS + SETS)
def test_the_fast_path_answers_as_semver(text: str) -> None:
    bounds = specs._simple_bounds(text)
    if bounds is None:
        return  # semver parses it
    for version in WIDER_VERSIONS + PRERELEASES:
        key = specs._version_key(version)
        assert key is not None
        fast = any(specs._in_set(comparators, key) for comparators in bounds)
        assert fast == _semver(version, text), (version, text)
        if not specs._has_prerelease(key, bounds):  # includePrerelease then changes nothing
            assert fast == _semver(version, text, True), (version, text)


def test_the_fast_path_takes_what_real_trees_write() -> None:
    taken = [text for text in SETS[:11] + ["^1", ">=8", "1", "^8.2", "~0.4", "2.0.x"] if specs._simple_bounds(text)]
    assert len(taken) == 17
    for text in ("1.2.3 - 2.0.0", "^1.2.3+build", "v1", "01", "1.x.2", ">=1.x", "1.2.3beta", "=1.2.3-beta.01"):
        assert specs._simple_bounds(text) is None, text


@pytest.mark.parametrize("text", PARTIALS + SETS)
def test_satisfies_with_the_fast_path_is_semvers_answer(text: str) -> None:
    if specs._x_range_then_number(text) or specs.classify_spec(text).range is None:
        return  # refused before either answers; not a range (a tag) at all
    for version in ["1.2.3", "1.3.0-beta.1", "2.0.0-0", " 1.2.3 ", "0.1.5", "2.1.0", "1.2.3-beta.1", "7.1.0-rc.1"]:
        for include in (False, True):
            specs.satisfies.cache_clear()
            collapsed = "||" in text and "" in [part.strip() for part in text.split("||")]
            expected = _semver(version.strip(), "*" if collapsed else text, include)
            assert specs.satisfies(version, text, include_prerelease=include) is expected, (version, text, include)


@pytest.mark.parametrize("version", ["1.2.3", "1.3.0-beta.1", "2.0.0-0", "v1.2.3", " 1.2.3 ", "01.2.3"])
@pytest.mark.parametrize("text", ["^1.2.3", "~1.2.3", "1.2.3", ">=1.2.3", "*", "=1.2.3"])
def test_satisfies_is_semvers_answer(version: str, text: str) -> None:
    specs.satisfies.cache_clear()
    assert specs.satisfies(version, text) is _semver(version.strip(), text)


@pytest.mark.parametrize("text", PARTIALS + SETS)
def test_range_admits_is_node_semvers_satisfies(text: str) -> None:
    for version in WIDER_VERSIONS + PRERELEASES:
        answer = specs.range_admits(text, version)
        if answer is not None:
            assert answer == nodesemver.satisfies(version, text, loose=True), (version, text)


ENGINES = [">=18", ">= 18.17.0", "^18.18.0 || ^20.9.0 || >=21.1.0", ">=20.19 <21 || >=22.12", "18.x || 20.x", "*", ""]


@pytest.mark.parametrize("range_", [*ENGINES, ">=16 <=22.x", "lts/*"])
def test_node_versions_admitted_by_engines_as_node_semver_admits_them(
    range_: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmdoctor.diagnostics.rules import node_versions

    fast = node_versions._admitted(range_)
    monkeypatch.setattr(node_versions, "range_admits", lambda _range, _version: None)
    assert fast == node_versions._admitted(range_)
    if range_ in ENGINES:  # the ranges projects write are read without node-semver
        assert specs.range_admits(range_, "20.0.0") is not None
