"""Yarn berry's ``nodeLinker: node-modules`` layout (the @yarnpkg/nm hoister of yarn 4) for a logical graph.

Yarn does not place packages one by one as npm does. It builds the whole dependency graph (one node
per locator and alias, shared between dependents), then hoists node by node, keeping two promises:
every package still requires the version it declared, and a package and its parent see the same
instance of each peer dependency. Checked against yarn 4.18.1 (the hoister's rules were read from
packages/yarnpkg-nm/sources/{hoist,buildNodeModulesTree}.ts and the shipped bundle). What decides a
placement, in the order the hoister applies it:

1. Hoisting goes to one root at a time: the project first, then, depth first, every node that
   ended up in its node_modules (and so on down). For each root the hoister ranks, per name, the
   versions it could take: already a direct dependency of the root wins outright; otherwise higher
   ``hoistPriority`` first (direct dependencies of a workspace are 1, the rest 0), then more distinct
   dependents (every package counts itself), then the order the graph walk first met the version.
   Only the top-ranked version of a name is tried; when it cannot take the root slot, the next one is.
2. A node is not hoisted when it is a workspace, a self reference, the root's peer, when something
   on the way up already uses another version of its name (a conflict), or when its peers would no
   longer be the parent's (a node whose peer is its sibling waits for that sibling: both go or stay).
3. ``nmHoistingLimits``: ``workspaces`` makes each workspace a border nothing is hoisted past;
   ``dependencies`` makes each direct dependency of a workspace a border (its own dependencies stay
   under it). ``installConfig.hoistingLimits`` in a workspace's package.json overrides it there.
4. Workspaces are symlinks wherever the hoister places them: each workspace depends on itself
   (``nmSelfReferences``, on by default), so ``node_modules/<workspace>`` exists at the top unless a
   limit keeps it in the workspace's own node_modules.
5. Dependencies are walked in yarn's order: the package itself, its peers, then its dependencies
   sorted by descriptor (``name@npm:range``; by name alone for a package with peers), then the
   workspaces nested in its folder. These orders break the ties of step 1.

A package with peers is one node per set of resolved peers, as yarn's virtual packages are.
Yarn also adds peer dependencies to some popular packages before resolving them (the built-in
``packageExtensions`` of its compat plugin, e.g. typescript and webpack to react-dev-utils), which
makes those packages virtual and can keep them lower in the tree: the planner sees only the
manifests' peers, plus the extensions given in ``BerrySettings.package_extensions``. A workspace
with peers is virtual too where another package depends on it (an example app's
``"lib": "workspace:*"`` on the library at the root): a link the hoister does not descend into, never
the tree's root. Portals and links outside the project (``portal:``/``link:``) and the peers of a
workspace's own folder (yarn resolves them from the parent workspace) are not modelled.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass, field
from typing import Literal

from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
from nmdoctor.linkers.nm_hoist import HoistNode, deep_recursion, hoist, link
from nmdoctor.linkers.plan import Plan
from nmdoctor.lockfiles.yarn_extensions import types_peer
from nmdoctor.model.specs import satisfies
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["BerrySettings", "HoistingLimits", "plan_yarn_berry"]

HoistingLimits = Literal["none", "workspaces", "dependencies"]
_WS = "$wsroot$"  # the suffix yarn gives the node that stands for a workspace's own folder


@dataclass(frozen=True, slots=True)
class BerrySettings:
    """``.yarnrc.yml`` settings the layout depends on (yarn 4 defaults)."""

    hoisting_limits: HoistingLimits = "none"
    self_references: bool = True
    # ``packageExtensions``: ("name@range", {peer: range}) pairs; the peers yarn adds to matching
    # packages' manifests before resolving (yarn's own built-in extensions are not included).
    package_extensions: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # yarn 4 before 4.8.0 moves a dependency to the end of its dependent's list when it makes it
    # virtual (a package with peers): the order the hoister meets packages in, and so its ties
    virtual_last: bool = False


# ---------------------------------------------------------------------------------------------
# Package information: what yarn's install map knows of each locator (virtual ones included).


@dataclass(eq=False, slots=True)
class _Info:
    name: str  # the package's own name (its ident)
    reference: str  # "npm:1.0.0", "virtual:<hash>#npm:1.0.0", "workspace:packages/a"
    key: str  # the logical package key
    soft: bool  # a workspace: linked, not copied
    cwd: str | None  # project-relative folder of a workspace
    peers: tuple[str, ...] = ()
    deps: dict[str, _Info | None] = field(default_factory=dict)  # alias -> target, in yarn's order

    @property
    def locator(self) -> str:
        return f"{self.name}@{self.reference}"


def _descriptor(alias: str, spec: str) -> str:
    """The string yarn sorts dependencies by: ranges without a protocol get ``npm:``."""
    return f"{alias}@{spec if ':' in spec else 'npm:' + spec}"


def _extended_peers(graph: LogicalGraph, settings: BerrySettings) -> dict[str, dict[str, str]]:
    """package key -> its peers, with the ones ``packageExtensions`` adds and their @types."""
    peers = {key: dict(package.peers) for key, package in graph.packages.items()}
    for descriptor, extra in settings.package_extensions:
        name, _, spec = descriptor.rpartition("@") if descriptor.rfind("@") > 0 else (descriptor, "", "*")
        for key, package in graph.packages.items():
            if package.name != name or package.importer is not None or not satisfies(package.version, spec or "*"):
                continue
            for peer, peer_range in extra:
                # also when the package depends on it: the peer wins (yarn then resolves the name
                # from the parent, and the package's own version of it is not installed)
                peers[key].setdefault(peer, peer_range)
    for key, package in graph.packages.items():
        if package.importer is None:
            # yarn's normalizePackage: a name only in peerDependenciesMeta is a peer ("*") too, so
            # debug@4 (``supports-color`` optional, no peerDependencies) takes its parent's copy.
            for name in sorted(package.source.manifest.optional_peers):
                peers[key].setdefault(name, "*")
        # yarn gives each peer its @types package as an optional peer too (unless the package
        # depends on it): a package that peer-depends on eslint also peer-depends on @types/eslint.
        for name in list(peers[key]):
            if name.startswith("@types/"):
                continue
            types = types_peer(name)
            if types not in package.dependencies:
                peers[key].setdefault(types, "*")
    return peers


def _own_dependencies(package: LogicalPackage) -> set[str]:
    """The names the package's manifest lists as (optional) dependencies. One also a peer is the
    peer when the parent provides it (ajv-formats' ajv: the parent's copy, its own version is not
    installed), else the dependency (vitest's vite under a project without vite), as yarn 4.18 does."""
    manifest = package.source.manifest
    return {name for name, _spec in (*manifest.dependencies, *manifest.optional_dependencies)}


class _Infos:
    def __init__(self, graph: LogicalGraph, settings: BerrySettings) -> None:
        self.graph = graph
        self.peers = _extended_peers(graph, settings)
        self.virtual_last = settings.virtual_last
        self.by_locator: dict[str, _Info] = {}
        self.importers: dict[str, _Info] = {}
        for importer in graph.importers():
            reference = "workspace:."
            if importer.importer != ".":
                reference = f"workspace:{importer.importer}"
            info = _Info(importer.name, reference, importer.key, True, importer.importer)
            self.importers[importer.key] = info
            self.by_locator[info.locator] = info
        for importer in graph.importers():
            self._fill(self.importers[importer.key], importer, {})

    def _regular(self, package: LogicalPackage) -> list[str]:
        """Dependencies sorted by descriptor (``name@npm:range``); a virtual package's (one with
        peers) are sorted again after peer resolution, by name alone ("jest" before "jest-cli").
        Before yarn 4.8.0 a package that is not virtual itself has its virtual dependencies after
        the others (real yarn 4.4.1, 4.6.0 and 4.7.0 on redux-thunk's root; 4.8.0 on keeps one order)."""
        peers = self.peers[package.key] if package.importer is None else {}
        own = _own_dependencies(package)
        aliases = [alias for alias in package.dependencies if alias not in peers or alias in own]
        if peers:
            return sorted(aliases)
        ordered = sorted(aliases, key=lambda alias: _descriptor(alias, package.specs.get(alias, "")))
        if self.virtual_last:
            ordered.sort(key=lambda alias: self._virtual(package.dependencies[alias]))
        return ordered

    def _virtual(self, key: str) -> bool:
        """Whether yarn makes the package a virtual one (it has peers); workspaces are not counted."""
        return key not in self.importers and bool(self.peers.get(key))

    def _fill(self, info: _Info, package: LogicalPackage, parent: dict[str, _Info | None]) -> None:
        # yarn registers the self reference first; a dependency on the package's own name (a
        # project named prettier that formats itself with the registry's prettier) replaces it
        if package.name not in self._regular(package):
            info.deps[package.name] = info
        own = _own_dependencies(package) if package.importer is None else set()
        # a peer the parent does not provide that is also a dependency: yarn installs its own
        info.peers = tuple(peer for peer in info.peers if parent.get(peer) is not None or peer not in own)
        for peer in info.peers:
            info.deps.setdefault(peer, parent.get(peer))
        regular = [alias for alias in self._regular(package) if alias not in info.deps]
        for alias in regular:  # yarn's order; the targets follow
            info.deps[alias] = None
        resolving: set[str] = set()

        def resolve(alias: str) -> _Info | None:
            """A dependency's locator; one with peers takes them from this package's dependencies,
            so siblings it peer-depends on are resolved first."""
            current = info.deps.get(alias)
            if current is not None or alias not in regular or alias in resolving:
                return current
            resolving.add(alias)
            key = package.dependencies[alias]
            wanted = self.peers[key] if key not in self.importers else {}
            view = {name: resolve(name) if name in regular else info.deps.get(name) for name in wanted}
            info.deps[alias] = self.info(key, {**info.deps, **view})
            return info.deps[alias]

        for alias in regular:
            resolve(alias)

    def info(self, key: str, parent: dict[str, _Info | None]) -> _Info:
        """The locator ``key`` gets under a parent whose dependencies are ``parent``: packages
        with peers are virtual, one per set of resolved peers."""
        if key in self.importers:
            return self.importers[key]
        package = self.graph.packages[key]
        declared = self.peers[key]
        peers = tuple(sorted(declared, key=lambda name: f"{name}@{declared[name]}"))
        reference = f"npm:{package.version}"
        if peers:
            resolved = "|".join(f"{peer}={target.locator if (target := parent.get(peer)) else ''}" for peer in peers)
            digest = hashlib.sha256(f"{key}|{resolved}".encode()).hexdigest()[:16]
            reference = f"virtual:{digest}#{reference}"
        locator = f"{package.name}@{reference}"
        found = self.by_locator.get(locator)
        if found is not None:
            return found
        info = _Info(package.name, reference, key, False, None, peers)
        self.by_locator[locator] = info
        self._fill(info, package, parent)
        return info


# ---------------------------------------------------------------------------------------------
# The hoister's graph (nm_hoist.py): one node per (locator, alias), shared by its dependents until
# decoupled; each node's data is its locator's information.

_Node = HoistNode[_Info]


def _ident(name: str, reference: str) -> str:
    return f"{name}@{reference.split('#', 1)[1] if '#' in reference else reference}"


def _make_node(name: str, ident_name: str, info: _Info, workspace: bool, peer_names: set[str]) -> _Node:
    return HoistNode(
        name,
        _ident(ident_name, info.reference),
        f"{ident_name}@{info.reference}",
        info,
        peer_names,
        workspace,
        references={info.reference},
    )


class _TreeBuilder:
    """yarn's buildPackageTree and the hoister's cloneTree in one pass: nodes are keyed by locator
    and alias; a node met a second time is shared and marked coupled (hoisting copies it first)."""

    def __init__(self, graph: LogicalGraph, infos: _Infos, settings: BerrySettings) -> None:
        self.infos = infos
        self.nodes: dict[str, _Node] = {}
        self.limits: dict[str, set[str]] = {}  # parent locator -> names that are hoisting borders
        self.limits_by_cwd: dict[str, str] = {}
        self.self_refs_by_cwd: dict[str, bool] = {}
        for importer in graph.importers():
            raw = importer.source.manifest.raw
            config = raw.get("installConfig") if isinstance(raw, dict) else None
            config = config if isinstance(config, dict) else {}
            limit = config.get("hoistingLimits", settings.hoisting_limits)
            self.limits_by_cwd[importer.importer or "."] = (
                limit if limit in ("none", "workspaces", "dependencies") else settings.hoisting_limits
            )
            self_refs = config.get("selfReferences", settings.self_references)
            self.self_refs_by_cwd[importer.importer or "."] = bool(self_refs)
        self.children = self._workspace_children(graph)
        self.virtual_workspaces = _workspaces_with_peers(graph, infos)
        root_info = infos.importers["."]
        self.root_info = root_info
        self.root = _make_node(root_info.name, root_info.name, root_info, True, set())
        self.root.border = True

    def _workspace_children(self, graph: LogicalGraph) -> dict[str, list[_Info]]:
        """The workspaces nested in each workspace's folder, in the order yarn meets them: walking
        the dependencies from each workspace in turn (the project first)."""
        order: list[_Info] = []
        seen: set[str] = set()
        pending = [self.infos.importers[item.key] for item in graph.importers()]
        pending.sort(key=lambda info: info.cwd != ".")
        for start in pending:
            stack = [start]
            while stack:
                info = stack.pop()
                if info.locator in seen:
                    continue
                seen.add(info.locator)
                if info.soft:
                    order.append(info)
                targets = [
                    target for alias, target in info.deps.items() if target is not None and alias not in info.peers
                ]
                stack.extend(reversed(targets))
        children: dict[str, list[_Info]] = {}
        cwds = {info.cwd: info for info in order}
        for info in order:
            if info.cwd in (None, "."):
                continue
            parent_cwd = posixpath.dirname(info.cwd or "")
            while parent_cwd and parent_cwd not in cwds:
                parent_cwd = posixpath.dirname(parent_cwd)
            parent = cwds.get(parent_cwd or ".", self.infos.importers["."])
            children.setdefault(parent.locator, []).append(info)
        return children

    def build(self) -> _Node:
        info = self.root_info
        self._add(info.name, info, info.name, self.root, info, ".", border=False)
        # cloneTree marks borders once all limits are known: a (parent locator, name) pair may be
        # registered after the edge was first met.
        for parent in [self.root, *self.nodes.values()]:
            for name, dep in parent.original.items():
                if name in self.limits.get(parent.locator, ()):
                    dep.border = True
        return self.root

    def _add(
        self,
        name: str,
        info: _Info,
        ident_name: str,
        parent: _Node,
        parent_info: _Info,
        cwd: str | None,
        *,
        border: bool,
    ) -> None:
        # another package's dependency on a workspace with peers is a virtual locator of it: a
        # link, never the tree's root (nor the workspace's own node)
        virtual = info is not parent_info and info.locator in self.virtual_workspaces and not ident_name.endswith(_WS)
        key = f"{ident_name}@{'virtual:' if virtual else ''}{info.reference}:{name}"
        node = self.nodes.get(key)
        seen = node is not None
        if node is None and info is self.root_info and ident_name == info.name and not virtual:
            node = self.root
            self.nodes[key] = node
        if node is None:
            workspace = info.soft and ident_name.endswith(_WS)
            node = _make_node(name, ident_name, info, workspace, set() if workspace else set(info.peers))
            if virtual:
                node.locator = f"{ident_name}@virtual:{info.reference}"
            self.nodes[key] = node
        node.priority = max(node.priority, 1 if parent_info.soft else 0)
        if border:
            self.limits.setdefault(parent.locator, set()).add(node.name)
        deps: dict[str, tuple[_Info, str] | None] = {
            alias: (target, target.name) if target is not None else None for alias, target in info.deps.items()
        }
        for child in self.children.get(info.locator, []):
            deps[child.name + _WS] = (child, child.name + _WS)
        if info is not parent_info or not info.soft or self.self_refs_by_cwd.get(cwd or "", False):
            link(parent, node, seen)
        stop = node is not self.root and info.soft and not ident_name.endswith(_WS)
        if seen or stop:
            return
        for alias, target in deps.items():
            if target is None:
                continue
            target_info, target_ident = target
            target_cwd = target_info.cwd
            parent_limit = self.limits_by_cwd.get(cwd or "")
            target_limit = self.limits_by_cwd.get(target_cwd or "") if target_cwd else None
            is_border = parent_limit == "dependencies" or target_limit in ("dependencies", "workspaces")
            self._add(alias, target_info, target_ident, node, info, target_cwd, border=is_border)


def _workspaces_with_peers(graph: LogicalGraph, infos: _Infos) -> set[str]:
    """The locators of the workspaces whose manifest declares peer dependencies: yarn gives each
    workspace that depends on such a workspace a virtual locator of it (one per set of peers)."""
    found: set[str] = set()
    for importer in graph.importers():
        manifest = importer.source.manifest
        if manifest.peer_dependencies or manifest.optional_peers:
            found.add(infos.importers[importer.key].locator)
    return found


# ---------------------------------------------------------------------------------------------
# From the hoisted graph to folders and links.


def _placements(root: _Node, project: str) -> list[tuple[str, _Node]]:
    """(folder, node) for every package the hoisted graph puts somewhere: ``node_modules/<name>``
    below its parent's folder, or below the workspace folder for a workspace's own node."""
    found: list[tuple[str, _Node]] = []
    on_path: set[int] = {id(root)}

    def walk(node: _Node, folder: str) -> None:
        own = _ident_name(node).removesuffix(_WS)
        for dep in list(node.regular()):
            if _ident_name(dep) == own and dep.references == node.references:
                continue  # the package itself, or a workspace's link to itself right in its own folder
            if dep.name.endswith(_WS):
                location = f"{project}/{dep.data.cwd}" if dep.data.cwd not in (None, ".") else project
            else:
                location = f"{folder}/node_modules/{dep.name}"
                found.append((location, dep))
                if dep.data.soft:
                    location = f"{project}/{dep.data.cwd}" if dep.data.cwd not in (None, ".") else project
            if id(dep) in on_path:
                continue
            on_path.add(id(dep))
            walk(dep, location)
            on_path.discard(id(dep))

    walk(root, project)
    return found


def _ident_name(node: _Node) -> str:
    return node.locator[: node.locator.index("@", 1)]


def _state_file(root: _Node, placements: list[tuple[str, _Node]], project: str) -> bytes:
    """``node_modules/.yarn-state.yml``: yarn's record of which locator is at which locations (the
    project itself at ""; yarn lists each locator's locations in reverse string order)."""
    locations: dict[str, list[str]] = {root.locator: [""]}
    for folder, node in placements:
        locator = f"{node.data.name}@{sorted(node.references)[0]}"
        locations.setdefault(locator, []).append(folder[len(project) + 1 :])
    lines = [
        "# Warning: This file is automatically generated. Removing it is fine, but will",
        "# cause your node_modules installation to become invalidated.",
        "",
        "__metadata:",
        "  version: 1",
        "  nmMode: classic",
    ]
    for locator in sorted(locations):
        lines += ["", json.dumps(locator) + ":", "  locations:"]
        lines += [f"    - {json.dumps(item)}" for item in sorted(locations[locator], reverse=True)]
    return ("\n".join(lines) + "\n").encode()


def plan_yarn_berry(graph: LogicalGraph, settings: BerrySettings | None = None) -> Plan:
    settings = settings or BerrySettings()
    with deep_recursion(20_000 + 20 * len(graph.packages)):
        infos = _Infos(graph, settings)
        tree = _TreeBuilder(graph, infos, settings).build()
        hoist(tree)
        placements = _placements(tree, graph.project)
    fs = MemoryFS()
    binds: dict[str, str] = {}
    for folder, node in placements:
        if node.data.soft:
            cwd = node.data.cwd or "."
            target = graph.project if cwd == "." else f"{graph.project}/{cwd}"
            if fs.lstat(folder) is None:
                fs.add_symlink(folder, posixpath.relpath(target, posixpath.dirname(folder)))
            continue
        package = graph.packages[node.data.key]
        raw = package.source.manifest.raw
        fs.add_file(folder + "/package.json", json.dumps(raw if isinstance(raw, dict) else {}).encode())
        binds[folder] = package.source.path
    fs.add_file(f"{graph.project}/node_modules/.yarn-state.yml", _state_file(tree, placements, graph.project))
    return Plan(fs, binds)
