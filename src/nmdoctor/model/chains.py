"""Chains of dependents from the project (or a workspace) down to an instance, as ``npm explain``."""

from __future__ import annotations

from nmdoctor.model.graph import DependencyGraph, Instance

__all__ = ["MAX_CHAINS", "dependency_chains"]

MAX_CHAINS = 100  # per instance: a popular package deep in a big tree has thousands


def dependency_chains(graph: DependencyGraph, target: Instance, limit: int = MAX_CHAINS) -> list[list[Instance]]:
    """Every simple chain ``[root, ..., target]`` along resolved edges, shortest first, at most ``limit``."""
    chains: list[list[Instance]] = []
    # Walk dependents upward breadth first, so the shortest chains are found first.
    frontier: list[list[Instance]] = [[target]]
    while frontier and len(chains) < limit:
        following: list[list[Instance]] = []
        for chain in frontier:
            head = chain[0]
            if head.is_project or head.is_workspace:
                chains.append(chain)
                if len(chains) >= limit:
                    break
                if head.is_project:
                    continue
            seen = {item.path for item in chain}
            for edge in graph.dependents(head):
                if edge.source.path not in seen:
                    following.append([edge.source, *chain])
        frontier = following[: limit * 20]
    chains.sort(key=lambda chain: (len(chain), [item.path for item in chain]))
    return chains
