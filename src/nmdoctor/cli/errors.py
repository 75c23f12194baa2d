"""The one error every command raises for bad input: a one-line message and exit status 2."""

from __future__ import annotations

import click

__all__ = ["InputError"]


class InputError(click.ClickException):
    exit_code = 2
