"""``nmdoctor fleet``: lockfile, check and docker answers for many repositories, stored as tables."""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

import click

from nmdoctor.cli.errors import InputError
from nmdoctor.cli.progress import wanted as progress_wanted

if TYPE_CHECKING:
    from nmdoctor.fleet.engines import LocalPool
    from nmdoctor.fleet.sources import RepoRef
    from nmdoctor.fleet.store import Store

__all__ = ["fleet_command"]

# Stored batches are flushed at this many repositories, or this many seconds after the last one:
# a killed run loses at most that much work, which the next run redoes.
BATCH_REPOS = 250
BATCH_SECONDS = 5.0


class _DefaultGroup(click.Group):
    """``fleet SOURCE...`` runs; ``fleet query`` and ``fleet report`` read what a run stored."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Options before the sources (``fleet --workers 2 repos/``) belong to ``run`` too.
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@contextmanager
def _progress(mode: str, total: int) -> Iterator[Callable[[dict[str, Any], bool], None]]:
    """A function taking the counts after each repository: a bar, JSON lines, or nothing."""
    started = time.perf_counter()
    if mode == "json":
        last = [0.0]

        def report_json(counts: dict[str, Any], final: bool) -> None:
            now = time.perf_counter()
            if final or now - last[0] >= 0.2:
                last[0] = now
                elapsed = now - started
                line = {**counts, "total": total, "seconds": round(elapsed, 3)}
                line["rate"] = round(counts["done"] / elapsed, 2) if elapsed > 0 else 0.0
                line["final"] = final
                sys.stderr.write(json.dumps(line) + "\n")
                sys.stderr.flush()

        yield report_json
        return
    if mode == "none" or (mode == "auto" and not progress_wanted()):
        yield lambda counts, final: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    display = Progress(
        TextColumn("[bold]fleet[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} repos/s"),
        TextColumn("[red]{task.fields[failed]} failed[/]"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = display.add_task("repositories", total=total, rate="0.0", failed=0)

    def report_bar(counts: dict[str, Any], final: bool) -> None:
        elapsed = time.perf_counter() - started
        rate = f"{counts['done'] / elapsed:.1f}" if elapsed > 0 else "0.0"
        display.update(task, completed=counts["done"], rate=rate, failed=counts["failed"])

    with display:
        yield report_bar


def _write_summary(folder: str) -> str:
    from nmdoctor.fleet.summary import render_summary

    path = os.path.join(folder, "summary.html")
    staging = f"{path}.{os.getpid()}.tmp"
    with open(staging, "w", encoding="utf-8") as handle:
        handle.write(render_summary(folder))
    os.replace(staging, path)
    return path


@click.group(name="fleet", cls=_DefaultGroup)
def fleet_command() -> None:
    """Answer dependency questions across many repositories (needs the `fleet` extra).

    \b
    nmdoctor fleet SOURCE... --output DIR    analyse every repository; tables under DIR
    nmdoctor fleet query DIR "SQL"            DuckDB over the tables repos, packages, findings
    nmdoctor fleet report DIR                 the HTML summary of DIR again
    """


@fleet_command.command(
    name="run",
    epilog="""
\b
Examples:
  nmdoctor fleet checkouts/ --output fleet-out          # every subfolder with a package.json
  nmdoctor fleet mirrors/ --ref main --output fleet-out # bare git repositories, read at main
  nmdoctor fleet repos.txt --workers 8 --output out     # a file listing paths (PATH or PATH@REF)
  nmdoctor fleet mirrors/ --dask tcp://scheduler:8786 --output out
