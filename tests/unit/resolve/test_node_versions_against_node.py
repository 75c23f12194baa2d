"""The answers of tests/data/version_cases.py, checked against each pinned real node binary."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.casetrees import expected_for, request_for, write_tree
from tests.data.resolve_cases import Case
from tests.data.version_cases import VERSION_CASES
from tests.differential.nodes import MAJORS, node_binary
from tests.old_nodes import OLD_VERSIONS, real_node

ORACLE = Path(__file__).resolve().parents[2] / "differential" / "oracle.mjs"


@pytest.mark.node
@pytest.mark.parametrize("major", MAJORS)
def test_version_cases_agree_with_real_node(major: str, tmp_path: Path) -> None:
    binary = node_binary(major)
    if binary is None:
        pytest.skip(f"node {major} could not be installed here (npm ci --prefix tests/node_tools/versions)")
    _agree(binary, major, tmp_path)


@pytest.mark.node
@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_version_cases_agree_with_old_real_node(version: str, tmp_path: Path) -> None:
    """The answers given for an exact older version (20.18.3, 22.12.0 ...), against that binary."""
    binary = real_node(version)
    if binary is None:
        pytest.skip(f"node {version} could not be installed here (npm ci --prefix tests/node_tools/old)")
    _agree(binary, version, tmp_path)


def _agree(binary: Path, major: str, tmp_path: Path) -> None:
    queries = []
    expected = {}
    for index, item in enumerate(VERSION_CASES):
        if major not in item.answers:
            continue
        case = item.case
        root = tmp_path.resolve() / f"case{index}"
        write_tree(case, root)
        queries.append(
            {
                "id": case.name,
                "from": str(root / case.from_),
                "request": request_for(case, str(root)),
                "mode": case.mode,
                "conditions": list(case.conditions),
                "preserveSymlinks": False,
            }
        )
        expected[case.name] = expected_for(Case(case.name, {}, "", item.answers[major]), str(root))
    answers = subprocess.run(
        [str(binary), str(ORACLE)],
        input="".join(json.dumps(query) + "\n" for query in queries),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    wrong = []
    for line in answers.splitlines():
        answer = json.loads(line)
        got = (answer["resolved"], answer["error"])
        if got != expected[answer["id"]]:
            wrong.append(f"{answer['id']}: node {major} says {got}, the case says {expected[answer['id']]}")
    assert not wrong, "\n".join(wrong)
