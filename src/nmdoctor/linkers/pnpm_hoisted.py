"""pnpm's hoisted layout (``node-linker=hoisted``) for a logical graph.

pnpm builds a graph from its lockfile (pkg-manager/real-hoist) and runs yarn's ``@yarnpkg/nm``
hoister on it (see nm_hoister.py); each resulting node is copied to ``<its parent>/node_modules/
<alias>``. The graph, as pnpm builds it:

- the root: the project's dependencies, then devDependencies, then optionalDependencies, each in
  name order (the lockfile's order), then one node per workspace (``packages%2Fweb``: the importer
  path URL-encoded), which is never hoisted; a workspace's dependencies that stay under it go to
  ``<workspace>/node_modules``;
- each package's dependencies then optionalDependencies, in name order; one node per (alias,
  package), shared by every dependent;
- a dependency on a workspace is a node of its own (``link:``): it takes part in hoisting (it can
  claim a name) but is never copied; pnpm links it into the importer's node_modules instead.
  Workspaces are not linked into the project's node_modules.

The marker is ``node_modules/.modules.yaml`` with ``nodeLinker: hoisted``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.nm_hoister import HoistedNode, SourceNode, hoist
from nmdoctor.linkers.plan import Plan, placed_plan

__all__ = ["plan_pnpm_hoisted"]


def _field(package: LogicalPackage, name: str) -> set[str]:
    raw = package.source.manifest.raw
    value = raw.get(name) if isinstance(raw, dict) else None
    return set(value) if isinstance(value, dict) else set()


def _lockfile_order(package: LogicalPackage) -> list[str]:
    """Aliases as pnpm spreads them: required dependencies (and, for importers, dev ones after
    them), optional ones last, each group in name order."""
    optional = _field(package, "optionalDependencies")
    prod = _field(package, "dependencies")
    groups: tuple[list[str], list[str], list[str]] = ([], [], [])
    for alias in package.dependencies:
        if alias in optional and alias not in prod and alias not in package.dev:
            groups[2].append(alias)
        elif alias in package.dev and alias not in prod:
            groups[1].append(alias)
        else:
            groups[0].append(alias)
    if package.importer is None:  # a package's own dev dependencies are never installed
        groups[0].extend(groups[1])
        groups[1].clear()
    return [alias for group in groups for alias in sorted(group)]


class _Builder:
    def __init__(self, graph: LogicalGraph) -> None:
        self.graph = graph
        self.nodes: dict[tuple[str, str], SourceNode] = {}

    def importer_folder(self, package: LogicalPackage) -> str:
        return "" if package.importer in (None, ".") else package.importer or ""

    def dependencies(self, owner: LogicalPackage) -> list[SourceNode]:
        found = []
        for alias in _lockfile_order(owner):
            target = self.graph.packages[owner.dependencies[alias]]
            if target.importer is not None:
                # A workspace: "link:<path from the importer>" names it; it has no dependencies.
                base = self.importer_folder(owner) if owner.importer is not None else ""
                link = posixpath.relpath(self.importer_folder(target) or ".", base or ".")
                found.append(self.node(alias, f"{alias}@link:{link}", None))
            else:
                found.append(self.package_node(alias, target))
        return found

    def node(self, alias: str, ident: str, key: str | None) -> SourceNode:
        found = self.nodes.get((alias, ident))
        if found is None:
            found = self.nodes[(alias, ident)] = SourceNode(alias, ident, key)
        return found

    def package_node(self, alias: str, package: LogicalPackage) -> SourceNode:
        ident = f"{package.name}@{package.version}"
        found = self.nodes.get((alias, ident))
        if found is None:
            found = self.nodes[(alias, ident)] = SourceNode(alias, ident, package.key)
            found.dependencies = self.dependencies(package)
        return found

    def root(self) -> SourceNode:
        importers = self.graph.importers()
        project = next(item for item in importers if item.importer == ".")
        root = SourceNode(".", ".@", project.key, workspace=True, dependencies=self.dependencies(project))
        for importer in importers:
            if importer.importer in (None, "."):
                continue
            path = importer.importer or ""
            name = quote(path, safe="!*'()")  # encodeURIComponent
            root.dependencies.append(
                SourceNode(
                    name,
                    f"{name}@workspace:{path}",
                    importer.key,
                    workspace=True,
                    dependencies=self.dependencies(importer),
                )
            )
        return root


def plan_pnpm_hoisted(graph: LogicalGraph) -> Plan:
    root = hoist(_Builder(graph).root())
    placements: list[tuple[str, str]] = []

    def place(node: HoistedNode, folder: str) -> None:
        for dependency in node.dependencies:
            if dependency.workspace or dependency.key is None:
                continue  # workspaces are handled below; links to workspaces are not copied
            location = f"{folder}/node_modules/{dependency.name}"
            placements.append((location, dependency.key))
            place(dependency, location)

    place(root, graph.project)
    for dependency in root.dependencies:
        if dependency.workspace and dependency.key is not None:
            place(dependency, f"{graph.project}/{graph.packages[dependency.key].importer}")
    plan = placed_plan(graph, placements, ".modules.yaml", b"nodeLinker: hoisted\n", link_workspaces=False)
    for importer in graph.importers():
        base = graph.project if importer.importer == "." else f"{graph.project}/{importer.importer}"
        for alias, key in importer.dependencies.items():
            target = graph.packages[key]
            if target.importer is None:
                continue
            link = f"{base}/node_modules/{alias}"
            folder = graph.project if target.importer == "." else f"{graph.project}/{target.importer}"
            plan.fs.add_symlink(link, posixpath.relpath(folder, posixpath.dirname(link)))
    return plan
