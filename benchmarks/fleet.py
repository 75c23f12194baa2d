"""Throughput of ``nmdoctor fleet`` on a generated fleet of real lockfiles (tests/fleetgen.py).

Prints repositories per second at 1 and 2 workers on the local process pool and on a
``distributed.LocalCluster`` (one thread per worker process), and the cost of one repository in a
fleet run against one ``nmdoctor check --lockfile`` process (what a script looping over
repositories would pay). Each run writes a fresh results folder; the rate is the final
``--progress json`` line's (from the first scheduled task to the last stored batch), the wall time
includes starting Python and the workers.

    python benchmarks/fleet.py [--repos 2000] [--cache .cache/bench-fleet] [--check-samples 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fleetgen import make_fleet  # noqa: E402


def fleet_run(fleet: Path, output: Path, repeat: int, *engine: str) -> tuple[float, float, float, dict[str, object]]:
    """The wall time and rate of the best of ``repeat`` runs (the machine may be shared: the best is
    the least disturbed), the median rate, and the best run's final progress line."""
    runs: list[tuple[float, float, dict[str, object]]] = []
    for _ in range(repeat):
        shutil.rmtree(output, ignore_errors=True)
        command = [sys.executable, "-m", "nmdoctor.cli.main", "fleet", str(fleet), "-o", str(output)]
        started = time.perf_counter()
        done = subprocess.run([*command, "--progress", "json", *engine], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - started
        final = json.loads(done.stderr.strip().splitlines()[-1])
        runs.append((wall, final["done"] / final["seconds"], final))
    wall, rate, final = max(runs, key=lambda run: run[1])
    return wall, rate, statistics.median(run[1] for run in runs), final


def serial_share(fleet: Path, scratch: Path) -> None:
    """CPU seconds per repository in a worker and in the driver (receiving answers, writing
    Parquet): on free CPUs, the driver's share bounds the speed-up (Amdahl)."""
    from nmdoctor.fleet.engines import run_pool
    from nmdoctor.fleet.sources import expand_sources
    from nmdoctor.fleet.store import Store
    from nmdoctor.fleet.tasks import RepoResult, run_task

    repos = expand_sources([str(fleet)])
    sample = repos[:300]
    started = time.process_time()
    for repo in sample:
        run_task(repo, None)
    worker = (time.process_time() - started) / len(sample)
    shutil.rmtree(scratch, ignore_errors=True)
    store = Store(str(scratch))
    store.open()
    started = time.process_time()
    batch: list[RepoResult] = []
    for answer in run_pool([(repo, None) for repo in repos], 2):
        assert isinstance(answer, RepoResult)
        batch.append(answer)
        if len(batch) == 250:
            store.write(batch)
            batch = []
    store.write(batch)
    driver = (time.process_time() - started) / len(repos)
    share = driver / (driver + worker)
    print(
        f"CPU per repository: {worker * 1000:.2f} ms in a worker, {driver * 1000:.2f} ms in the driver "
        f"(serial share {share:.1%}: at most {1 / (share + (1 - share) / 2):.2f}x from 1 to 2 free CPUs)"
    )


def load() -> str:
    """The machine's 1-minute load average: on a shared machine, the share the workers got."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=2000)
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench-fleet"))
    parser.add_argument("--check-samples", type=int, default=20)
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs per configuration; the best and the median are printed"
    )
    args = parser.parse_args()
    cache = Path(args.cache)
    fleet = cache / f"fleet-{args.repos}"
    if not fleet.is_dir():
        shutil.rmtree(cache / "incoming", ignore_errors=True)
        make_fleet(cache / "incoming", args.repos)
        (cache / "incoming").rename(fleet)
    print(f"fleet: {args.repos} generated repositories in {fleet}")

    rates: dict[str, float] = {}
    medians: dict[str, float] = {}
    print(f"before: {load()}")
    for workers in (1, 2):
        wall, rate, median, final = fleet_run(fleet, cache / "out", args.repeat, "--workers", str(workers))
        rates[f"pool-{workers}"] = rate
        medians[f"pool-{workers}"] = median
        print(
            f"local pool, {workers} worker(s): {rate:7.1f} repos/s best, {median:7.1f} median of {args.repeat}  "
            f"({wall:.1f} s wall, {final['failed']} failed, {load()})"
        )

    from distributed import LocalCluster

    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
        ) as cluster:
            wall, rate, median, final = fleet_run(
                fleet, cache / "out", args.repeat, "--dask", cluster.scheduler_address
            )
        rates[f"dask-{workers}"] = rate
        medians[f"dask-{workers}"] = median
        print(
            f"LocalCluster, {workers} worker(s): {rate:7.1f} repos/s best, {median:7.1f} median of {args.repeat}  "
            f"({wall:.1f} s wall, {final['failed']} failed, {load()})"
        )
    print(
        f"speed-up 1 -> 2 workers (best; median): local pool {rates['pool-2'] / rates['pool-1']:.2f}x; "
        f"{medians['pool-2'] / medians['pool-1']:.2f}x, LocalCluster {rates['dask-2'] / rates['dask-1']:.2f}x; "
        f"{medians['dask-2'] / medians['dask-1']:.2f}x"
    )

    serial_share(fleet, cache / "out")
    samples = sorted(fleet.iterdir())[: args.check_samples]
    times = []
    for folder in samples:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "nmdoctor.cli.main", "check", "--lockfile", str(folder), "--format", "json"],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
    single = statistics.median(times)
    from click.testing import CliRunner

    from nmdoctor.cli.main import main as cli

    in_process = []
    for folder in samples:
        started = time.perf_counter()
        CliRunner().invoke(cli, ["check", "--lockfile", str(folder), "--format", "json"])
        in_process.append(time.perf_counter() - started)
    inner = statistics.median(in_process)
    per_repo = 1 / rates["pool-1"]
    print(
        f"one repository in a 1-worker fleet run: {per_repo * 1000:.1f} ms (lockfile model + check + docker + "
        f"migrate + Parquet); `check --lockfile` alone: {single * 1000:.0f} ms as a process, {inner * 1000:.1f} ms "
        f"called in one process (median of {len(samples)})"
    )


if __name__ == "__main__":
    main()
