"""Where a command's report goes: a file named by ``--output``, or standard output."""

from __future__ import annotations

import sys

from nmdoctor.cli.errors import InputError

__all__ = ["emit"]


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (a one-line error if that fails) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror})") from None
