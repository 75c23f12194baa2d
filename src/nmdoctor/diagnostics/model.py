"""The finding record every check produces, and the JSON document of DESIGN.md that carries them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Finding", "PackageRef", "Severity", "findings_document"]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class PackageRef:
    name: str
    version: str
    path: str  # relative to the project root, "/" separators

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "path": self.path}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem. ``message`` is one sentence naming the cause; ``fix`` is what to do today."""

    code: str
    severity: Severity
    message: str
    package: PackageRef | None = None
    request: str | None = None
    from_: str | None = None
    fix: str | None = None
    line: int | None = None  # with ``from_`` a source file: where the import is (1-based)
    column: int | None = None

    def to_json(self) -> dict[str, Any]:
        location = {"line": self.line, "column": self.column} if self.line is not None else {}
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "package": self.package.to_json() if self.package else None,
            "request": self.request,
            "from": self.from_,
            "fix": self.fix,
            **location,
        }

    def sort_key(self) -> tuple[Any, ...]:
        package = self.package
        return (
            _SEVERITY_ORDER[self.severity],
            package.path if package else "",
            self.code,
            self.from_ or "",
            self.line or 0,
            self.column or 0,
            self.request or "",
            self.message,
        )


def findings_document(findings: Iterable[Finding], **summary: Any) -> dict[str, Any]:
    """``{"findings": [...], "summary": {...}}``, sorted so that every run prints the same bytes."""
    ordered = sorted(findings, key=Finding.sort_key)
    counts = {severity.value: sum(1 for item in ordered if item.severity is severity) for severity in Severity}
    return {"findings": [item.to_json() for item in ordered], "summary": {**counts, **summary}}
