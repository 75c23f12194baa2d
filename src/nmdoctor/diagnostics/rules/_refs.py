"""Helpers shared by the rules: package references relative to the project."""

from __future__ import annotations

from nmdoctor.diagnostics.model import PackageRef
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative

__all__ = ["package_ref", "where"]


def package_ref(graph: DependencyGraph, instance: Instance) -> PackageRef:
    return PackageRef(instance.name, instance.version, relative(graph, instance.path))


def where(graph: DependencyGraph, instance: Instance) -> str:
    """The instance's folder relative to the project, or "the project folder"."""
    path = relative(graph, instance.path)
    return "the project folder" if path == "." else path
