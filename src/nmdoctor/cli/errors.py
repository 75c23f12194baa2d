"""The one error every command raises for bad input: a one-line message and exit status 2."""

from __future__ import annotations

import click

from nmdoctor.render.escape import terminal_safe

__all__ = ["InputError", "one_line"]


class InputError(click.ClickException):
    """Exit 2 with ``FILE: problem`` on one line (control characters from the input escaped)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(terminal_safe(message))


def one_line(error: OSError) -> str:
    """``FILE: problem`` for an ``OSError`` (``[Errno 2] ...: 'FILE'`` is not for people)."""
    if error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror}"
    return str(error)
