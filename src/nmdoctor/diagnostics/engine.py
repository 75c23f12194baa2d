"""Running the checks over a project and collecting their findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from nmdoctor.diagnostics.model import Finding
from nmdoctor.diagnostics.registry import CheckContext, all_checks

__all__ = ["is_chosen", "run_checks"]


def run_checks(
    context: CheckContext,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    on_check: Callable[[str, int, int], None] | None = None,
) -> list[Finding]:
    """Findings of every registered check (or only ``select``), minus the ``ignore``d codes.

    ``on_check(code, done, total)`` is called before each check runs (progress displays)."""
    selected = set(select)
    ignored = set(ignore)
    chosen = [registered for registered in all_checks() if is_chosen(registered.code, selected, ignored)]
    findings: list[Finding] = []
    for done, registered in enumerate(chosen):
        if on_check is not None:
            on_check(registered.code, done, len(chosen))
        findings.extend(registered.run(context))
    return findings


def is_chosen(code: str, selected: set[str], ignored: set[str]) -> bool:
    """Whether the check ``code`` runs: among ``selected`` (all when it is empty), not ``ignored``."""
    return not ((selected and code not in selected) or code in ignored)
