"""Chains of dependents from the project (or a workspace) down to an instance, as ``npm explain``."""

from __future__ import annotations

from nmdoctor.model.graph import DependencyGraph, Instance

__all__ = ["COUNT_CAP", "MAX_CHAINS", "count_chains", "dependency_chains"]

MAX_CHAINS = 100  # per instance: a popular package deep in a big tree has thousands


COUNT_CAP = 1_000_000  # chains counted before a count is reported as "more than"


def dependency_chains(graph: DependencyGraph, target: Instance, limit: int | None = MAX_CHAINS) -> list[list[Instance]]:
    """Every simple chain ``[root, ..., target]`` along resolved edges, shortest first, at most
    ``limit`` (every chain when ``None``)."""
    if limit is None:
        limit = COUNT_CAP
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


def count_chains(graph: DependencyGraph, target: Instance, cap: int = COUNT_CAP) -> int:
    """How many chains ``dependency_chains`` would find without a limit (at most ``cap``), counted
    depth first without keeping them."""
    count = 0
    stack: list[tuple[Instance, frozenset[str]]] = [(target, frozenset((target.path,)))]
    while stack and count < cap:
        head, seen = stack.pop()
        if head.is_project or head.is_workspace:
            count += 1
            if head.is_project:
                continue
        for edge in graph.dependents(head):
            if edge.source.path not in seen:
                stack.append((edge.source, seen | {edge.source.path}))
    return min(count, cap)
