"""Every check, registered by its stable code (DESIGN.md), with its severity and its explanation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.vfs.base import FileSystem

__all__ = ["Check", "CheckContext", "all_checks", "check"]


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check reads: the dependency model, the filesystem it came from, and the lockfile
    (only when node_modules is read: then the two can be compared)."""

    graph: object  # nmdoctor.model.graph.DependencyGraph (kept loose to avoid an import cycle)
    fs: FileSystem | None = None
    lockfile: object | None = None
    singletons: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    severity: Severity
    run: Callable[[CheckContext], Iterable[Finding]]
    doc: str


_CHECKS: dict[str, Check] = {}


def check(code: str, severity: Severity) -> Callable[[Callable[[CheckContext], Iterable[Finding]]], Check]:
    """Register a check under ``code``; its docstring is what ``nmdoctor explain CODE`` prints."""

    def register(function: Callable[[CheckContext], Iterable[Finding]]) -> Check:
        if code in _CHECKS:
            raise ValueError(f"check code registered twice: {code}")
        registered = Check(code, severity, function, inspect.cleandoc(function.__doc__ or ""))
        _CHECKS[code] = registered
        return registered

    return register


def all_checks() -> list[Check]:
    from nmdoctor.diagnostics import rules  # noqa: F401 - importing registers every rule

    return [_CHECKS[code] for code in sorted(_CHECKS)]
