"""``nmdoctor explain CODE``: what a finding means, why it matters, how to fix it."""

from __future__ import annotations

import click

from nmdoctor.diagnostics.explanations import all_explanations

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
    texts = all_explanations()
    if list_codes or code is None:
        for name in sorted(texts):
            click.echo(f"{name:<30} {texts[name][0]}")
        return
    if code not in texts:
        raise click.BadParameter(f"unknown code {code!r}; `nmdoctor explain --list` lists them", param_hint="CODE")
    severity, doc = texts[code]
    click.echo(f"{code} ({severity})\n")
    click.echo(doc.replace("## ", ""))
