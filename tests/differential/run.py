"""Generate trees, ask real node and nmdoctor, compare; also a command line for quick iteration.

    python -m tests.differential.run --seeds 0-50 --out /tmp/diff
    python -m tests.differential.run --seeds 3,7-9 --env-seeds 0-3 --out /tmp/diff --max-rows 80

writes under ``--out``: ``trees/`` (the generated trees, kept for inspection), ``queries.jsonl``,
``node.jsonl`` (the oracle's answers), ``ours.jsonl`` (``nmdoctor resolve --batch``),
``disagreements.jsonl`` (one line per disagreement, with the query and both answers) and
``report.txt`` (counts per rule and the first rows). Exit status 1 when anything disagrees.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.differential.generator import Query, count_packages, generate_case, generate_env_case
from tests.differential.nodes import MAJORS, VERSIONS_DIR, node_version
from tests.differential.nodes import node_binary as pinned_node

ORACLE = Path(__file__).with_name("oracle.mjs")

# Variables that change how either side resolves; the suite controls them explicitly.
_CONTROLLED_ENV = ("NODE_PATH", "NODE_OPTIONS", "NODE_PRESERVE_SYMLINKS", "NODE_PRESERVE_SYMLINKS_MAIN")

Answer = dict[str, Any]


def nmdoctor_command() -> list[str]:
    """The ``nmdoctor`` console script installed next to this interpreter."""
    script = Path(sys.executable).with_name("nmdoctor")
    if not script.exists():
        raise FileNotFoundError(f"{script} is missing: install the package (pip install -e .) first")
    return [str(script)]


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _CONTROLLED_ENV}
    env.update(extra or {})
    return env


def _timeout(queries: Sequence[Query]) -> int:
    """Seconds a side may take: 15 minutes, or more for big runs on a busy machine."""
    return max(900, len(queries) // 50)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _parse_answers(text: str, who: str) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for line in text.splitlines():
        if line.strip():
            answer = json.loads(line)
            answers[str(answer.get("id"))] = answer
    if not answers and text.strip():
        raise RuntimeError(f"{who} printed no answers")
    return answers


def run_oracle(
    queries: Sequence[Query],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    node: str | None = None,
) -> dict[str, Answer]:
    """Real node's answer to every query, by id (``node``: the binary; default the one on PATH)."""
    node = node or shutil.which("node")
    if node is None:
        raise FileNotFoundError("node is not on PATH")
    payload = "".join(json.dumps(query) + "\n" for query in queries)
    done = subprocess.run(
        [node, str(ORACLE)],
        input=payload,
        capture_output=True,
        text=True,
        env=clean_env(env),
        cwd=cwd,
        timeout=_timeout(queries),
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"oracle failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return _parse_answers(done.stdout, "oracle")


def run_ours(
    queries: Sequence[Query],
    batch_file: Path,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    node_version: str | None = None,
) -> tuple[dict[str, Answer], str]:
    """``nmdoctor resolve --batch``'s answer to every query, by id, and its stderr."""
    write_jsonl(batch_file, queries)
    version = ["--node-version", node_version] if node_version else []
    done = subprocess.run(
        [*nmdoctor_command(), "resolve", "--batch", str(batch_file), *version],
        capture_output=True,
        text=True,
        env=clean_env(env),
        cwd=cwd,
        timeout=_timeout(queries),
        check=False,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"nmdoctor resolve --batch failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return _parse_answers(done.stdout, "nmdoctor"), done.stderr


@dataclass(frozen=True)
class Disagreement:
    query: Query
    node: Answer
    ours: Answer | None

    @property
    def rule(self) -> str:
        parts = str(self.query["id"]).split(".")
        return parts[1] if len(parts) > 2 else "?"

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, "node": self.node, "ours": self.ours, "rule": self.rule}


def outcome(answer: Answer | None) -> tuple[Any, Any]:
    if answer is None:
        return ("<no answer>", "<no answer>")
    return (answer.get("resolved"), answer.get("error"))


def compare(queries: Sequence[Query], node: dict[str, Answer], ours: dict[str, Answer]) -> list[Disagreement]:
    out = []
    for query in queries:
        expected = node.get(query["id"])
        if expected is None:
            raise RuntimeError(f"the oracle gave no answer for {query['id']}")
        got = ours.get(query["id"])
        if outcome(got) != outcome(expected):
            out.append(Disagreement(query, expected, got))
    return out


# ------------------------------------------------------------------------------------- reporting


def _short(text: Any, base: str, width: int) -> str:
    value = "-" if text is None else str(text)
    if base:
        value = value.replace(base + "/", "…/")
    return value if len(value) <= width else "…" + value[-(width - 1) :]


def _answer_text(answer: Answer | None, base: str) -> str:
    if answer is None:
        return "<no answer>"
    if answer.get("error"):
        return str(answer["error"])
    return _short(answer.get("resolved"), base, 60)


def _kind(item: Disagreement) -> tuple[str, str, str, str]:
    return (
        item.rule,
        item.query["mode"],
        item.node.get("error") or "resolved",
        (item.ours or {}).get("error") or "resolved",
    )


def _round_robin(disagreements: Sequence[Disagreement]) -> list[Disagreement]:
    """One row of every kind (rule, mode, node's outcome, ours) first, then the second of each, ..."""
    groups: dict[tuple[str, str, str, str], list[Disagreement]] = {}
    for item in disagreements:
        groups.setdefault(_kind(item), []).append(item)
    ordered = []
    depth = 0
    while len(ordered) < len(disagreements):
        ordered += [items[depth] for items in groups.values() if depth < len(items)]
        depth += 1
    return ordered


def format_report(disagreements: Sequence[Disagreement], total: int, *, base: str = "", limit: int = 30) -> str:
    """Counts per rule and per (node, ours) outcome kind, then a table of the first rows."""
    lines = [f"{len(disagreements)} of {total} queries disagree with node"]
    if not disagreements:
        return lines[0]
    by_rule = Counter(item.rule for item in disagreements)
    lines.append("by rule: " + ", ".join(f"{rule}={count}" for rule, count in by_rule.most_common()))
    kinds = Counter(_kind(item) for item in disagreements)
    lines.append("by rule and mode, node -> ours:")
    lines += [
        f"  {count:5d}  {rule} {mode}: {node} -> {ours}" for (rule, mode, node, ours), count in kinds.most_common(25)
    ]
    lines.append("first rows, one per kind first:")
    header = ("id", "mode", "cond", "ps", "from", "request", "node", "ours")
    rows = [header]
    for item in _round_robin(disagreements)[:limit]:
        query = item.query
        rows.append(
            (
                str(query["id"]),
                query["mode"],
                ",".join(query["conditions"]) or "-",
                "P" if query["preserveSymlinks"] else "-",
                _short(query["from"], base, 48),
                _short(json.dumps(query["request"], ensure_ascii=False), base, 40),
                _answer_text(item.node, base),
                _answer_text(item.ours, base),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    if len(disagreements) > limit:
        lines.append(f"... and {len(disagreements) - limit} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------- running


@dataclass
class Part:
    """One comparison run: queries sharing one environment and working directory."""

    name: str
    queries: list[Query]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None


@dataclass
class RunResult:
    parts: list[Part]
    node: dict[str, Answer]
    ours: dict[str, Answer]
    disagreements: list[Disagreement]
    trees: int
    packages: int
    seconds: dict[str, float]
    stderr: str = ""
    node_version: str = ""

    @property
    def total(self) -> int:
        return sum(len(part.queries) for part in self.parts)


def build_parts(seeds: Iterable[int], env_seeds: Iterable[int], base: Path) -> tuple[list[Part], int, int]:
    """Write every tree under ``base``; returns the parts, the number of trees and of packages."""
    trees = base / "trees"
    queries: list[Query] = []
    roots: list[Path] = []
    for seed in seeds:
        root = trees / f"seed{seed}"
        queries += generate_case(seed, root)
        roots.append(root)
    parts = [Part("main", queries, {}, trees)] if queries else []
    for seed in env_seeds:
        root = trees / f"env{seed}"
        env_queries, env = generate_env_case(seed, root)
        parts.append(Part(f"env{seed}", env_queries, env, root))
        roots.append(root)
    return parts, len(roots), sum(count_packages(root) for root in roots)


def run(seeds: Iterable[int], env_seeds: Iterable[int], base: Path, *, node_binary: str | None = None) -> RunResult:
    """Compare with ``node_binary`` (default: the node on PATH), asking nmdoctor for that version."""
    binary = node_binary or shutil.which("node")
    if binary is None:
        raise FileNotFoundError("node is not on PATH")
    version = node_version(binary)
    base.mkdir(parents=True, exist_ok=True)
    clock = time.monotonic()
    parts, trees, packages = build_parts(seeds, env_seeds, base)
    seconds = {"generate": time.monotonic() - clock}
    node: dict[str, Answer] = {}
    ours: dict[str, Answer] = {}
    stderr = []
    seconds["node"] = seconds["nmdoctor"] = 0.0
    for part in parts:
        clock = time.monotonic()
        node.update(run_oracle(part.queries, env=part.env, cwd=part.cwd, node=binary))
        seconds["node"] += time.monotonic() - clock
        clock = time.monotonic()
        answers, errors = run_ours(
            part.queries, base / f"batch-{part.name}.jsonl", env=part.env, cwd=part.cwd, node_version=version
        )
        ours.update(answers)
        stderr.append(errors)
        seconds["nmdoctor"] += time.monotonic() - clock
    disagreements = [item for part in parts for item in compare(part.queries, node, ours)]
    return RunResult(parts, node, ours, disagreements, trees, packages, seconds, "".join(stderr), version)


def dump(result: RunResult, out: Path, *, limit: int = 30) -> str:
    """Write queries, both sides' answers, the disagreements and the report under ``out``."""
    queries = [query for part in result.parts for query in part.queries]
    write_jsonl(out / "queries.jsonl", queries)
    write_jsonl(out / "node.jsonl", (result.node[query["id"]] for query in queries))
    write_jsonl(out / "ours.jsonl", (result.ours.get(query["id"], {"id": query["id"]}) for query in queries))
    write_jsonl(out / "disagreements.jsonl", (item.as_json() for item in result.disagreements))
    report = (
        summary(result) + "\n" + format_report(result.disagreements, result.total, base=str(out / "trees"), limit=limit)
    )
    (out / "report.txt").write_text(report + "\n", encoding="utf-8")
    return report


def summary(result: RunResult) -> str:
    timing = ", ".join(f"{name} {value:.1f}s" for name, value in result.seconds.items())
    return (
        f"node {result.node_version}: {result.trees} trees, {result.packages} package.json files,"
        f" {result.total} queries ({timing})"
    )


def parse_seeds(text: str) -> list[int]:
    """``"0-50"``, ``"3,7-9"`` or ``""`` (none)."""
    seeds: list[int] = []
    for chunk in filter(None, (part.strip() for part in text.split(","))):
        if "-" in chunk:
            low, high = chunk.split("-", 1)
            seeds += range(int(low), int(high) + 1)
        else:
            seeds.append(int(chunk))
    return seeds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.differential.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="0-23", help="tree seeds, e.g. 0-50 or 3,7-9 (default 0-23)")
    parser.add_argument("--env-seeds", default="0-3", help="NODE_PATH/HOME tree seeds (default 0-3; '' for none)")
    parser.add_argument("--out", type=Path, required=True, help="output folder (emptied first)")
    parser.add_argument(
        "--node",
        default="",
        help="node to compare with: a pinned major (20, 22, 24, 26; installed on demand) or a binary (default: PATH)",
    )
    parser.add_argument("--max-rows", type=int, default=30, help="disagreements shown in the table")
    args = parser.parse_args(argv)
    if args.out.exists():
        shutil.rmtree(args.out)
    binary: str | None = args.node or None
    if args.node in MAJORS:
        found = pinned_node(args.node)
        if found is None:
            parser.error(f"node {args.node} could not be installed (npm ci --prefix {VERSIONS_DIR})")
        binary = str(found)
    result = run(parse_seeds(args.seeds), parse_seeds(args.env_seeds), args.out.resolve(), node_binary=binary)
    print(dump(result, args.out.resolve(), limit=args.max_rows))
    if result.stderr.strip():
        print("nmdoctor stderr:\n" + result.stderr[-2000:], file=sys.stderr)
    return 1 if result.disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
