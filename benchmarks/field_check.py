"""Precision and recall of `nmdoctor check` on the hand-judged field set (tests/field/check), per
code, with the runs that would exit 1 on false errors, and knip's figures on the same kept files.

    python benchmarks/field_check.py                  # nmdoctor only
    python benchmarks/field_check.py --knip DIR --installed /tmp/field-check
        # and knip (installed with `npm install --prefix DIR --ignore-scripts knip@6.48.0`), run on
        # copies of the kept projects installed from their lockfiles with scripts off (knip loads
        # the projects' configs and plugins from node_modules); `--install` makes those copies.

Each project is checked from its lockfile (`check --lockfile`), as CI can without installing.
Scoring covers findings about the project's own source and configs (installed packages' own
code and the tree are other questions): a finding at error or warning level that matches a
judgment (same file and line) judged present is a true positive; one judged absent (or not
judged) a false positive; a judged-present item without such a finding a miss. Notes ("info":
undecidable) and reports on items judged borderline are counted apart (a borderline item is never
a miss). Every check runs, as `check` runs them: an error of another code (the tree's: missing-
dependency, version-mismatch, string-module-reference...) is judged present nowhere, so it counts
as a false error of its run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nmdoctor.api import check
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.vfs import DiskFS

FIELD = Path(__file__).resolve().parents[1] / "tests" / "field" / "check"
CODES = ("phantom-dependency", "unresolvable-import")


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    false_error_runs: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0


def judgments() -> dict[str, list[dict[str, Any]]]:
    data = json.loads((FIELD / "judgments.json").read_text())["judgments"]
    by_project: dict[str, list[dict[str, Any]]] = {}
    for item in data:
        by_project.setdefault(item["project"], []).append(item)
    return by_project


def projects() -> list[str]:
    return sorted(path.parent.name for path in FIELD.glob("*/SOURCE.json"))


def nmdoctor_findings(project: str, installed: Path | None = None) -> list[Finding]:
    """`check --lockfile` on the kept project, or `check` on its installed copy (node_modules read):
    every check, as the CLI runs them (the tree's codes too: an error there fails the run)."""
    if installed is not None:
        graph = load_graph(str(installed / project))
    else:
        graph = load_graph(str(FIELD / project / "project"), from_lockfile=True)
    return check(graph, fs=DiskFS())


def score_nmdoctor(installed: Path | None = None) -> Score:
    score = Score()
    judged = judgments()
    for project in projects():
        start = time.perf_counter()
        found = nmdoctor_findings(project, installed)
        score.seconds += time.perf_counter() - start
        items = {(item["file"], item["line"]): item for item in judged.get(project, [])}
        hit: set[tuple[str, int]] = set()
        false_error = False
        real_error = False
        for finding in found:
            if finding.code not in CODES:
                if finding.severity is Severity.ERROR:  # none is judged present: each is a false error
                    false_error = True
                    score.details.append(f"{project}: unjudged error {finding.code} {finding.message}")
                continue
            if not finding.from_ or finding.from_.startswith("node_modules/") or "/node_modules/" in finding.from_:
                continue  # about installed packages, not the project's own source or config
            key = (finding.from_ or "", finding.line or 0)
            item = items.get(key)
            if item is not None and item.get("borderline"):
                score.notes["borderline"] += 1
                continue
            if finding.severity is Severity.INFO:
                score.notes["present" if item and item["present"] else "absent"] += 1
                continue
            if item is not None and item["present"] and item["code"] == finding.code:
                score.tp[finding.code] += 1
                hit.add(key)
                real_error |= finding.severity is Severity.ERROR
            else:
                score.fp[finding.code] += 1
                false_error |= finding.severity is Severity.ERROR
                score.details.append(f"{project}: false {finding.code} {key[0]}:{key[1]} {finding.request}")
        for key, item in items.items():
            if item["present"] and key not in hit and not item.get("borderline"):  # borderline: scored apart
                score.missed[item["code"]] += 1
                score.details.append(f"{project}: missed {item['code']} {key[0]}:{key[1]} {item['package']}")
        if false_error and not real_error:
            score.false_error_runs.append(project)
    return score


TOOLS = FIELD.parents[2] / "tests" / "node_tools" / "node_modules"


def install_copies(dest: Path) -> None:
    """Copy each kept project to ``dest/NAME`` and install it from its lockfile, scripts off."""
    for project in projects():
        target = dest / project
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(FIELD / project / "project", target, symlinks=True)
        if (target / "pnpm-lock.yaml").exists():
            command = [str(TOOLS / ".bin" / "pnpm"), "install", "--frozen-lockfile", "--ignore-scripts"]
            command += ["--config.minimum-release-age=0", "--config.manage-package-manager-versions=false"]
        elif (target / "yarn.lock").exists():
            lock = target / "yarn.lock"  # a mirror the lockfile names may be unreachable: same tarballs
            lock.write_text(
                lock.read_text().replace("https://registry.npmmirror.com/", "https://registry.yarnpkg.com/")
            )
            command = ["node", str(TOOLS / "yarn" / "bin" / "yarn.js"), "install", "--frozen-lockfile"]
            command += ["--ignore-scripts", "--ignore-engines", "--non-interactive"]
        else:
            command = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps"]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=target, capture_output=True, text=True, check=False, timeout=1800)
        print(f"{project}: installed in {time.perf_counter() - start:.0f}s (exit {done.returncode})")


def knip_issues(knip: Path, project: str, installed: Path | None) -> list[tuple[str, str, int]]:
    """(kind, file, line) of knip's unlisted and unresolved reports on the kept project."""
    folder = installed / project if installed else FIELD / project / "project"
    done = subprocess.run(
        [str(knip / "node_modules" / ".bin" / "knip"), "--include", "unlisted,unresolved", "--reporter", "json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    # a config knip loads may print to standard output first; the report is the last line
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    try:
        report = json.loads(lines[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"knip failed on {project}: {done.stderr.strip()[:300]}") from None
    issues = []
    for entry in report.get("issues", []):
        for kind in ("unlisted", "unresolved"):
            for item in entry.get(kind, []) or []:
                issues.append((kind, entry["file"], int(item.get("line") or 0)))
    return issues


def score_knip(knip: Path, installed: Path | None) -> Score:
    score = Score()
    judged = judgments()
    for project in projects():
        start = time.perf_counter()
        issues = knip_issues(knip, project, installed)
        score.seconds += time.perf_counter() - start
        items = judged.get(project, [])
        hit = set()
        for kind, file, line in issues:
            matches = [item for item in items if item["file"] == file and (item["line"] == line or not line)]
            if matches and all(item.get("borderline") for item in matches):
                score.notes["borderline"] += 1
                continue
            if any(item["present"] for item in matches):
                score.tp[kind] += 1
                hit |= {(item["file"], item["line"]) for item in matches if item["present"]}
            else:
                score.fp[kind] += 1
                score.details.append(f"{project}: knip {kind} {file}:{line}")
        for item in items:
            if item["present"] and (item["file"], item["line"]) not in hit:
                score.missed["unlisted"] += 1
                score.details.append(f"{project}: knip missed {item['file']}:{item['line']} {item['package']}")
    return score


def _ratio(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:5.1f}%" if denominator else "    -"


def report(name: str, score: Score) -> None:
    codes = sorted(set(score.tp) | set(score.fp) | set(score.missed))
    tp, fp, missed = sum(score.tp.values()), sum(score.fp.values()), sum(score.missed.values())
    print(f"{name}: {score.seconds:.1f}s")
    for code in codes:
        t, f, m = score.tp[code], score.fp[code], score.missed[code]
        print(
            f"  {code:<22} tp {t:3d}  fp {f:3d}  missed {m:3d}  precision {_ratio(t, t + f)}  recall {_ratio(t, t + m)}"
        )
    print(
        f"  {'all undeclared':<22} tp {tp:3d}  fp {fp:3d}  missed {missed:3d}  precision {_ratio(tp, tp + fp)}"
        f"  recall {_ratio(tp, tp + missed)}"
    )
    if score.notes:
        print(f"  notes (undecidable): {dict(score.notes)}")
    if name.startswith("nmdoctor"):
        print(f"  runs exiting 1 on false errors only: {len(score.false_error_runs)} {score.false_error_runs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--knip", type=Path, help="a folder where knip is installed (node_modules/.bin/knip)")
    parser.add_argument("--installed", type=Path, help="where the installed copies are (see --install)")
    parser.add_argument("--install", action="store_true", help="first make the installed copies in --installed")
    parser.add_argument(
        "--nmdoctor-installed", action="store_true", help="also check the installed copies (node_modules read)"
    )
    parser.add_argument("--details", action="store_true", help="print every disagreement")
    arguments = parser.parse_args()
    if arguments.install:
        if arguments.installed is None:
            parser.error("--install needs --installed DIR")
        install_copies(arguments.installed)
    print(f"{len(projects())} projects, {sum(len(v) for v in judgments().values())} judged imports")
    scores = [("nmdoctor", score_nmdoctor())]
    if arguments.installed and arguments.nmdoctor_installed:
        scores.append(("nmdoctor (installed copies)", score_nmdoctor(arguments.installed)))
    if arguments.knip:
        scores.append(("knip", score_knip(arguments.knip, arguments.installed)))
    for name, score in scores:
        report(name, score)
        if arguments.details:
            for line in score.details:
                print("   ", line)


if __name__ == "__main__":
    main()
