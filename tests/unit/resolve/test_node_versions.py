"""The version rules of nmdoctor.resolve.node.versions, case by case, in memory.

The answers in tests/data/version_cases.py for the pinned versions are checked against the real
binaries by test_node_versions_against_node.py.
"""

from __future__ import annotations

import pytest

from nmdoctor.resolve import ImportKind, ResolveOptions, Resolver
from nmdoctor.resolve.node.versions import LATEST, RULES, NodeVersion, Rule, parse_node_version
from tests.casetrees import MEMORY_ROOT, expected_for, memory_tree, request_for
from tests.data.resolve_cases import Case
from tests.data.version_cases import VERSION_CASES

_PARAMS = [
    pytest.param(item.case, version, answer, id=f"{item.case.name}@{version}")
    for item in VERSION_CASES
    for version, answer in item.answers.items()
]


@pytest.mark.parametrize(("case", "version", "answer"), _PARAMS)
def test_version_case_in_memory(case: Case, version: str, answer: str) -> None:
    fs = memory_tree(case)
    options = ResolveOptions(conditions=case.conditions, node_version=parse_node_version(version))
    kind = ImportKind.IMPORT if case.mode == "esm" else ImportKind.REQUIRE
    result = Resolver(fs, options).resolve(request_for(case, MEMORY_ROOT), f"{MEMORY_ROOT}/{case.from_}", kind)
    expected = expected_for(Case(case.name, case.tree, case.request, answer), MEMORY_ROOT)
    assert (result.resolved, result.error) == expected, result.message


def test_every_rule_has_cases_on_both_sides() -> None:
    """Each rule has a case whose answer changes across the versions it lists (type stripping,
    which changes no resolution, is pinned to agree everywhere instead)."""
    for rule in RULES:
        answers = [item.answers for item in VERSION_CASES if item.rule is rule]
        assert answers, f"no case for {rule.name}"
        if rule.name != "type-stripping":
            assert any(len(set(found.values())) > 1 for found in answers), f"{rule.name}: no case shows the change"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", LATEST[20]),
        ("26", LATEST[26]),
        ("v22.12.0", NodeVersion(22, 12, 0)),
        ("24.3", NodeVersion(24, 3, 0)),
        ("18", NodeVersion(18, 999, 999)),
    ],
)
def test_parse_node_version(text: str, expected: NodeVersion) -> None:
    assert parse_node_version(text) == expected


@pytest.mark.parametrize("text", ["", "lts", "22.x", "v", "22.1.2.3", ">=20"])
def test_parse_node_version_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a node version"):
        parse_node_version(text)


def test_rule_since_per_release_line() -> None:
    rule = RULES[0]  # require(esm): 20.19.0 and 22.12.0
    assert not NodeVersion(20, 18, 3).has(rule)
    assert NodeVersion(20, 19, 0).has(rule)
    assert not NodeVersion(21, 7, 0).has(rule)
    assert not NodeVersion(22, 11, 0).has(rule)
    assert NodeVersion(22, 12, 0).has(rule)
    assert NodeVersion(26, 0, 0).has(rule)
    assert not NodeVersion(18, 20, 0).has(rule)


def test_rule_until_is_exclusive() -> None:
    rule = Rule("legacy", (NodeVersion(20, 0, 0),), "gone in 26", until=NodeVersion(26, 0, 0))
    assert NodeVersion(24, 22, 3).has(rule)
    assert not NodeVersion(26, 0, 0).has(rule)
    assert not NodeVersion(18, 0, 0).has(rule)


def test_null_package_json_on_node_20_is_an_empty_package() -> None:
    """Deliberate: node 20.20.2 crashes with a code-less TypeError here; nmdoctor reads no fields."""
    fs = memory_tree(Case("null", {"node_modules/nul/package.json": "null", "node_modules/nul/index.js": ""}, "", ""))
    result = Resolver(fs, ResolveOptions(node_version=LATEST[20])).resolve("nul", f"{MEMORY_ROOT}/index.js")
    assert result.resolved == f"{MEMORY_ROOT}/node_modules/nul/index.js"
