"""Field benchmark: `nmdoctor docker` against hand judgments of real projects' Docker setups.

tests/field/docker/ holds the Docker files of public repositories (pinned, see each SOURCE.json) and
judgments.json, written by hand before the tool was run: per case, the case folder (``dir``, default
the case name), the folder to analyse inside it, the exit
status a correct run has (1 only where a real error exists) and, per item, the code, file, line,
whether the hazard is present and why. A finding matches an item with the same code and file, and
the same line unless the item's line is null. A finding no item covers counts as a false positive.
Borderline items are scored apart. A case's ``compose`` lists a ``-f`` stack (paths from the folder)
for setups whose compose file has no standard name. Cases of ``"set": "held-out"``, ``"held-out-2"``,
``"held-out-3"`` ... ``"held-out-26"``, ``"held-out-27"``, ``"held-out-28"`` were judged after the rules were written,
before running the tool on them; ``--set`` scores one set.

    python benchmarks/field_docker.py [--verbose] [--set first|held-out|held-out-2|...|held-out-28]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from nmdoctor.diagnostics.model import Severity  # noqa: E402
from nmdoctor.docker import docker_findings  # noqa: E402
from nmdoctor.vfs import DiskFS  # noqa: E402

FIELD = REPO / "tests" / "field" / "docker"


@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        present = self.true_positive + self.missed
        return self.true_positive / present if present else 1.0


@dataclass
class Score:
    codes: dict[str, Tally] = field(default_factory=dict)
    borderline: dict[str, Tally] = field(default_factory=dict)
    wrong_exit: list[str] = field(default_factory=list)  # cases whose exit status is not the judged one
    false_error_runs: list[str] = field(default_factory=list)  # exit 1 with no real error
    disagreements: list[str] = field(default_factory=list)


def _matches(item: dict, code: str, file: str | None, line: int | None) -> bool:
    return item["code"] == code and item["file"] == file and (item["line"] is None or item["line"] == line)


def score(only: str | None = None) -> Score:
    """Run nmdoctor docker on every case (or those of one ``set``) and compare with the judgments."""
    judged = json.loads((FIELD / "judgments.json").read_text())
    result = Score()
    for case in judged["cases"]:
        if only is not None and case.get("set", "first") != only:
            continue
        folder = (FIELD / case.get("dir", case["case"]) / case["folder"]).resolve()
        findings = docker_findings(DiskFS(), str(folder), case.get("compose"))
        items = case["items"]
        used: set[int] = set()
        for finding in findings:
            index = next(
                (n for n, item in enumerate(items) if _matches(item, finding.code, finding.from_, finding.line)), None
            )
            item = items[index] if index is not None else None
            if index is not None:
                used.add(index)
            bucket = result.borderline if item is not None and item.get("borderline") else result.codes
            tally = bucket.setdefault(finding.code, Tally())
            if item is not None and item["present"]:
                tally.true_positive += 1
            else:
                tally.false_positive += 1
                result.disagreements.append(
                    f"{case['case']}: unexpected {finding.code} {finding.from_}:{finding.line}: {finding.message}"
                )
        for index, item in enumerate(items):
            bucket = result.borderline if item.get("borderline") else result.codes
            tally = bucket.setdefault(item["code"], Tally())
            if item["present"] and index not in used:
                tally.missed += 1
                result.disagreements.append(f"{case['case']}: missed {item['code']} {item['file']}:{item['line']}")
        exit_status = 1 if any(finding.severity is Severity.ERROR for finding in findings) else 0
        if exit_status != case["exit"]:
            result.wrong_exit.append(case["case"])
            if exit_status == 1:
                result.false_error_runs.append(case["case"])
    return result


def _table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"{title:34} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for code, tally in sorted(tallies.items()):
        print(
            f"{code:34} {tally.true_positive:4} {tally.false_positive:4} {tally.missed:4} "
            f"{tally.precision:10.0%} {tally.recall:8.0%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--set", help="score only one set: first, held-out, held-out-2, ..., held-out-28")
    args = parser.parse_args()
    result = score(args.set)
    cases = [
        case
        for case in json.loads((FIELD / "judgments.json").read_text())["cases"]
        if args.set is None or case.get("set", "first") == args.set
    ]
    repositories = {
        json.loads((FIELD / case.get("dir", case["case"]) / "SOURCE.json").read_text())["repository"] for case in cases
    }
    print(f"{len(cases)} cases from {len(repositories)} repositories in {FIELD.relative_to(REPO)}")
    _table("code", result.codes)
    total = Tally(
        sum(t.true_positive for t in result.codes.values()),
        sum(t.false_positive for t in result.codes.values()),
        sum(t.missed for t in result.codes.values()),
    )
    print(
        f"{'all codes':34} {total.true_positive:4} {total.false_positive:4} {total.missed:4} "
        f"{total.precision:10.0%} {total.recall:8.0%}"
    )
    print()
    _table("borderline items", result.borderline)
    print()
    print(f"runs with the wrong exit status: {len(result.wrong_exit)} {result.wrong_exit}")
    print(f"runs exiting 1 on false errors: {len(result.false_error_runs)} {result.false_error_runs}")
    if args.verbose:
        print()
        print("\n".join(result.disagreements) or "no disagreements")


if __name__ == "__main__":
    main()
