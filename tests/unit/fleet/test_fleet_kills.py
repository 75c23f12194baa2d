"""A fleet run survives kills: of the whole run (resumed without loss or duplicates), of a batch
half-written, and of a worker process of the local pool (its jobs run again)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from nmdoctor.fleet.engines import run_pool
from nmdoctor.fleet.sources import expand_sources
from nmdoctor.fleet.store import Store
from nmdoctor.fleet.tasks import RepoResult
from tests.unit.fleet.conftest import FLEET_SIZE, VOLATILE, run, tables


def test_a_killed_run_is_finished_by_the_next_one_without_loss_or_duplicates(fleet, reference, tmp_path) -> None:
    output = tmp_path / "out"
    command = [sys.executable, "-m", "nmdoctor.cli.main", "fleet", str(fleet[0]), "-o", str(output)]
    process = subprocess.Popen(
        [*command, "--workers", "1", "--batch-size", "3", "--progress", "none"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    parts = output / "parts"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if parts.is_dir() and len(os.listdir(parts)) >= 2:
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    assert process.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    # What the killed run left is readable and whole: each repository at most once, as in a clean run.
    left, clean = tables(output), tables(reference)
    stored = {row["repository"] for row in left["repos"]}
    assert 0 < len(stored) < FLEET_SIZE
    for table in ("repos", "packages", "findings"):
        assert left[table] == [row for row in clean[table] if row["repository"] in stored]
    finished = run("fleet", str(fleet[0]), "-o", str(output), "--workers", "2")
    assert f"{FLEET_SIZE - len(stored)} analysed, {len(stored)} unchanged" in finished.output
    assert tables(output) == clean


def test_a_half_written_batch_is_never_read_and_is_cleared_by_the_next_run(fleet, reference, tmp_path) -> None:
    output = tmp_path / "out"
    assert run("fleet", str(fleet[0]), "-o", str(output), "--workers", "2").exit_code == 0
    # A run killed while writing: its batch sits in .incoming with one table, another truncated.
    batch = next(iter(sorted((output / "parts").iterdir())))
    staging = output / ".incoming" / "99999999999999999999-deadbeef"
    staging.mkdir(parents=True)
    (staging / "repos.parquet").write_bytes((batch / "repos.parquet").read_bytes())
    (staging / "packages.parquet").write_bytes((batch / "packages.parquet").read_bytes()[:100])
    assert tables(output) == tables(reference)
    again = run("fleet", str(fleet[0]), "-o", str(output), "--workers", "2")
    assert f"0 analysed, {FLEET_SIZE} unchanged" in again.output
    assert not staging.exists()


def _pool_workers() -> list[psutil.Process]:
    """The local pool's worker processes: forked from this process (same command line), or children
    of the forkserver a rebuilt pool starts (other children of the test run, a browser or a
    registry left by another test, are not the pool's)."""
    from multiprocessing import forkserver

    me = psutil.Process()
    workers = [child for child in me.children() if _cmdline(child) == me.cmdline()]
    server = forkserver._forkserver._forkserver_pid
    if server is not None:
        with contextlib.suppress(psutil.NoSuchProcess):
            workers += psutil.Process(server).children()
    return workers


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def test_the_pool_runs_again_the_jobs_of_a_killed_worker(fleet, reference) -> None:
    repos = expand_sources([str(fleet[0])])
    answers: list[RepoResult] = []
    first_pool: set[int] = set()
    later: set[int] = set()
    for answer in run_pool([(repo, None) for repo in repos], workers=2):
        assert isinstance(answer, RepoResult)
        answers.append(answer)
        if not first_pool:
            first_pool = {worker.pid for worker in _pool_workers()}
            assert first_pool
            os.kill(min(first_pool), signal.SIGKILL)
        else:
            later |= {worker.pid for worker in _pool_workers()}
    # The jobs left when the worker died ran on a new pool's workers.
    assert later - first_pool
    names = [answer.repo["repository"] for answer in answers]
    assert sorted(names) == sorted(set(names)) and len(names) == FLEET_SIZE
    expected = {row["repository"]: row for row in tables(reference)["repos"]}
    for answer in answers:
        row = {key: value for key, value in answer.repo.items() if key not in VOLATILE}
        assert row == expected[row["repository"]]


def test_the_store_keeps_the_newest_rows_of_a_repository(tmp_path: Path, fleet) -> None:
    store = Store(str(tmp_path))
    store.open()
    repo = expand_sources([str(fleet[0] / "repo-0000")])[0]
    from nmdoctor.fleet.tasks import analyse

    first = analyse(repo, "k1")
    second = analyse(repo, "k2")
    second.repo["errors"] = 99
    store.write([first])
    store.write([second])
    assert store.known_keys() == {"repo-0000": "k2"}
    data = tables(tmp_path, drop=("batch", "seconds"))
    assert [row["errors"] for row in data["repos"]] == [99]
    assert len(data["packages"]) == len(first.packages)
