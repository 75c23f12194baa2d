"""Human-readable explanation of one resolution: the answer to "I installed it, why can't it be found?"."""

from __future__ import annotations

from typing import TextIO

from nmdoctor.resolve import ImportKind, Resolution

__all__ = ["render_explanation"]


def render_explanation(result: Resolution, out: TextIO) -> None:
    verb = "import" if result.kind is ImportKind.IMPORT else "require"
    out.write(f"{verb}('{result.request}') from {result.parent}\n")
    if result.ok:
        out.write(f"  resolved: {result.resolved}\n")
    else:
        out.write(f"  error: {result.error}: {result.message}\n")
    if result.trace:
        out.write("Tried, in order:\n")
        width = len(str(len(result.trace)))
        for number, probe in enumerate(result.trace, start=1):
            out.write(f"  {number:>{width}}. {probe.path}: {probe.outcome}\n")
