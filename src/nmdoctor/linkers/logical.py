"""The manager-independent dependency graph a planner starts from: one package per name@version.

Built from the model of an installed tree or a lockfile: each package's dependencies are the
versions its declared dependencies resolve to today, which is what a fresh install from the same
lockfile would keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind

__all__ = ["LogicalGraph", "LogicalPackage", "logical_graph"]


@dataclass(slots=True)
class LogicalPackage:
    key: str  # "name@version", or the importer's folder for the project and workspaces
    name: str
    version: str
    source: Instance  # one installed copy: its manifest and files
    importer: str | None = None  # the folder relative to the project, for the project and workspaces
    dependencies: dict[str, str] = field(default_factory=dict)  # alias -> key
    specs: dict[str, str] = field(default_factory=dict)  # alias -> declared spec
    dev: set[str] = field(default_factory=set)  # aliases that are devDependencies (importers only)
    peers: dict[str, str] = field(default_factory=dict)  # alias -> declared range


@dataclass(slots=True)
class LogicalGraph:
    project: str
    packages: dict[str, LogicalPackage]

    def importers(self) -> list[LogicalPackage]:
        return sorted(
            (item for item in self.packages.values() if item.importer is not None), key=lambda item: item.importer or ""
        )


def _key(graph: DependencyGraph, instance: Instance) -> str:
    if instance.is_project:
        return "."
    if instance.is_workspace:
        return instance.path[len(graph.project) + 1 :]
    return f"{instance.name}@{instance.version}"


def logical_graph(graph: DependencyGraph) -> LogicalGraph:
    packages: dict[str, LogicalPackage] = {}
    for instance in graph.instances:
        key = _key(graph, instance)
        if key in packages:
            continue
        importer = key if (instance.is_project or instance.is_workspace) else None
        packages[key] = LogicalPackage(key, instance.name, instance.version, instance, importer=importer)
    for edge in graph.edges:
        source = packages[_key(graph, edge.source)]
        if edge.kind is DependencyKind.PEER:
            source.peers[edge.name] = edge.spec
        if edge.target is None:
            continue
        target_key = _key(graph, edge.target)
        if edge.name not in source.dependencies:
            source.dependencies[edge.name] = target_key
            source.specs[edge.name] = edge.spec
            if edge.kind is DependencyKind.DEV:
                source.dev.add(edge.name)
    return LogicalGraph(graph.project, packages)
