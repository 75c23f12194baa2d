"""Progress of a long scan, on standard error, only when a person watches a terminal.

Reports go to standard output (or ``--output``); the progress display never mixes with them, and
it is off when standard error is not a terminal (CI logs, pipes) or when ``NMDOCTOR_NO_PROGRESS`` is
set. It disappears when the scan ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

__all__ = ["Steps", "scan_progress"]


class Steps(Protocol):
    def __call__(self, label: str, done: int | None = None, total: int | None = None) -> None:
        """Show ``label`` as the current step (``done`` of ``total`` when the count is known)."""


def _silent(label: str, done: int | None = None, total: int | None = None) -> None:
    return None


def wanted() -> bool:
    return sys.stderr.isatty() and "NMDOCTOR_NO_PROGRESS" not in os.environ


@contextmanager
def scan_progress(title: str) -> Iterator[Steps]:
    """Yield a function that moves the display to the next step; a no-op when nobody watches."""
    if not wanted():
        yield _silent
        return
    # rich is imported only when a display is shown: it costs a run in a pipe a tenth of a second
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    display = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[title]}[/]"),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = display.add_task("starting", total=None, title=title)

    def step(label: str, done: int | None = None, total: int | None = None) -> None:
        display.update(task, description=label, completed=done or 0, total=total)

    with display:
        yield step
