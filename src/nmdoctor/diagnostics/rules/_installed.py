"""Whether there is anything to check against: a checkout with no node_modules and no lockfile
(one that ignores its lockfile, or was never installed) says nothing of what an install will bring,
so its declared dependencies are not "missing" and its imports not "unresolvable": each is
undecidable from the files, and one note says why."""

from __future__ import annotations

from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.model.graph import DependencyGraph

__all__ = ["INSTALL_FIRST", "NOTHING_INSTALLED", "nothing_installed"]

NOTHING_INSTALLED = "nothing is installed here and there is no lockfile"
INSTALL_FIRST = (
    "install the project with its package manager (npm install, pnpm install, yarn install, bun install), "
    "then check again"
)


def nothing_installed(context: CheckContext) -> bool:
    """No package but the project and its workspaces, read from a tree with no node_modules folder
    at its root (a graph read from a lockfile or a Plug'n'Play install has a layout of its own)."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    if graph.layout != "unknown" or context.fs is None:
        return False
    if any(not (instance.is_project or instance.is_workspace) for instance in graph.instances):
        return False
    return context.fs.lstat(f"{graph.project}/node_modules") is None
