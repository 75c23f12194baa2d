"""Where the tasks run: a local process pool, or an existing Dask distributed cluster.

Both take the same ``(RepoRef, previous key)`` jobs and yield ``run_task``'s answers as they
complete, in any order; the driver stores them. Scheduling is the pool's or Dask's own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from nmdoctor.fleet.sources import RepoRef
from nmdoctor.fleet.tasks import RepoResult, Unchanged, _empty_row, run_task

__all__ = ["Job", "run_dask", "run_pool"]

Job = tuple[RepoRef, str | None]
Answer = RepoResult | Unchanged

# A pool whose worker dies (killed, out of memory) is rebuilt and the unfinished jobs submitted
# again. The pool cannot tell which job was in the dead worker, so the run gives up after this many
# rebuilds and records the jobs still left as errors (a repository that kills its worker every time
# must not keep the run going forever).
MAX_REBUILDS = 5


def _lost(repo: RepoRef) -> RepoResult:
    row = _empty_row(repo, "error:worker died")
    row.update(status="error", error=f"worker processes died {MAX_REBUILDS + 1} times before it was analysed")
    return RepoResult(row)


def run_pool(jobs: Sequence[Job], workers: int) -> Iterator[Answer]:
    """Run ``jobs`` on ``workers`` local processes (forkserver: safe beside the progress thread)."""
    pending = dict(enumerate(jobs))
    context = multiprocessing.get_context("forkserver")
    rebuilds = 0
    while pending:
        if rebuilds > MAX_REBUILDS:
            for repo, _ in pending.values():
                yield _lost(repo)
            return
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: dict[Future[Answer], int] = {
                pool.submit(run_task, repo, previous): index for index, (repo, previous) in pending.items()
            }
            while futures:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    index = futures.pop(future)
                    try:
                        answer = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    del pending[index]
                    yield answer
                if broken:
                    rebuilds += 1
                    break


def run_dask(address: object, jobs: Sequence[Job]) -> Iterator[Answer]:
    """Run ``jobs`` on the Dask cluster at ``address`` (a scheduler address, or a cluster object).

    A task whose worker dies is rescheduled by the scheduler itself (up to its
    ``distributed.scheduler.allowed-failures``); ``retries`` covers a task that raised.
    """
    from dask.distributed import Client, as_completed  # an optional extra: imported only when asked for

    with Client(address) as client:
        futures = client.map(
            run_task, [repo for repo, _ in jobs], [previous for _, previous in jobs], pure=False, retries=2
        )
        for future in as_completed(futures):
            answer = future.result()
            future.release()
            yield answer
