"""Benchmark: `nmdoctor check` against `nmdoctor ls`, `npm ls`, knip and depcheck, side by side.

On the large tree of benchmarks/large_tree.py (npm, about 1,900 packages) and on four real npm
projects (about 380 to 670 packages), times in one run:
  - `nmdoctor ls --json`,
  - `nmdoctor check --format json` cold (an empty user cache), warm (the cache filled, nothing
    changed: the kept findings answer) and changed (the cache filled, a file added to or removed
    from the project: the kept scans, lockfile model and parses answer, the checks run),
  - `npm ls --all --json`,
  - knip and depcheck (pinned below, installed with npm into the cache folder),
and on the large tree `nmdoctor migrate --to pnpm --json`. Each figure is the best wall time of
--repeat runs, with the CPU seconds (user + system, the process and its workers) and the peak
resident memory of that run; ratios follow. The machine's other load moves wall times; CPU seconds
move less. Last, the targets of issue 19 in a table: each measured on wall and on CPU seconds, and
whether it is met on each.

    python benchmarks/check_speed.py [--cache .cache/bench] [--repeat 3] [--nmdoctor PATH] [--baseline PATH]

`--nmdoctor` times another install of nmdoctor (e.g. the main branch's venv); `--baseline PATH`
times `ls`, `check` warm and cold of PATH's nmdoctor and of `--nmdoctor` on the large tree,
interleaved run by run, so that before/after figures share the machine's load (separate runs on
a busy machine differ more than most changes do). The real projects are read from
CACHE/real/NAME: a checkout of REPOSITORY at COMMIT (see REAL_PROJECTS); their dependencies are
installed with npm on first use. Needs the npm registry the first time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_tree import install as install_large_tree

REPO = Path(__file__).resolve().parent.parent
TOOLS = {"knip": "6.48.0", "depcheck": "1.4.7"}
REAL_PROJECTS = {
    # name: (repository, commit, install command)
    "express": ("expressjs/express", "a3714473feb3d2908add734d340e7755fd85e0a3", "install"),
    "koa": ("koajs/koa", "e0ba8ef39d27fe5dae5492f9fe753d155124f994", "ci"),
    "sinon": ("sinonjs/sinon", "cf5d9e8de1a5307ed7b329b6306ee86982453db7", "ci"),
    "openlayers": ("openlayers/openlayers", "58a284c3469e6d5601a8ff95f5bb60cf877c0244", "ci"),
}


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """One run: wall seconds, CPU seconds of the process and the children it waited for, peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = 0  # reaped above
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(command: list[str], cwd: Path, repeat: int, env: dict[str, str] | None = None) -> Run:
    runs = [measure(command, cwd, env) for _ in range(repeat)]
    return min(runs, key=lambda run: run.wall)


def install_tools(cache: Path) -> Path:
    folder = cache / "tools"
    marker = folder / ".installed"
    wanted = json.dumps(TOOLS, sort_keys=True)
    if not (marker.exists() and marker.read_text() == wanted):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"private": true}\n')
        specs = [f"{name}@{version}" for name, version in TOOLS.items()]
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *specs], cwd=folder, check=True
        )
        marker.write_text(wanted)
    return folder / "node_modules" / ".bin"


def real_project(cache: Path, name: str) -> Path | None:
    repository, commit, command = REAL_PROJECTS[name]
    folder = cache / "real" / name
    if not (folder / "package.json").exists():
        print(f"skipped {name}: put a checkout of {repository} at {commit} in {folder}")
        return None
    if not (folder / "node_modules").is_dir():
        subprocess.run(
            ["npm", command, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=folder,
            check=True,
        )
    return folder


def changed_runs(nmdoctor: str, folder: Path, repeat: int, env: dict[str, str]) -> Run:
    """``check`` warm after a change to the project (a file added to or removed from its folder,
    in turn): the kept findings no longer hold, the kept scans, lockfile model and parses do."""
    marker = folder / ".nmdoctor-bench-changed"
    runs = []
    try:
        for _ in range(repeat):
            if marker.exists():
                marker.unlink()
            else:
                marker.write_text("changed\n")
            runs.append(measure([nmdoctor, "check", "--format", "json"], folder, env))
    finally:
        marker.unlink(missing_ok=True)
    return min(runs, key=lambda run: run.wall)


def nmdoctor_env(cache_dir: str) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would leave a source checkout compiling every module on every run,
    # which no installed copy does (its wheel ships them compiled).
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**environ, "NMDOCTOR_CACHE_DIR": cache_dir, "NMDOCTOR_NO_PROGRESS": "1"}


