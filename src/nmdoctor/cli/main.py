"""The ``nmdoctor`` command."""

from __future__ import annotations

import click

from nmdoctor import __version__


@click.group()
@click.version_option(__version__, prog_name="nmdoctor")
def main() -> None:
    """Explain and diagnose JavaScript dependency layouts."""
