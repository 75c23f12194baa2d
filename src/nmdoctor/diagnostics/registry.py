"""Every check, registered by its stable code (DESIGN.md), with its severity and its explanation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.inspect.package_code import PackageCode
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, NodeVersion
from nmdoctor.sources.index import SourceIndex
from nmdoctor.vfs.base import FileSystem

__all__ = ["Check", "CheckContext", "all_checks", "check"]


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check reads: the dependency model, the filesystem it came from, and the lockfile
    (only when node_modules is read: then the two can be compared; ``model_lockfile`` is the one the
    model was read from, when it was, which package.json can still be compared with); ``sources`` and
    ``package_code`` are the run's shared indexes (made here when the caller has none);
    ``node_version`` is the node the project is judged as (``--node-version`` or the project's)."""

    graph: DependencyGraph
    fs: FileSystem | None = None
    lockfile: object | None = None
    singletons: frozenset[str] = frozenset()
    sources: SourceIndex | None = None
    package_code: PackageCode | None = None
    node_version: NodeVersion = DEFAULT_NODE_VERSION
    model_lockfile: object | None = None
    # what rules build from the context once per run and share (the project's resolution config)
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.fs is not None and self.sources is None:
            object.__setattr__(self, "sources", SourceIndex(self.fs))
        if self.fs is not None and self.package_code is None:
            object.__setattr__(self, "package_code", PackageCode(self.fs))


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
