"""Where the tasks run: a local process pool, or an existing Dask distributed cluster.

Both take the same ``(RepoRef, previous key)`` jobs and yield ``run_task``'s answers as they
complete, in any order; the driver stores them. Scheduling is the pool's or Dask's own.

Jobs travel in small chunks (a few repositories per task): one repository costs a few
milliseconds, about what a task round trip costs, so one task per repository would spend as much
on scheduling as on the work. A chunk is the unit that is retried; its repositories are still
stored once each, by the driver.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from nmdoctor.fleet.sources import RepoRef
from nmdoctor.fleet.tasks import RepoResult, Unchanged, _empty_row, run_task

__all__ = ["EngineError", "Job", "chunks", "run_chunk", "run_dask", "run_pool"]

Job = tuple[RepoRef, str | None]
Answer = RepoResult | Unchanged

# A pool whose worker dies (killed, out of memory) is rebuilt and the unfinished jobs submitted
# again. The pool cannot tell which job was in the dead worker, so the run gives up after this many
# rebuilds and records the jobs still left as errors (a repository that kills its worker every time
# must not keep the run going forever).
MAX_REBUILDS = 5
MAX_CHUNK = 16


class EngineError(RuntimeError):
    """The engine cannot start (a Dask scheduler that does not answer); one line."""


def chunks(jobs: Sequence[Job], slots: int) -> list[list[Job]]:
    """``jobs`` cut into chunks small enough to keep every slot busy to the end (several chunks per
    slot) and at most ``MAX_CHUNK`` long."""
    size = max(1, min(MAX_CHUNK, len(jobs) // (8 * max(1, slots))))
    return [list(jobs[start : start + size]) for start in range(0, len(jobs), size)]


def run_chunk(jobs: list[Job]) -> list[Answer]:
    """The task an engine schedules: ``run_task`` for each job of a chunk."""
    return [run_task(repo, previous) for repo, previous in jobs]


def _lost(repo: RepoRef) -> RepoResult:
    row = _empty_row(repo, "error:worker died")
    row.update(status="error", error=f"worker processes died {MAX_REBUILDS + 1} times before it was analysed")
    return RepoResult(row)


def run_pool(jobs: Sequence[Job], workers: int) -> Iterator[Answer]:
    """Run ``jobs`` on ``workers`` local processes (forkserver: safe beside the progress thread)."""
    pending = dict(enumerate(chunks(jobs, workers)))
    context = multiprocessing.get_context("forkserver")
    rebuilds = 0
    while pending:
        if rebuilds > MAX_REBUILDS:
            for chunk in pending.values():
                for repo, _ in chunk:
                    yield _lost(repo)
            return
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: dict[Future[list[Answer]], int] = {
                pool.submit(run_chunk, chunk): index for index, chunk in pending.items()
            }
            while futures:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    index = futures.pop(future)
                    try:
                        answers = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    del pending[index]
                    yield from answers
                if broken:
                    rebuilds += 1
                    break


def run_dask(address: object, jobs: Sequence[Job]) -> Iterator[Answer]:
    """Run ``jobs`` on the Dask cluster at ``address`` (a scheduler address, or a cluster object).

    A task whose worker dies is rescheduled by the scheduler itself (up to its
    ``distributed.scheduler.allowed-failures``); ``retries`` covers a task that raised.
    """
    from dask.distributed import Client, as_completed  # an optional extra: imported only when asked for

    try:
        client = Client(address)
    except OSError as error:  # TimeoutError included: nothing answered at the address
        raise EngineError(f"--dask {address}: cannot reach the scheduler ({error})") from None
    with client:
        slots = sum(client.nthreads().values()) or 1
        futures = client.map(run_chunk, chunks(jobs, slots), pure=False, retries=2)
        for future in as_completed(futures):
            answers = future.result()
            future.release()
            yield from answers
