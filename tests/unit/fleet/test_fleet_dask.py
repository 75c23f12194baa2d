"""The same fleet on a real ``distributed.LocalCluster`` (two worker processes, started here and
closed after): the same tables as the local pool, and a killed worker's tasks run again."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from nmdoctor.fleet.engines import run_dask
from nmdoctor.fleet.sources import expand_sources
from nmdoctor.fleet.tasks import RepoResult
from tests.unit.fleet.conftest import FLEET_SIZE, VOLATILE, run, tables

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    ) as local:
        yield local


def test_the_cluster_gives_the_tables_of_the_local_pool(fleet, reference, cluster, tmp_path) -> None:
    result = run("fleet", str(fleet[0]), "-o", str(tmp_path), "--dask", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert f"{FLEET_SIZE} repositories: {FLEET_SIZE} analysed" in result.output
    assert tables(tmp_path) == tables(reference)


def test_a_killed_worker_has_its_tasks_run_again(fleet, reference, cluster) -> None:
    repos = expand_sources([str(fleet[0])])
    with distributed.Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
    answers: list[RepoResult] = []
    for answer in run_dask(cluster.scheduler_address, [(repo, None) for repo in repos]):
        assert isinstance(answer, RepoResult)
        answers.append(answer)
        if len(answers) == 1:
            # The other worker holds results not yet gathered, or tasks not yet run: both are redone.
            os.kill(max(pids.values()), signal.SIGKILL)
    names = [answer.repo["repository"] for answer in answers]
    assert len(names) == len(set(names)) == FLEET_SIZE
    expected = {row["repository"]: row for row in tables(reference)["repos"]}
    for answer in answers:
        row = {key: value for key, value in answer.repo.items() if key not in VOLATILE}
        assert row == expected[row["repository"]]
    cluster.wait_for_workers(2, timeout=30)  # the nanny restarts the killed worker
    with distributed.Client(cluster.scheduler_address) as client:
        assert max(pids.values()) not in client.run(os.getpid).values()
