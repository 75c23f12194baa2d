"""Links in node_modules that lead nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.inspect.verify import layout_kind, reinstall_fix
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.paths import relative

__all__ = ["broken_symlink"]


@check("broken-symlink", Severity.ERROR)
def broken_symlink(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A symlink in node_modules points at nothing, or at itself through other links (a loop).
    ## Why it matters
    node treats it as absent: the package it stood for cannot be required, and tools that walk the
    tree may fail on it.
    ## How to fix
    Reinstall from the lockfile (`npm ci`, `pnpm install --frozen-lockfile`); with pnpm, a store that
    was pruned or moved leaves such links: `pnpm install --force`."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    for link, target in graph.broken_links:
        path = relative(graph, link)
        name = path.rpartition("node_modules/")[2] or path
        yield finding(
            "broken-symlink",
            f"`{path}` is a link to `{target}`, which does not exist (or loops)",
            package=PackageRef(name, "", path),
            fix=reinstall_fix(layout_kind(graph.layout))
            or "reinstall from the lockfile (npm ci, pnpm install --frozen-lockfile, yarn install --frozen-lockfile)",
        )
