"""The ``ls --json`` and ``why --json`` documents of DESIGN.md."""

from __future__ import annotations

from typing import Any

from nmdoctor.model.chains import MAX_CHAINS, count_chains, dependency_chains
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative  # re-exported: the home of relative() is the model

__all__ = ["instance_json", "ls_document", "relative", "why_document"]


def _ref(graph: DependencyGraph, instance: Instance) -> dict[str, Any]:
    return {"name": instance.name, "version": instance.version, "path": relative(graph, instance.path)}


def instance_json(
    graph: DependencyGraph,
    instance: Instance,
    *,
    chains: bool = False,
    all_chains: bool = False,
    refs: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``chains``: with the chains of dependents (``why``), the first ``MAX_CHAINS`` unless
    ``all_chains``, and ``omittedChains``: how many were left out. ``refs``: the references made
    so far, by path (a document of every instance names each dependent many times)."""
    refs = {} if refs is None else refs
    dependents: dict[str, dict[str, Any]] = {}
    for edge in graph.dependents(instance):
        source = edge.source
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
    return {
        "project": graph.project,
        "layout": graph.layout,
        "instances": [instance_json(graph, item, refs=refs) for item in graph.instances if not item.is_project],
    }


def why_document(graph: DependencyGraph, name: str, *, all_chains: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "instances": [
            instance_json(graph, item, chains=True, all_chains=all_chains) for item in graph.instances_of(name)
        ],
    }
