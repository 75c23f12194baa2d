"""Findings for people: errors first, grouped by package, coloured on a terminal, one summary line."""

from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

import click

from nmdoctor.render.escape import terminal_safe as safe

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
            # Names, versions, paths and the messages and fixes that quote them come from the scanned
            # tree: each is printed on its own line with control characters escaped.
            severity = finding["severity"]
            head = style(f"{severity}[{finding['code']}]", fg=_COLOURS[severity], bold=True)
            out.write(f"{head}: {safe(finding['message'])}\n")
            package = finding.get("package")
            owner = ""
            if package:
                name, version = safe(package["name"]), safe(package["version"] or "")
                owner = f"  ({name}@{version})" if version else f"  ({name})"
            if finding.get("line") is not None:
                out.write(f"  --> {safe(finding['from'])}:{finding['line']}:{finding['column']}{owner}\n")
            elif package:
                out.write(f"  --> {safe(package['path'])}{owner}\n")
            if finding.get("fix"):
                out.write(f"   = {style('fix', bold=True)}: {safe(finding['fix'])}\n")
            out.write(f"   = help: nmdoctor explain {finding['code']}\n")
    summary = document["summary"]
    if not findings:
        out.write(style("ok", fg="green", bold=True) + f": {safe(ok_line)}\n")
        return
    counts = ", ".join(
        f"{summary[key]} {label}{'' if summary[key] == 1 else 's'}"
        for key, label in (("error", "error"), ("warning", "warning"), ("info", "note"))
    )
    out.write(style(counts, bold=True) + "\n")
