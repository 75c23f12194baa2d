"""Findings for people: errors first, grouped by package, coloured on a terminal, one summary line."""

from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

import click

__all__ = ["render_findings"]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_findings(document: dict[str, Any], out: TextIO, *, ok_line: str, colour: bool = False) -> None:
    findings = document["findings"]

    def style(text: str, **options: Any) -> str:
        return click.style(text, **options) if colour else text

    def group_key(finding: dict[str, Any]) -> tuple[str, str]:
        package = finding.get("package") or {}
        return finding["severity"], package.get("path", "")

    for _key, group in groupby(findings, key=group_key):
        for finding in group:
            severity = finding["severity"]
            head = style(f"{severity}[{finding['code']}]", fg=_COLOURS[severity], bold=True)
            out.write(f"{head}: {finding['message']}\n")
            package = finding.get("package")
            owner = ""
            if package:
                owner = (
                    f"  ({package['name']}@{package['version']})" if package["version"] else f"  ({package['name']})"
                )
            if finding.get("line") is not None:
                out.write(f"  --> {finding['from']}:{finding['line']}:{finding['column']}{owner}\n")
            elif package:
                out.write(f"  --> {package['path']}{owner}\n")
            if finding.get("fix"):
                out.write(f"   = {style('fix', bold=True)}: {finding['fix']}\n")
            out.write(f"   = help: nmdoctor explain {finding['code']}\n")
    summary = document["summary"]
    if not findings:
        out.write(style("ok", fg="green", bold=True) + f": {ok_line}\n")
        return
    counts = ", ".join(
        f"{summary[key]} {label}{'' if summary[key] == 1 else 's'}"
        for key, label in (("error", "error"), ("warning", "warning"), ("info", "note"))
    )
    out.write(style(counts, bold=True) + "\n")
