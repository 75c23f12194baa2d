"""Findings for people: one block per finding, errors first, and a one-line summary."""

from __future__ import annotations

from typing import Any, TextIO

__all__ = ["render_findings"]


def render_findings(document: dict[str, Any], out: TextIO, *, ok_line: str) -> None:
    findings = document["findings"]
    for finding in findings:
        out.write(f"{finding['severity']}[{finding['code']}]: {finding['message']}\n")
        package = finding.get("package")
        owner = f"  ({package['name']}@{package['version']})" if package else ""
        if finding.get("line") is not None:
            out.write(f"  --> {finding['from']}:{finding['line']}:{finding['column']}{owner}\n")
        elif package:
            out.write(f"  --> {package['path']}{owner}\n")
        if finding.get("fix"):
            out.write(f"   = fix: {finding['fix']}\n")
    summary = document["summary"]
    if not findings:
        out.write(f"ok: {ok_line}\n")
        return
    out.write(f"{summary['error']} errors, {summary['warning']} warnings, {summary['info']} notes\n")
