"""pnpm's hoisted layout (``node-linker=hoisted``) for a logical graph.

pnpm builds a graph from its lockfile (pkg-manager/real-hoist) and runs yarn's ``@yarnpkg/nm``
hoister on it (see nm_hoist.py); each resulting node is copied to ``<its parent>/node_modules/
<alias>``. The graph, as pnpm builds it:

- the root: the project's dependencies, then devDependencies, then optionalDependencies, each in
  name order (the lockfile's order), then one node per workspace (``packages%2Fweb``: the importer
  path URL-encoded), which is never hoisted; a workspace's dependencies that stay under it go to
  ``<workspace>/node_modules``;
- each package's dependencies then optionalDependencies, in name order; one node per (alias,
  package), shared by every dependent;
- a dependency on a workspace is a node of its own (``link:``): it takes part in hoisting (it can
  claim a name) but is never copied; pnpm links it into the importer's node_modules instead.
  Up to pnpm 10 (10.34.8), workspaces are not linked into the project's node_modules; pnpm 11 and
  12 (11.29.0, 12.26.0) link each named workspace there whose name the hoisted tree leaves free,
  unless ``hoistWorkspacePackages: false`` (``link_workspaces_at_root``).

The marker is ``node_modules/.modules.yaml`` with ``nodeLinker: hoisted``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.nm_hoist import HoistNode, deep_recursion, hoist, link
from nmdoctor.linkers.plan import Plan, placed_plan

__all__ = ["plan_pnpm_hoisted"]

# A node's data is the key of the package copied there; None for a link to a workspace (never copied).
_Node = HoistNode[str | None]


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
    """The hoister's graph, as pnpm builds it: one node per (alias, package), made when first met in
    a depth-first walk from the root; a node met again is linked to, and so marked coupled. pnpm
    passes no peers, limits or priorities."""

    def __init__(self, graph: LogicalGraph) -> None:
        self.graph = graph
        self.nodes: dict[tuple[str, str], _Node] = {}

    def importer_folder(self, package: LogicalPackage) -> str:
        return "" if package.importer in (None, ".") else package.importer or ""

    def add_dependencies(self, owner: LogicalPackage, parent: _Node) -> None:
        for alias in _lockfile_order(owner):
            target = self.graph.packages[owner.dependencies[alias]]
            if target.importer is not None:
                # A workspace: "link:<path from the importer>" names it; it has no dependencies.
                base = self.importer_folder(owner) if owner.importer is not None else ""
                link_path = posixpath.relpath(self.importer_folder(target) or ".", base or ".")
                ident, key, package = f"{alias}@link:{link_path}", None, None
            else:
                ident, key, package = f"{target.name}@{target.version}", target.key, target
            node = self.nodes.get((alias, ident))
            seen = node is not None
            if node is None:
                node = self.nodes[(alias, ident)] = _Node(alias, ident, ident, key)
            link(parent, node, seen)
            if not seen and package is not None:
                self.add_dependencies(package, node)

    def root(self) -> _Node:
        importers = self.graph.importers()
        project = next(item for item in importers if item.importer == ".")
        root = _Node(".", ".@", ".@", project.key, workspace=True, border=True)
        self.add_dependencies(project, root)
        for importer in importers:
            if importer.importer in (None, "."):
                continue
            path = importer.importer or ""
            name = quote(path, safe="!*'()")  # encodeURIComponent
            ident = f"{name}@workspace:{path}"
            workspace = _Node(name, ident, ident, importer.key, workspace=True)
            link(root, workspace, False)
            self.add_dependencies(importer, workspace)
        return root


def _placements(root: _Node, graph: LogicalGraph) -> list[tuple[str, str]]:
    """(folder, package key) of every copy: each node in ``<its parent>/node_modules/<alias>``, a
    package met again on its own path as a leaf, a workspace's nodes below the workspace's folder."""
    placements: list[tuple[str, str]] = []
    on_path = {id(root)}

    def place(node: _Node, folder: str) -> None:
        for dependency in node.deps.values():
            if dependency is node:
                continue  # a package that depends on itself finds itself
            if dependency.workspace or dependency.data is None:
                continue  # workspaces are handled below; links to workspaces are not copied
            location = f"{folder}/node_modules/{dependency.name}"
            placements.append((location, dependency.data))
            if id(dependency) in on_path:
                continue
            on_path.add(id(dependency))
            place(dependency, location)
            on_path.discard(id(dependency))

    place(root, graph.project)
    for dependency in root.deps.values():
        if dependency.workspace and dependency.data is not None:
            on_path.add(id(dependency))
            place(dependency, f"{graph.project}/{graph.packages[dependency.data].importer}")
            on_path.discard(id(dependency))
    return placements


def plan_pnpm_hoisted(graph: LogicalGraph, *, link_workspaces_at_root: bool = False) -> Plan:
    with deep_recursion(20_000 + 20 * len(graph.packages)):
        root = _Builder(graph).root()
        hoist(root)
        placements = _placements(root, graph)
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
    if link_workspaces_at_root:
        _link_workspaces_at_root(graph, plan)
    return plan


def _link_workspaces_at_root(graph: LogicalGraph, plan: Plan) -> None:
    """pnpm 11 and later: ``node_modules/<name>`` of the project links each workspace package by its
    package.json name, where no hoisted copy or dependency link holds the name."""
    for importer in graph.importers():
        raw = importer.source.manifest.raw
        name = raw.get("name") if isinstance(raw, dict) else None
        if importer.importer in (None, ".") or not isinstance(name, str) or not name:
            continue
        link = f"{graph.project}/node_modules/{name}"
        if plan.fs.lstat(link) is not None:
            continue
        folder = f"{graph.project}/{importer.importer}"
        plan.fs.add_symlink(link, posixpath.relpath(folder, posixpath.dirname(link)))
