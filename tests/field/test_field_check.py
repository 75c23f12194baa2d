"""`check` on the hand-judged field set (tests/field/check: real projects kept as manifests, lockfiles,
configs and import skeletons), from their lockfiles: no false error, and the precision/recall floors
of undeclared-import findings. benchmarks/field_check.py prints the same figures beside knip's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parents[1] / "benchmarks" / "field_check.py"


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("field_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["field_check"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score() -> Any:
    return _load_benchmark().score_nmdoctor()


def test_the_set_is_real_and_judged() -> None:
    field_check = _load_benchmark()
    assert len(field_check.projects()) >= 8
    judged = field_check.judgments()
    assert sum(item["present"] for items in judged.values() for item in items) >= 5


def test_no_false_error(score: Any) -> None:
    assert score.false_error_runs == []
    assert [line for line in score.details if "unjudged error" in line or "false" in line] == []


def test_precision_and_recall_floors(score: Any) -> None:
    tp, fp, missed = sum(score.tp.values()), sum(score.fp.values()), sum(score.missed.values())
    assert tp / (tp + fp) >= 0.97
    assert missed == 0
