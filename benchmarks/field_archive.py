"""Precision and recall of `nmdoctor archive` on the hand-judged field batch of packed Electron apps
(tests/field/blind/archive-2026-12-06.json), per code, first run against final, with the runs that
would exit 1 on false errors only.

    python benchmarks/field_archive.py                       # the kept first-run and final findings
    python benchmarks/field_archive.py --rerun CASES.txt     # and a run of this checkout

The packed apps are not kept (each is an install plus a packer run, recorded in the file's "about");
CASES.txt names, one per line, ``CASE ARCHIVE SOURCE`` as that batch made them (relative to the
working folder), and ``--rerun`` checks them again with this checkout's `nmdoctor archive --json`.

Each judged item is a dependency of a packed package (or an import of the app's code) that real node
resolved in the extracted archive and in the source: "true" where the packed app loads nothing or
another version, "false" where it loads what the source does or nothing needs it, "borderline" apart.
A finding at error or warning level on a true item is a true positive, on a false one a false
positive; a true item without one is a miss. Notes (info) are counted apart. `missing-dependency`
(the packed app checked against itself) counts as `archive-missing-package`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

FIELD = Path(__file__).resolve().parents[1] / "tests" / "field" / "blind" / "archive-2026-12-06.json"
RUNS = ("first_run", "final")
_RUN = "import sys; from nmdoctor.cli.entry import run; sys.exit(run())"


def _code(code: str) -> str:
    return "archive-missing-package" if code == "missing-dependency" else code


def score(cases: list[dict[str, Any]], run: str) -> tuple[dict[str, tuple[int, int, int]], list[str], Counter[str]]:
    """Per code (true positives, false positives, misses), the runs exiting 1 on false errors only,
    and the borderline items reported."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    borderline: Counter[str] = Counter()
    false_runs = []
    for case in cases:
        false_error = true_error = False
        for item in case["items"]:
            count = item.get("count", 1)
            code, severity, verdict = item["code"], item.get(run), item["verdict"]
            if verdict == "borderline":
                borderline[code] += count if severity else 0
                continue
            if severity in ("error", "warning"):
                if verdict == "true":
                    tp[code] += count
                    true_error = true_error or severity == "error"
                else:
                    fp[code] += count
                    false_error = false_error or severity == "error"
            elif verdict == "true":
                missed[code] += count
        if false_error and not true_error:
            false_runs.append(case["case"])
    codes = sorted(set(tp) | set(fp) | set(missed))
    return {code: (tp[code], fp[code], missed[code]) for code in codes}, false_runs, borderline


def _ratio(good: int, other: int) -> str:
    return f"{good / (good + other):.3f}" if good + other else "-"


def report(cases: list[dict[str, Any]], run: str) -> None:
    table, false_runs, borderline = score(cases, run)
    print(f"{run}:")
    for code, (tp, fp, missed) in table.items():
        figures = f"precision={_ratio(tp, fp)} recall={_ratio(tp, missed)}"
        print(f"  {code:32} tp={tp:<4} fp={fp:<4} missed={missed:<3} {figures}")
    print(f"  borderline items reported: {dict(borderline)}")
    print(f"  runs exiting 1 on false errors only: {len(false_runs)} {false_runs}")


def _matches(item: dict[str, Any], finding: dict[str, Any]) -> bool:
    if _code(finding["code"]) != item["code"]:
        return False
    request = finding.get("request")
    where = (finding.get("package") or {}).get("path") if finding.get("from") is None else finding.get("from")
    names = item.get("packages") or [item.get("package") or item.get("request")]
    files = item.get("files") or [item.get("file")]
    if item["code"] in ("archive-integrity-mismatch", "archive-native-module-packed"):
        return finding.get("from") in files
    return request in names and (where in files or (where == "." and "package.json" in files))


def rerun(cases: list[dict[str, Any]], listing: Path) -> None:
    """Check the listed archives with this checkout and put the severities found in a "now" run."""
    by_case = {case["case"]: case for case in cases}
    for line in listing.read_text().splitlines():
        if not line.strip():
            continue
        name, archive, source = line.split()
        case = by_case.get(name)
        if case is None:
            continue
        done = subprocess.run(
            [sys.executable, "-c", _RUN, "archive", archive, "--source", source, "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        findings = json.loads(done.stdout)["findings"] if done.stdout.strip() else []
        for item in case["items"]:
            found = [finding["severity"] for finding in findings if _matches(item, finding)]
            item["now"] = next((level for level in ("error", "warning") if level in found), None)
    report([case for case in cases if any("now" in item for item in case["items"])], "now")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rerun", type=Path, help="CASE ARCHIVE SOURCE per line: check them again")
    args = parser.parse_args()
    cases = json.loads(FIELD.read_text())["cases"]
    for run in RUNS:
        report(cases, run)
    if args.rerun is not None:
        rerun(cases, args.rerun)


if __name__ == "__main__":
    main()
