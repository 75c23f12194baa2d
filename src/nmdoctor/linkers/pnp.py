"""Yarn berry's Plug'n'Play linker for a graph read from the lockfile: the runtime state yarn would
write into ``.pnp.cjs``, where no install is there to read it from (a fresh clone, ``--lockfile``).

What the runtime answers from it, as yarn 4 writes it (checked against the ``.pnp.cjs`` of real
yarn 4.18.1 installs):

- every package and workspace maps each name it declares to one locator, and itself to itself;
- the top-level locator holds the root workspace's dependencies: the fallback an installed package
  gets for a name it does not declare (``enableTopLevelFallback``, off with ``pnpFallbackMode:
  none``);
- with the default ``pnpFallbackMode: dependencies-only`` every workspace is in the fallback's
  exclusion list: an undeclared import in the project's own code fails; ``all`` lets it fall back.

Packages get the folder the lockfile graph gave them (``(unplaced)/name@version``): nothing is
read from it, since the packages' files are in yarn's cache, not in the project. Virtual packages
(one per set of peers) are not modelled: a package's peer maps to what the lockfile graph resolved.
"""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.resolve.node.pnp_state import Locator, PackageInformation, PnpState
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["FALLBACK_MODES", "plan_pnp_state", "pnp_fallback_mode"]

FALLBACK_MODES = ("none", "dependencies-only", "all")


def pnp_fallback_mode(fs: FileSystem, project: str) -> str:
    """``pnpFallbackMode`` of the project's ``.yarnrc.yml`` (``dependencies-only`` when unset)."""
    try:
        settings: Any = load_yaml(fs.read_bytes(f"{project}/.yarnrc.yml").decode("utf-8", "replace"))
    except (FileSystemError, YAMLError, ValueError):
        settings = None
    mode = settings.get("pnpFallbackMode") if isinstance(settings, dict) else None
    return mode if mode in FALLBACK_MODES else "dependencies-only"


def _reference(graph: DependencyGraph, instance: Instance) -> str:
    if instance.is_project or instance.is_workspace:
        folder = posixpath.relpath(instance.path, graph.project)
        return f"workspace:{folder}"
    return f"npm:{instance.version}"


def _location(graph: DependencyGraph, instance: Instance) -> str:
    folder = posixpath.relpath(instance.path, graph.project)
    return "./" if folder == "." else f"./{folder}/"


def plan_pnp_state(graph: DependencyGraph, fallback_mode: str = "dependencies-only") -> PnpState:
    """The runtime state yarn's PnP linker writes for ``graph`` (a graph read from the lockfile)."""
    registry: dict[tuple[str | None, str | None], PackageInformation] = {}
    by_location: dict[str, tuple[Locator, bool]] = {}
    roots: list[Locator] = []
    exclusions: dict[str, set[str]] = {}
    top_level: PackageInformation | None = None
    for instance in graph.instances:
        reference = _reference(graph, instance)
        dependencies: dict[str, str | tuple[str, str] | None] = {instance.name: reference}
        peers: set[str] = set()
        for edge in graph.edges_from(instance):
            target = edge.target
            if target is None:
                dependencies.setdefault(edge.name, None)
                continue
            target_reference = _reference(graph, target)
            dependencies[edge.name] = target_reference if target.name == edge.name else (target.name, target_reference)
            if edge.kind is DependencyKind.PEER:
                peers.add(edge.name)
        rooted = instance.is_project or instance.is_workspace
        information = PackageInformation(
            location=_location(graph, instance),
            dependencies=dependencies,
            peers=frozenset(peers),
            link_type="SOFT" if rooted else "HARD",
        )
        registry[(instance.name, reference)] = information
        by_location.setdefault(information.location, (Locator(instance.name, reference), False))
        if rooted:
            roots.append(Locator(instance.name, reference))
            if fallback_mode == "dependencies-only":
                exclusions.setdefault(instance.name, set()).add(reference)
        if instance.is_project:
            top_level = information
    if top_level is not None:
        registry[(None, None)] = top_level
    return PnpState(
        base_path=graph.project,
        source=f"{graph.project}/yarn.lock",
        registry=registry,
        dependency_tree_roots=tuple(roots),
        enable_top_level_fallback=fallback_mode != "none",
        fallback_exclusion_list={name: frozenset(references) for name, references in exclusions.items()},
        fallback_pool={},
        ignore_pattern=None,
        locators_by_location=by_location,
    )