@dataclass(frozen=True, slots=True)
class Target:
    """One goal: ``measured(run figure) <= limit`` (or ``>=`` when ``at_least``)."""

    title: str
    limit: float
    at_least: bool
    unit: str


def _ratio(rows: dict[str, Run], top: str, bottom: str, measure: str) -> float:
    return float(getattr(rows[top], measure)) / float(getattr(rows[bottom], measure))


def targets(label: str, rows: dict[str, Run], large: bool) -> list[tuple[Target, float, float]]:
    """(target, measured on wall, measured on CPU) for the figures of one project."""
    found: list[tuple[Target, float, float]] = []
    knip = f"knip {TOOLS['knip']}"
    if large:
        ls, npm = "nmdoctor ls --json", "npm ls --all --json"
        pairs = [
            (Target("npm ls --all --json / ls --json", 5.0, True, "x"), npm, ls),
            (Target("check cold / ls --json", 3.0, False, "x"), "nmdoctor check (cold)", ls),
            (Target("check warm / ls --json", 1.5, False, "x"), "nmdoctor check (warm)", ls),
        ]
        for target, top, bottom in pairs:
            found.append((target, _ratio(rows, top, bottom, "wall"), _ratio(rows, top, bottom, "cpu")))
        migrate = rows["nmdoctor migrate --to pnpm"]
        found.append((Target("migrate --to pnpm", 3.0, False, "s"), migrate.wall, migrate.cpu))
        peak = max(run.peak_mb for name, run in rows.items() if name.startswith("nmdoctor"))
        memory = Target("peak memory of nmdoctor / npm ls", 1.0, False, "x")
        found.append((memory, peak / rows[npm].peak_mb, peak / rows[npm].peak_mb))
    else:
        title = f"{label}: check warm / knip"
        warm = "nmdoctor check (warm)"
        target = Target(title, 1.0, False, "x")
        found.append((target, _ratio(rows, warm, knip, "wall"), _ratio(rows, warm, knip, "cpu")))
    return found


def _met(target: Target, value: float) -> str:
    return "yes" if (value >= target.limit if target.at_least else value <= target.limit) else "NO"


def print_targets(found: list[tuple[Target, float, float]]) -> None:
    print("\ntargets (issue 19; on wall seconds and on CPU seconds, best of --repeat)")
    print(f"  {'target':<44}{'limit':>8}{'wall':>9}{'met':>5}{'cpu':>9}{'met':>5}")
    for target, wall, cpu in found:
        limit = f"{'>=' if target.at_least else '<='}{target.limit:g}{target.unit}"
        print(
            f"  {target.title:<44}{limit:>8}{wall:8.2f}{target.unit}{_met(target, wall):>5}"
            f"{cpu:8.2f}{target.unit}{_met(target, cpu):>5}"
        )


