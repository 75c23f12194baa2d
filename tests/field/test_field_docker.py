"""Guards the field result of `nmdoctor docker` (benchmarks/field_docker.py) on tests/field/docker."""

from __future__ import annotations

from benchmarks.field_docker import score


def test_precision_recall_and_exit_status_on_the_field_set() -> None:
    result = score()
    low = {
        code: (round(tally.precision, 2), round(tally.recall, 2))
        for code, tally in result.codes.items()
        if tally.precision < 0.95 or tally.recall < 0.90
    }
    assert low == {}, result.disagreements
    assert result.false_error_runs == []
    assert result.wrong_exit == []
    assert sum(tally.true_positive for tally in result.codes.values()) >= 30
