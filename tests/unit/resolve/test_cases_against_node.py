"""The expected answers of tests/data/resolve_cases.py, checked against real node on disk."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.casetrees import expected_for, request_for, write_tree
from tests.conftest import requires_node
from tests.data.resolve_cases import CASES

ORACLE = Path(__file__).resolve().parents[2] / "differential" / "oracle.mjs"


@requires_node
@pytest.mark.node
def test_every_case_agrees_with_node(tmp_path: Path) -> None:
    queries = []
    expected = {}
    for index, case in enumerate(CASES):
        root = tmp_path.resolve() / f"case{index}"
        write_tree(case, root)
        queries.append(
            {
                "id": case.name,
                "from": str(root / case.from_),
                "request": request_for(case, str(root)),
                "mode": case.mode,
                "conditions": list(case.conditions),
                "preserveSymlinks": case.preserve_symlinks,
            }
        )
        expected[case.name] = expected_for(case, str(root))
    answers = subprocess.run(
        ["node", str(ORACLE)],
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
            wrong.append(f"{answer['id']}: node says {got}, the case says {expected[answer['id']]}")
    assert not wrong, "\n".join(wrong)
