"""Where a command's report goes: a file named by ``--output``, or standard output."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from nmdoctor.cli.errors import InputError
from nmdoctor.render.escape import unicode_safe

__all__ = ["emit", "format_option", "output_option"]

output_option: Callable[[Any], Any] = click.option(
    "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE."
)


def format_option(*choices: str, default: str | None = None, help: str) -> Callable[[Any], Any]:
    """``--format`` with these choices (``default`` None: the command decides, e.g. from ``--json``)."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help=help,
    )


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (a one-line error if that fails) or to standard output."""
    text = unicode_safe(text)  # a lone surrogate (an undecodable file name) cannot be encoded as UTF-8
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror})") from None
