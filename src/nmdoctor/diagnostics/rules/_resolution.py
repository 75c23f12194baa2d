"""The project's resolution config, read once per check run and shared by the rules that ask
"does this import resolve?" (undeclared imports, under node_modules or Plug'n'Play)."""

from __future__ import annotations

from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.project.resolution import ProjectResolution
from nmdoctor.vfs import DiskFS

__all__ = ["project_resolution"]


def project_resolution(context: CheckContext) -> ProjectResolution:
    """The project's resolution configs, built on first request and kept on the run's context."""
    held = context.memo.get("resolution")
    if isinstance(held, ProjectResolution):
        return held
    graph, fs = context.graph, context.fs
    assert isinstance(graph, DependencyGraph) and fs is not None
    # a tsconfig may extend a workspace package (``@acme/tsconfig/base.json``) that no
    # node_modules links before an install: checked from the lockfile, it is read where it is
    workspaces = {item.name: item.path for item in graph.instances if item.is_workspace and item.name}
    built = ProjectResolution(fs, graph.project, on_disk=isinstance(fs, DiskFS), workspaces=workspaces)
    context.memo["resolution"] = built
    return built