\b
Each repository is read from its lockfile (as `check --lockfile`) and its container files (as
`docker`), never installed. Rows are keyed by the repository's commit (git) or a hash of its
files' names, sizes and times: a second run skips what did not change and finishes what a killed
run left. DIR holds parts/*/{repos,packages,findings}.parquet and summary.html.
Exit status: 0 when the run finished (unreadable repositories are rows with an error), 2 bad usage.
""",
)
@click.argument("sources", nargs=-1, required=True)
@click.option("--output", "-o", "output", required=True, type=click.Path(file_okay=False), help="Results folder.")
@click.option("--ref", default="HEAD", show_default=True, help="The ref git repositories are read at.")
@click.option("--workers", type=click.IntRange(min=1), help="Local worker processes [default: the CPU count].")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Run on this Dask scheduler instead.")
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "json", "none"]),
    default="auto",
    show_default=True,
    help="On standard error: a bar (on a terminal), JSON lines, or nothing.",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_REPOS, hidden=True)
def run_command(
    sources: tuple[str, ...],
    output: str,
    ref: str,
    workers: int | None,
    dask_address: str | None,
    progress: str,
    batch_size: int,
) -> None:
    """Analyse every repository SOURCE names: folders of checkouts, git repositories, or list files."""
    try:
        from nmdoctor.fleet.engines import EngineError, LocalPool
        from nmdoctor.fleet.sources import SourceError, expand_sources
    except ImportError as error:
        raise InputError(f"fleet: {error.name} is not installed (pip install 'nmdoctor[fleet]')") from None
    # The local workers are forked first, while the driver is small: before the sources are listed
    # and pyarrow is imported (engines.LocalPool).
    with nullcontext() if dask_address else LocalPool(workers or os.cpu_count() or 1) as pool:
        try:
            from nmdoctor.fleet.store import Store, StoreBusy
        except ImportError as error:
            raise InputError(f"fleet: {error.name} is not installed (pip install 'nmdoctor[fleet]')") from None
        try:
            repos = expand_sources(sources, ref)
        except (SourceError, OSError, UnicodeDecodeError) as error:
            raise InputError(str(error)) from None
        store = Store(output)
        try:
            store.open()
            known = store.known_keys()
        except StoreBusy as error:
            raise InputError(str(error)) from None
        except OSError as error:
            raise InputError(f"{output}: {error.strerror or error}") from None
        try:
            counts = _drive(store, repos, known, dask_address, pool, progress, batch_size)
        except EngineError as error:
            raise InputError(str(error)) from None
        finally:
            store.close()
    summary = _write_summary(store.folder) if store.batches() else None
    click.echo(
        f"{counts['done']} repositories: {counts['analysed']} analysed, {counts['unchanged']} unchanged, "
        f"{counts['failed']} could not be read; results in {store.folder}"
        + (f" (summary: {summary})" if summary else "")
    )


def _drive(
    store: Store,
    repos: list[RepoRef],
    known: dict[str, str],
    dask_address: str | None,
    pool: LocalPool | None,
    progress: str,
    batch_size: int,
) -> dict[str, int]:
    """Schedule every repository, store the answers in batches as they come; the counts."""
    from nmdoctor.fleet.engines import run_dask
    from nmdoctor.fleet.tasks import RepoResult, Unchanged

    jobs = [(repo, known.get(repo.name)) for repo in repos]
    answers = run_dask(dask_address, jobs) if dask_address or pool is None else pool.run(jobs)
    counts = {"done": 0, "analysed": 0, "unchanged": 0, "failed": 0}
    batch: list[RepoResult] = []
    stored: set[str] = set()
    flushed = time.perf_counter()
    with _progress(progress, len(jobs)) as report:
        for answer in answers:
            if isinstance(answer, Unchanged):
                counts["unchanged"] += 1
            elif answer.repo["repository"] not in stored:
                stored.add(answer.repo["repository"])
                batch.append(answer)
                counts["analysed"] += 1
                counts["failed"] += answer.repo["status"] == "error"
            counts["done"] += 1
            if len(batch) >= batch_size or (batch and time.perf_counter() - flushed >= BATCH_SECONDS):
                store.write(batch)
                batch, flushed = [], time.perf_counter()
            report(counts, False)
        store.write(batch)
        report(counts, True)
    return counts


@fleet_command.command(
    name="query",
    epilog="""
\b
Tables (one row per repository in repos; newest results of each repository only):
  repos     repository, location, source, ref, commit, key, manager, lockfile, lockfile_format,
            layout, packages, workspaces, errors, warnings, infos, docker_findings, status, error,
            docker_error, seconds, batch
  packages  repository, name, version, path, workspace, batch
  findings  repository, tool, workspace, code, severity, message, package_name, package_version,
            package_path, request, from, fix, line, column, batch
\b
Example:
  nmdoctor fleet query out "SELECT code, count(*) FROM findings GROUP BY code ORDER BY 2 DESC"
""",
)
@click.argument("folder", type=click.Path(file_okay=False))
@click.argument("sql")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table (aligned text), json (a list of objects), or csv.",
)
def query_command(folder: str, sql: str, output_format: str) -> None:
    """Run SQL (DuckDB) over the fleet results stored in FOLDER."""
    try:
        from nmdoctor.fleet.query import QueryError, run_query
    except ImportError as error:
        raise InputError(f"fleet: {error.name} is not installed (pip install 'nmdoctor[fleet]')") from None
    try:
        columns, rows = run_query(folder, sql)
    except QueryError as error:
        raise InputError(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps([dict(zip(columns, row, strict=True)) for row in rows], indent=2, default=str))
    elif output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        click.echo(_aligned(columns, rows), nl=False)


def _aligned(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    cells = [columns, *[["" if cell is None else str(cell) for cell in row] for row in rows]]
    widths = [max(len(line[index]) for line in cells) for index in range(len(columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


@fleet_command.command(name="report")
@click.argument("folder", type=click.Path(file_okay=False))
def report_command(folder: str) -> None:
    """Write FOLDER/summary.html again from the stored results."""
    try:
        from nmdoctor.fleet.query import QueryError
    except ImportError as error:
        raise InputError(f"fleet: {error.name} is not installed (pip install 'nmdoctor[fleet]')") from None
    try:
        click.echo(_write_summary(os.path.abspath(folder)))
    except QueryError as error:
        raise InputError(str(error)) from None
