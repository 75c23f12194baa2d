"""Paths as every output prints them: relative to the project root."""

from __future__ import annotations

import posixpath

from nmdoctor.model.graph import DependencyGraph

__all__ = ["relative"]


def relative(graph: DependencyGraph, path: str) -> str:
    """``path`` relative to the project root, with ``/`` separators (``.`` for the root)."""
    project = graph.project
    if path.startswith(project) and path[len(project) : len(project) + 1] == "/":
        return path[len(project) + 1 :]
    if path == project:
        return "."
    return posixpath.relpath(path, project)