def time_project(label: str, folder: Path, nmdoctor: str, bins: Path, repeat: int, migrate: bool) -> dict[str, Run]:
    rows: dict[str, Run] = {}
    scratch = tempfile.mkdtemp(prefix="nmdoctor-bench-cache-")
    try:
        warm_env = nmdoctor_env(os.path.join(scratch, "warm"))
        rows["nmdoctor ls --json"] = best([nmdoctor, "ls", "--json"], folder, repeat, warm_env)
        colds = []
        for index in range(repeat):
            colds.append(measure([nmdoctor, "check", "--format", "json"], folder, nmdoctor_env(f"{scratch}/c{index}")))
        rows["nmdoctor check (cold)"] = min(colds, key=lambda run: run.wall)
        measure([nmdoctor, "check", "--format", "json"], folder, warm_env)  # fills the cache
        rows["nmdoctor check (warm)"] = best([nmdoctor, "check", "--format", "json"], folder, repeat, warm_env)
        rows["nmdoctor check (changed)"] = changed_runs(nmdoctor, folder, repeat, warm_env)
        if migrate:
            rows["nmdoctor migrate --to pnpm"] = best(
                [nmdoctor, "migrate", "--to", "pnpm", "--json"], folder, repeat, warm_env
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows["npm ls --all --json"] = best(["npm", "ls", "--all", "--json"], folder, repeat)
    rows[f"knip {TOOLS['knip']}"] = best([str(bins / "knip"), "--no-progress"], folder, repeat)
    rows[f"depcheck {TOOLS['depcheck']}"] = best([str(bins / "depcheck")], folder, repeat)
    listing = subprocess.run([nmdoctor, "ls", "--json"], cwd=folder, capture_output=True, text=True, check=True)
    print(f"\n{label}: {len(json.loads(listing.stdout)['instances'])} package instances")
    print(f"  {'command':<30}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}")
    for name, run in rows.items():
        print(f"  {name:<30}{run.wall:8.3f}{run.cpu:8.3f}{run.peak_mb:9.1f}")
    pairs = [
        ("npm ls / ls", "npm ls --all --json", "nmdoctor ls --json"),
        ("check cold / ls", "nmdoctor check (cold)", "nmdoctor ls --json"),
        ("check warm / ls", "nmdoctor check (warm)", "nmdoctor ls --json"),
        ("check changed / ls", "nmdoctor check (changed)", "nmdoctor ls --json"),
        ("check warm / knip", "nmdoctor check (warm)", f"knip {TOOLS['knip']}"),
        ("check warm / depcheck", "nmdoctor check (warm)", f"depcheck {TOOLS['depcheck']}"),
    ]
    for measure_name in ("wall", "cpu", "peak_mb"):
        ratios = "; ".join(
            f"{title} {getattr(rows[top], measure_name) / getattr(rows[bottom], measure_name):.2f}x"
            for title, top, bottom in pairs
        )
        print(f"  ratios ({measure_name}): {ratios}")
    return rows


def compare(folder: Path, programs: dict[str, str], repeat: int) -> None:
    """``ls --json`` and ``check`` warm and cold of each program, interleaved: run r of every
    program before run r+1 of any; best wall and best CPU of each, and their ratios to its own ls."""
    scratch = tempfile.mkdtemp(prefix="nmdoctor-bench-compare-")
    runs: dict[tuple[str, str], list[Run]] = {}
    try:
        for label, program in programs.items():  # fills each program's own cache
            measure([program, "check", "--format", "json"], folder, nmdoctor_env(f"{scratch}/{label}-warm"))
        for index in range(repeat):
            for label, program in programs.items():
                warm, cold = nmdoctor_env(f"{scratch}/{label}-warm"), nmdoctor_env(f"{scratch}/{label}-{index}")
                check = [program, "check", "--format", "json"]
                commands = {
                    "ls --json": ([program, "ls", "--json"], warm),
                    "check (warm)": (check, warm),
                    "check (cold)": (check, cold),
                }
                for name, (command, env) in commands.items():
                    runs.setdefault((label, name), []).append(measure(command, folder, env))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\ninterleaved, best of {repeat} each (wall s / cpu s; ratio to the same program's ls --json)")
    for label, program in programs.items():
        ls_wall = min(run.wall for run in runs[(label, "ls --json")])
        ls_cpu = min(run.cpu for run in runs[(label, "ls --json")])
        parts = []
        for name in ("ls --json", "check (warm)", "check (cold)"):
            wall = min(run.wall for run in runs[(label, name)])
            cpu = min(run.cpu for run in runs[(label, name)])
            parts.append(f"{name} {wall:.3f}/{cpu:.3f} ({wall / ls_wall:.2f}x/{cpu / ls_cpu:.2f}x)")
        print(f"  {label:<9}{program}\n    " + "; ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Examples:\n  python benchmarks/check_speed.py --repeat 5\n"
        "  python benchmarks/check_speed.py --only large --nmdoctor ../main/.venv/bin/nmdoctor  # before/after\n"
        "  python benchmarks/check_speed.py --only large --baseline ../main/.venv/bin/nmdoctor  # interleaved",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench"), help="Where the trees and tools are kept.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each command; the best is kept.")
    parser.add_argument(
        "--nmdoctor", default=str(Path(sys.executable).with_name("nmdoctor")), help="The nmdoctor executable to time."
    )
    parser.add_argument("--only", choices=["large", "real"], help="Time only the large tree or the real projects.")
    parser.add_argument(
        "--baseline",
        metavar="PATH",
        help="Another nmdoctor executable: ls and check (warm, cold) of both on the large tree, interleaved.",
    )
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    bins = install_tools(cache)
    print(f"nmdoctor: {args.nmdoctor}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    found: list[tuple[Target, float, float]] = []
    if args.only != "real":
        large = cache / "npm"
        install_large_tree(large, "npm")
        rows = time_project("large tree (npm)", large, args.nmdoctor, bins, args.repeat, migrate=True)
        found += targets("large tree", rows, large=True)
        if args.baseline:
            compare(large, {"baseline": args.baseline, "measured": args.nmdoctor}, args.repeat)
    if args.only != "large":
        for name in REAL_PROJECTS:
            folder = real_project(cache, name)
            if folder is not None:
                label = f"{name} ({REAL_PROJECTS[name][0]})"
                rows = time_project(label, folder, args.nmdoctor, bins, args.repeat, migrate=False)
                found += targets(name, rows, large=False)
    print_targets(found)


if __name__ == "__main__":
    main()
