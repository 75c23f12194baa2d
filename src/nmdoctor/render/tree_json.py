"""The ``ls --json`` and ``why --json`` documents of DESIGN.md."""

from __future__ import annotations

from typing import Any

from nmdoctor.inspect.layout import linked_beside
from nmdoctor.model.chains import MAX_CHAINS, count_chains, dependency_chains
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative  # re-exported: the home of relative() is the model

__all__ = ["instance_json", "linked_undeclared", "ls_document", "relative", "why_document"]


def _ref(graph: DependencyGraph, instance: Instance) -> dict[str, Any]:
    return {"name": instance.name, "version": instance.version, "path": relative(graph, instance.path)}


def linked_undeclared(graph: DependencyGraph) -> dict[str, list[Instance]]:
    """instance path -> the packages pnpm linked it beside in their virtual-store folder without
    their manifest declaring it: what pnpm resolved for them from a packageExtensions entry, its own
    or the compatibility list it applies itself (@babel/parser's @babel/types, which pnpm 10.18.2
    links and `pnpm list` shows). They are its dependents as much as the declared ones."""
    found: dict[str, list[Instance]] = {}
    for owner, instance, alias in linked_beside(graph):
        if any(edge.name == alias for edge in graph.edges_from(owner)):
            continue  # declared: an edge already names it
        found.setdefault(instance.path, []).append(owner)
    return found


def instance_json(
    graph: DependencyGraph,
    instance: Instance,
    *,
    chains: bool = False,
    all_chains: bool = False,
    refs: dict[str, dict[str, Any]] | None = None,
    undeclared: dict[str, list[Instance]] | None = None,
) -> dict[str, Any]:
    """``chains``: with the chains of dependents (``why``), the first ``MAX_CHAINS`` unless
    ``all_chains``, and ``omittedChains``: how many were left out. ``refs``: the references made
    so far, by path (a document of every instance names each dependent many times).
    ``undeclared``: ``linked_undeclared(graph)``, the dependents pnpm linked without a declaration."""
    refs = {} if refs is None else refs
    dependents: dict[str, dict[str, Any]] = {}
    sources = [edge.source for edge in graph.dependents(instance)]
    sources += (undeclared or {}).get(instance.path, [])
    for source in sources:
        if source.path not in dependents:
            ref = refs.get(source.path)
            if ref is None:
                ref = refs[source.path] = _ref(graph, source)
            dependents[source.path] = ref
    document: dict[str, Any] = {
        **_ref(graph, instance),
        "links": [relative(graph, link) for link in instance.links],
        "dependents": [dependents[key] for key in sorted(dependents)],
    }
    if chains:
        found = dependency_chains(graph, instance, None if all_chains else MAX_CHAINS)
        document["chains"] = [[item.label for item in chain] for chain in found]
        omitted = 0
        if len(found) >= MAX_CHAINS and not all_chains:
            omitted = count_chains(graph, instance) - len(found)
        document["omittedChains"] = omitted
    return document


def ls_document(graph: DependencyGraph) -> dict[str, Any]:
    refs: dict[str, dict[str, Any]] = {}  # shared: the document is printed, never edited
    undeclared = linked_undeclared(graph)
    return {
        "project": graph.project,
        "layout": graph.layout,
        "instances": [
            instance_json(graph, item, refs=refs, undeclared=undeclared)
            for item in graph.instances
            if not item.is_project
        ],
    }


def why_document(graph: DependencyGraph, name: str, *, all_chains: bool = False) -> dict[str, Any]:
    undeclared = linked_undeclared(graph)
    return {
        "name": name,
        "instances": [
            instance_json(graph, item, chains=True, all_chains=all_chains, undeclared=undeclared)
            for item in graph.instances_of(name)
        ],
    }
