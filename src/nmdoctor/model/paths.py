"""Paths as every output prints them: relative to the project root."""

from __future__ import annotations

import posixpath

from nmdoctor.model.graph import DependencyGraph

__all__ = ["manifest_file", "relative"]


def relative(graph: DependencyGraph, path: str) -> str:
    """``path`` relative to the project root, with ``/`` separators (``.`` for the root)."""
    project = graph.project
    if path.startswith(project) and path[len(project) : len(project) + 1] == "/":
        return path[len(project) + 1 :]
    if path == project:
        return "."
    return posixpath.relpath(path, project)


def manifest_file(graph: DependencyGraph, folder: str) -> str:
    """The package.json of the package at ``folder``, as outputs name it (``package.json`` for the
    project's own, ``packages/a/package.json`` for a workspace's)."""
    where = relative(graph, folder)
    return "package.json" if where == "." else f"{where}/package.json"
