"""``nmdoctor explain CODE``: what a finding means, why it matters, how to fix it."""

from __future__ import annotations

import click

from nmdoctor.diagnostics.registry import all_checks

__all__ = ["explain_command"]


@click.command(
    name="explain",
    epilog="""
\b
Examples:
  nmdoctor explain phantom-dependency
  nmdoctor explain --list
""",
)
@click.argument("code", required=False)
@click.option("--list", "list_codes", is_flag=True, help="List every finding code.")
def explain_command(code: str | None, list_codes: bool) -> None:
    """Explain the finding CODE (as printed by check, verify, docker, archive)."""
    checks = {registered.code: registered for registered in all_checks()}
    if list_codes or code is None:
        for registered in checks.values():
            click.echo(f"{registered.code:<26} {registered.severity.value}")
        return
    registered = checks.get(code)
    if registered is None:
        raise click.BadParameter(f"unknown code {code!r}; `nmdoctor explain --list` lists them", param_hint="CODE")
    click.echo(f"{registered.code} ({registered.severity.value})\n")
    click.echo(registered.doc.replace("## ", ""))
