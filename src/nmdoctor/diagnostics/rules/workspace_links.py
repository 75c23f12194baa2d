"""A workspace package depended on by version that pnpm installed from the registry instead."""

from __future__ import annotations

import json
from collections.abc import Iterator

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._refs import package_ref
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import FIELD_OF_KIND
from nmdoctor.model.paths import manifest_file, relative
from nmdoctor.model.specs import SpecKind, classify_spec, satisfies
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem

__all__ = ["workspace_not_linked"]


@check("workspace-not-linked", Severity.WARNING)
def workspace_not_linked(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A package of the workspace declares another of its workspace packages by a version range the
    workspace's own version satisfies, and pnpm installed that name from the registry: pnpm 9 and
    later link a workspace package only for a `workspace:` spec, or for any matching range when
    `linkWorkspacePackages` is set (npm, yarn and bun link it in both cases).
    ## Why it matters
    The code that runs is the last published copy (or another package that shares the name), not the
    workspace's source next to it: local changes do not show, and the two drift apart silently.
    ## How to fix
    Declare it with the workspace protocol (`"name": "workspace:^1.2.0"`, which pnpm turns into the
    version when it publishes), then `pnpm install`. Setting `linkWorkspacePackages: true` now is not
    enough: pnpm keeps the registry copy its lockfile holds (pnpm 10.34.8 and 12.26.0)."""
    graph = context.graph
    if not isinstance(graph, DependencyGraph) or not graph.layout.startswith("pnpm"):
        return
    workspaces: dict[str, Instance] = {}
    for root in graph.roots:
        if root.name and root.version:
            workspaces.setdefault(root.name, root)
    if not workspaces:
        return
    for source in graph.roots:
        for edge in graph.edges_from(source):
            local = workspaces.get(edge.name)
            if local is None or local is source or not _from_registry(edge, local):
                continue
            yield _finding(context.fs, graph, edge, local)


def _from_registry(edge: Edge, local: Instance) -> bool:
    """``edge`` names ``local``'s package by a plain range ``local``'s version satisfies, and finds
    a registry copy of that name instead."""
    if classify_spec(edge.spec).kind is not SpecKind.RANGE or not satisfies(local.version, edge.spec):
        return False
    target = edge.target
    return target is not None and not (target.is_workspace or target.is_project) and target.name == edge.name


def _finding(fs: FileSystem | None, graph: DependencyGraph, edge: Edge, local: Instance) -> Finding:
    source = edge.source
    manifest = manifest_file(graph, source.path)
    target = edge.target
    assert target is not None
    line = column = 0
    if fs is not None:
        try:
            text = fs.read_bytes(f"{source.path}/package.json")
        except OSError:
            text = b""
        line, column = json_string_position(text, edge.name, FIELD_OF_KIND[edge.kind])
    workspace_spec = f"workspace:{edge.spec}" if edge.spec.strip() not in ("*", "") else "workspace:*"
    return finding(
        "workspace-not-linked",
        f"`{source.label}` declares `{edge.name}@{edge.spec}`, which this project's workspace package "
        f"`{relative(graph, local.path)}` ({local.label}) satisfies, but pnpm installed {target.label} from the "
        "registry: pnpm links a workspace package only for a `workspace:` spec or with linkWorkspacePackages",
        package=package_ref(graph, source),
        request=edge.name,
        from_=manifest,
        line=line or None,
        column=column or None,
        fix=f"declare {json.dumps(edge.name)}: {json.dumps(workspace_spec)} in {manifest}, then pnpm install",
    )
