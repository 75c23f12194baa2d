"""Running the checks over a project and collecting their findings."""

from __future__ import annotations

from collections.abc import Iterable

from nmdoctor.diagnostics.model import Finding
from nmdoctor.diagnostics.registry import CheckContext, all_checks

__all__ = ["run_checks"]


def run_checks(context: CheckContext, *, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Finding]:
    """Findings of every registered check (or only ``select``), minus the ``ignore``d codes."""
    selected = set(select)
    ignored = set(ignore)
    findings: list[Finding] = []
    for registered in all_checks():
        if (selected and registered.code not in selected) or registered.code in ignored:
            continue
        findings.extend(registered.run(context))
    return findings
