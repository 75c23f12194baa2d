"""Where the tasks run: a local process pool, or an existing Dask distributed cluster.

Both take the same ``(RepoRef, previous key)`` jobs and yield ``run_task``'s answers as they
complete, in any order; the driver stores them. Scheduling is the pool's or Dask's own.

Jobs travel in small chunks (a few repositories per task): one repository costs a few
milliseconds, about what a task round trip costs, so one task per repository would spend as much
on scheduling as on the work. A chunk is the unit that is retried; its repositories are still
stored once each, by the driver.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from nmdoctor.fleet.sources import RepoRef
from nmdoctor.fleet.tasks import RepoResult, Unchanged, _empty_row, preload, run_task

__all__ = ["EngineError", "Job", "LocalPool", "chunks", "run_chunk", "run_dask", "run_pool"]

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


def _ready() -> int:
    return os.getpid()


class LocalPool:
    """Worker processes forked at once, to be given jobs later (``run``).

    Made before anything big is in the driver (the sources' list, pyarrow, the progress thread):
    forked workers then start with the task code already imported and a small heap, which
    ``gc.freeze()`` keeps from being copied page by page when a collection walks it. A pool
    rebuilt after a worker died is started by a forkserver instead, since the driver has threads
    by then.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        preload()
        gc.collect()
        gc.freeze()
        self._pool = self._start(multiprocessing.get_context("fork"))
        gc.unfreeze()

    def _start(self, context: multiprocessing.context.BaseContext) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        # A fork pool forks every worker at its first task: now, before the driver grows.
        wait([pool.submit(_ready) for _ in range(self.workers)])
        return pool

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run(self, jobs: Sequence[Job]) -> Iterator[Answer]:
        """``run_task``'s answers for ``jobs``, in the order they complete."""
        pending = dict(enumerate(chunks(jobs, self.workers)))
        rebuilds = 0
        while pending:
            if rebuilds > MAX_REBUILDS:
                for chunk in pending.values():
                    for repo, _ in chunk:
                        yield _lost(repo)
                return
            futures: dict[Future[list[Answer]], int] = {
                self._pool.submit(run_chunk, chunk): index for index, chunk in pending.items()
            }
            broken = False
            while futures and not broken:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
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
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = self._start(multiprocessing.get_context("forkserver"))


def run_pool(jobs: Sequence[Job], workers: int) -> Iterator[Answer]:
    """Run ``jobs`` on a new pool of ``workers`` local processes (see ``LocalPool``)."""
    with LocalPool(workers) as pool:
        yield from pool.run(jobs)


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
