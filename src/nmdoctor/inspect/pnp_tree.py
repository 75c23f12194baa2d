"""The dependency model of a Yarn Plug'n'Play install, read from its serialized state.

There is no node_modules to walk: every locator of the state is one instance, at the folder node
loads it from (a zip of the cache, ``.yarn/unplugged``, a workspace, or the virtual path of a
package with peers: each virtual locator is its own module instance, as pnpm's peer variants are).
A locator that only has virtual variants (the base locator of a package with peers, which nothing
references) is not an instance. Every declared dependency resolves through the issuer's
``packageDependencies``, as the runtime resolves it: an unprovided peer or an undeclared name
resolves to nothing (the fallback the runtime may apply is a warning, not a declaration).
"""

from __future__ import annotations

from nmdoctor.model.graph import PNP_LAYOUT, DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import Manifest, ManifestError, parse_manifest
from nmdoctor.resolve.node.pnp_state import Locator, PnpState, read_pnp_state
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.vfs.pnpfs import PnpFS, resolve_virtual

__all__ = ["LAYOUT", "read_pnp_tree"]

LAYOUT = PNP_LAYOUT


def _manifest(fs: FileSystem, folder: VPath) -> Manifest | None:
    try:
        raw = fs.read_bytes(folder + "/package.json")
    except FileSystemError:
        return None
    try:
        return parse_manifest(raw, folder + "/package.json")
    except ManifestError:
        return Manifest(name=None, version=None)


def _has_virtual_variants(state: PnpState) -> set[tuple[str | None, str]]:
    """(name, base reference) of every package that has virtual locators."""
    found: set[tuple[str | None, str]] = set()
    for name, reference in state.registry:
        if reference is not None and reference.startswith("virtual:") and "#" in reference:
            found.add((name, reference.split("#", 1)[1]))
    return found


def read_pnp_tree(disk: FileSystem, project: VPath, state: PnpState | None = None) -> DependencyGraph:
    """The PnP install of the project at ``project`` (a real path holding ``.pnp.cjs``).

    Raises ``PnpError`` when the state cannot be read.
    """
    state = state or read_pnp_state(disk, project)
    fs = PnpFS(disk)
    virtualized = _has_virtual_variants(state)
    roots = set(state.dependency_tree_roots)
    by_locator: dict[Locator, Instance] = {}
    instances: dict[VPath, Instance] = {}
    ordered_locators = sorted(state.locators(), key=lambda locator: locator not in roots)
    for locator in ordered_locators:
        if (locator.name, str(locator.reference)) in virtualized and locator not in roots:
            continue
        folder = str(state.package_location(locator)).rstrip("/") or "/"
        real = resolve_virtual(folder)
        workspace = instances.get(real) if real != folder else None
        if workspace is not None and (workspace.is_workspace or workspace.is_project):
            # A workspace with peers: its virtual path stands for the workspace folder, as the
            # node-modules linker's symlink to it does.
            if folder not in workspace.links:
                workspace.links.append(folder)
            by_locator[locator] = workspace
            continue
        found = instances.get(folder)
        if found is None:
            manifest = _manifest(fs, folder)
            if manifest is None:
                continue  # not on disk (a zip missing from the cache): not installed
            found = Instance(
                manifest.name or str(locator.name),
                manifest.version or "",
                folder,
                manifest,
                is_project=folder == project,
                is_workspace=folder != project and locator in roots,
            )
            instances[folder] = found
        by_locator[locator] = found
    edges: list[Edge] = []
    for locator, source in by_locator.items():
        information = state.information(locator)
        assert information is not None
        include_dev = source.is_project or source.is_workspace
        for declared in source.manifest.declared(include_dev=include_dev):
            reference = information.dependencies.get(declared.name)
            target = None
            if reference is not None:
                dependency = Locator(*reference) if isinstance(reference, tuple) else Locator(declared.name, reference)
                target = by_locator.get(dependency)
            edges.append(Edge(source, declared.name, declared.spec, declared.kind, declared.optional, target))
    # One instance per folder: locators sharing a folder (a workspace and its top-level alias) give
    # their edges once.
    unique: dict[tuple[VPath, str, str], Edge] = {}
    for edge in edges:
        unique.setdefault((edge.source.path, edge.name, edge.kind.value), edge)
    ordered = sorted(instances.values(), key=lambda item: (not item.is_project, item.path))
    return DependencyGraph(project, LAYOUT, ordered, list(unique.values()))
