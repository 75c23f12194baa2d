"""The kept judgments of `nmdoctor archive`'s first field batch (tests/field/blind/archive-2026-12-06.json):
every case pinned and every item judged, and the final figures benchmarks/field_archive.py prints
(the packed apps are not kept: each pattern has its unit test in tests/unit/archives)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parents[1] / "benchmarks" / "field_archive.py"
KEPT = HERE / "blind" / "archive-2026-12-06.json"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("field_archive", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["field_archive"] = module
    spec.loader.exec_module(module)
    return module


def test_every_case_is_pinned_and_every_item_judged() -> None:
    cases = json.loads(KEPT.read_text())["cases"]
    assert len({case["repository"] for case in cases}) == 11
    for case in cases:
        assert len(case["commit"]) == 40 and case["packer"]
        for item in case["items"]:
            assert item["verdict"] in ("true", "false", "borderline") and item["why"]
            assert item["status"] in ("true", "fixed", "left")


def test_the_final_run_has_no_false_finding_and_no_miss() -> None:
    benchmark = _benchmark()
    cases = json.loads(KEPT.read_text())["cases"]
    final, false_runs, _ = benchmark.score(cases, "final")
    assert false_runs == []
    assert final == {"archive-missing-package": (11, 0, 0), "archive-version-collapsed": (4, 0, 0)}
    first, false_runs, _ = benchmark.score(cases, "first_run")
    assert first["archive-missing-package"] == (9, 379, 2) and len(false_runs) == 7
