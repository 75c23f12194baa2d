"""Declared dependencies that do not resolve from their dependent, and installed packages nothing uses."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._installed import INSTALL_FIRST, NOTHING_INSTALLED, nothing_installed
from nmdoctor.diagnostics.rules._refs import package_ref, where
from nmdoctor.inspect.layout import linked_beside
from nmdoctor.inspect.overrides import Overrides, overrides_from, project_overrides
from nmdoctor.inspect.verify import (
    UPDATE_COMMANDS,
    bundling_packages,
    in_range,
    layout_kind,
    reinstall_fix,
    removal_fix,
    resolved_as_peer,
    rewritten_note,
    wanted_spec,
    yarn_classic_unlocked,
)
from nmdoctor.lockfiles.model import Lockfile
from nmdoctor.lockfiles.to_graph import UNPLACED, store_folder
from nmdoctor.model.graph import PNP_LAYOUT, DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.paths import relative
from nmdoctor.model.specs import satisfies
from nmdoctor.project.install_settings import berry_plugins
from nmdoctor.vfs.base import FileSystemError

__all__ = ["extraneous_package", "missing_dependency", "unmet_peer_dependency", "version_mismatch"]


@check("missing-dependency", Severity.ERROR)
def missing_dependency(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A package declares a dependency that node does not find from the package's real location.
    ## Why it matters
    The first `require`/`import` of it fails at run time with MODULE_NOT_FOUND / ERR_MODULE_NOT_FOUND.
    ## How to fix
    Install it (`npm install` / `pnpm install`); if it is installed somewhere else, it is out of
    reach of this package: `nmdoctor why NAME` shows where, and
    `nmdoctor resolve NAME --from DIR --explain` why."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    if nothing_installed(context):
        declared = {(edge.source.path, edge.name) for edge in graph.edges if edge.kind is not DependencyKind.PEER}
        if declared:
            yield finding(
                "missing-dependency",
                f"{NOTHING_INSTALLED}: the {len(declared)} dependencies the manifests declare are not checked "
                "(cannot be decided: what an install brings is not in the files)",
                severity=Severity.INFO,
                package=package_ref(graph, graph.roots[0]),
                from_=".",
                fix=INSTALL_FIRST,
            )
        return
    # read from a v1 yarn.lock alone: a declaration it has no entry for is lockfile-drift, which
    # names the install that updates it (a frozen install refuses the lockfile)
    model = context.model_lockfile
    unlocked = {
        (posixpath.normpath(posixpath.join(graph.project, folder)), name)
        for folder, declarations in (
            yarn_classic_unlocked(model).items() if context.lockfile is None and isinstance(model, Lockfile) else ()
        )
        for name, _spec in declarations
    }
    pinned = _BerryPins(context, graph)
    for edge in graph.edges:
        if edge.target is not None or edge.optional or edge.kind in (DependencyKind.PEER, DependencyKind.OPTIONAL):
            continue
        source = edge.source
        if (source.is_project or source.is_workspace) and (source.path, edge.name) in unlocked:
            continue
        plugins = pinned.rewritten(source, edge.name, edge.spec)
        if plugins is not None:
            said = f"`{source.label}` depends on `{edge.name}@{edge.spec}`, which the lockfile does not place"
            yield _rewritten("missing-dependency", said, graph, edge, plugins)
            continue
        yield finding(
            "missing-dependency",
            f"`{source.label}` depends on `{edge.name}@{edge.spec}`, "
            f"which does not resolve from {where(graph, source)}",
            package=package_ref(graph, source),
            request=edge.name,
            from_=relative(graph, source.path),
            fix=reinstall_fix(layout_kind(graph.layout), changed=True)
            or "install it: run the install command of this project (npm install / pnpm install / yarn install)",
        )


@check("version-mismatch", Severity.ERROR)
def version_mismatch(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A declared dependency resolves, but to a version outside the declared range.
    ## Why it matters
    The package runs against an API it was not written for: a moved or changed function fails at
    run time, far from the install that caused it (often a manual copy, a stale volume or a
    partial install).
    ## How to fix
    Reinstall from the lockfile; if the lockfile itself holds that version, the range changed in
    package.json without an install: run the install command and commit the lockfile. A version an
    override sets, or that a yarn berry lockfile gives the range itself (`yarn set resolution`), is
    not reported."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    overrides = _overrides(context, graph)
    bundlers = bundling_packages(graph)
    # the graph read from the lockfile, nothing installed: what is wrong is in the lockfile itself
    fs = context.fs
    installed = fs is not None and any(
        fs.stat(f"{graph.project}/{name}") is not None for name in ("node_modules", ".pnp.cjs")
    )
    from_lockfile = fs is not None and context.lockfile is None and not installed and graph.layout != "unknown"
    pinned = _BerryPins(context, graph)
    for edge in graph.edges:
        target = edge.target
        if target is None or edge.kind is DependencyKind.PEER or target.is_workspace or target.is_project:
            continue
        source = edge.source
        if resolved_as_peer(source, edge.name, graph.layout):
            continue  # resolved as a peer: unmet-peer-dependency judges its version
        spec = overrides.for_source(source.path).spec_for(edge.name, edge.spec)
        if in_range(edge, target, spec, graph.layout):
            continue
        if pinned.holds(edge.name, edge.spec, target.version):
            continue  # the lockfile's own resolution of that range (`yarn set resolution`), as an override
        plugins = pinned.rewritten(source, edge.name, edge.spec)
        if plugins is not None:
            said = (
                f"`{source.label}` wants {wanted_spec(edge.name, edge.spec, spec)} but gets {target.version} from "
                f"{relative(graph, target.path)}"
            )
            yield _rewritten("version-mismatch", said, graph, edge, plugins)
            continue
        stand_in = _hoisted_stand_in(graph, edge)
        gets = (
            f"(optional), which pnpm did not install here; node finds {target.version} instead, through pnpm's "
            "hoisting from"
            if stand_in
            else f"but gets {target.version} from"
        )
        yield finding(
            "version-mismatch",
            f"`{source.label}` wants {wanted_spec(edge.name, edge.spec, spec)} {gets} {relative(graph, target.path)}",
            severity=Severity.WARNING if stand_in else None,
            package=package_ref(graph, source),
            request=edge.name,
            from_=relative(graph, source.path),
            fix=_STAND_IN_FIX
            if stand_in
            else _bundled_fix(graph, bundlers, target)
            or (_relock_fix(edge.name, edge.spec, target.version, graph.layout) if from_lockfile else None)
            or reinstall_fix(layout_kind(graph.layout), changed=True)
            or _REINSTALL_FIX,
        )


def _rewritten(code: str, said: str, graph: DependencyGraph, edge: Edge, plugins: str) -> Finding:
    """The note a finding becomes where a yarn plugin may have rewritten the edge's range."""
    added, what = rewritten_note(plugins, edge.name, edge.spec)
    return finding(
        code,
        said + added,
        severity=Severity.INFO,
        package=package_ref(graph, edge.source),
        request=edge.name,
        from_=relative(graph, edge.source.path),
        fix=what,
    )


def _relock_fix(name: str, spec: str, version: str, layout: str) -> str | None:
    """The fix when the graph is the lockfile's own: an install from the lockfile as it stands keeps
    the version it records (or, frozen, refuses the lockfile); only resolving the range again helps."""
    update = UPDATE_COMMANDS.get(layout_kind(layout) or "")
    if update is None:
        return None
    return (
        f"run `{update}` and commit the lockfile it writes: the lockfile records {version} for `{name}@{spec}`, "
        "and an install from it as it stands keeps that version or refuses the lockfile"
    )


class _BerryPins:
    """Whether a yarn berry lockfile resolves a dependency's exact descriptor to the version found:
    yarn installs what the lockfile says for a descriptor without checking the range (``yarn set
    resolution`` writes such entries), so every install, ``--immutable`` ones too, brings that
    version again. The lockfile is read on the first question, only for a yarn berry layout."""

    def __init__(self, context: CheckContext, graph: DependencyGraph) -> None:
        self._fs = context.fs
        self._graph = graph
        self._locked: Callable[[str, str], str | None] | None = None
        self._read = False  # yarn.lock read (``_locked``: None when there was none)
        self._plugins: tuple[str, ...] | None = None

    def holds(self, name: str, spec: str, version: str) -> bool:
        locked = self._lock()
        return locked is not None and locked(name, spec) == version

    def rewritten(self, source: Instance, name: str, spec: str) -> str | None:
        """The plugins ``.yarnrc.yml`` loads, when one of them may have rewritten the range an
        installed package's manifest gives (a ``reduceDependency`` hook: rnx-kit's dynamic package
        overrides turn nx's exact pins into ^ ranges): yarn.lock then holds no entry for the
        descriptor, although an ``--immutable`` install accepts it, and what yarn resolved instead
        is in the plugin's code, not in the files. None otherwise (a workspace's range that the
        lockfile lacks is package.json changed without an install)."""
        if source.is_project or source.is_workspace or self._fs is None:
            return None
        locked = self._lock()
        if locked is None or locked(name, spec) is not None:
            return None
        if self._plugins is None:
            self._plugins = berry_plugins(self._fs, self._graph.project)
        return ", ".join(self._plugins) or None

    def _lock(self) -> Callable[[str, str], str | None] | None:
        """The yarn.lock's descriptors (``berry_locked_versions``); None in another layout or
        without a yarn.lock to read (then no descriptor is pinned, and none is known missing)."""
        if self._fs is None or not self._graph.layout.startswith("yarn-berry"):
            return None
        if not self._read:
            from nmdoctor.lockfiles.yarn import berry_locked_versions  # only a mismatch in a yarn berry layout

            self._read = True
            try:
                text = self._fs.read_bytes(f"{self._graph.project}/yarn.lock").decode("utf-8", "replace")
            except FileSystemError:
                text = ""
            self._locked = berry_locked_versions(text) if text else None
        return self._locked


def _bundled_fix(graph: DependencyGraph, bundlers: dict[str, Instance], target: Instance) -> str | None:
    """The fix when the copy found comes in another package's tarball (its bundleDependencies): every
    install unpacks the same copy again, whatever the lockfile resolves for that name."""
    folder = next((folder for folder in bundlers if target.path.startswith(folder)), None)
    if folder is None:
        return None
    bundler = bundlers[folder]
    return (
        f"nothing to reinstall: {relative(graph, target.path)} comes in the tarball of `{bundler.label}` (its "
        f"bundleDependencies), and every install unpacks that copy again; upgrade `{bundler.name}` to a release "
        "that bundles a matching version, or ask its maintainers"
    )


_REINSTALL_FIX = (
    "reinstall from the lockfile (npm ci, pnpm install --frozen-lockfile), or run the install command if "
    "package.json changed"
)
_STAND_IN_FIX = (
    "nothing to reinstall: the package falls back to the copy it finds; if it must not, install on a platform "
    "and node the locked version supports"
)


def _hoisted_stand_in(graph: DependencyGraph, edge: Edge) -> bool:
    """An optional dependency pnpm did not link beside the package (skipped for this platform or
    node: rollup-plugin-dts's @babel/code-frame 8, which needs node 22.18) that node resolves to
    another copy through pnpm's hoisting (``.pnpm/node_modules``): it works by accident, or the
    package falls back, rather than the install being broken."""
    target, source = edge.target, edge.source
    if not edge.optional or target is None or not graph.layout.startswith("pnpm"):
        return False
    if source.is_project or source.is_workspace:
        return False
    own = f"{store_folder(source)}/{edge.name}"
    return own != target.path and own not in target.links


def _overrides(context: CheckContext, graph: DependencyGraph) -> Overrides:
    """The overrides the project sets (npm ``overrides``, pnpm ``overrides``, yarn ``resolutions``):
    a version a manager installed because of one is not a mismatch."""
    root = next((item for item in graph.instances if item.is_project), None)
    raw = root.manifest.raw if root is not None and isinstance(root.manifest.raw, dict) else {}
    if context.fs is None:
        return overrides_from(raw)
    return project_overrides(context.fs, graph.project, raw, layout=graph.layout)


@check("unmet-peer-dependency", Severity.WARNING)
def unmet_peer_dependency(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A package has a peer dependency that is not installed where the package resolves it.
    ## Why it matters
    The package expects its host (react, webpack, eslint, ...) to be provided next to it; without it,
    it fails when loaded, or loads a second copy of the host.
    ## How to fix
    Add the peer to the dependencies of the project (or workspace) that uses the package."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    # pnpm and yarn berry accept a prerelease for a peer range its release satisfies; npm does not.
    prerelease = graph.layout.startswith(("pnpm", "yarn-berry"))
    for edge in graph.edges:
        if edge.kind is not DependencyKind.PEER:
            continue
        source = edge.source
        if edge.target is None:
            # optional in peerDependenciesMeta: the manifest says so even where the edge (read from
            # some lockfiles) does not carry the flag
            if edge.optional or edge.name in edge.source.manifest.optional_peers:
                continue
            problem = f"which does not resolve from {where(graph, edge.source)}"
            fix = f'add "{edge.name}": "{edge.spec}" to the dependencies of the project that uses {source.name}'
        elif satisfies(edge.target.version, edge.spec, include_prerelease=prerelease) is False:
            problem = f"but gets {edge.target.version} from {relative(graph, edge.target.path)}"
            # Adding the peer's range would move the project's own copy off the version it uses
            # (react 19 down to ^16.8.0): the choice is the user's, both ways named.
            fix = (
                f"use a release of {source.name} whose peer range accepts {edge.name}@{edge.target.version}, "
                f'or, if the project can move, make "{edge.name}" satisfy "{edge.spec}" in the dependencies of the '
                f"project that uses {source.name}"
            )
        else:
            continue
        yield finding(
            "unmet-peer-dependency",
            f"`{source.label}` needs the peer `{edge.name}@{edge.spec}`, {problem}",
            package=package_ref(graph, source),
            request=edge.name,
            from_=relative(graph, source.path),
            fix=fix,
        )


@check("extraneous-package", Severity.WARNING)
def extraneous_package(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A package is installed but nothing in the project declares it or resolves to it.
    ## Why it matters
    Code may be using it by accident (a phantom dependency waiting to break), and it costs install time.
    A package the lockfile locks is the manager's to install (yarn's node-gyp for a package that
    builds, which no package.json declares; an entry its resolution keeps), and a Plug'n'Play install
    holds only what its state maps: neither is reported, as reinstalling would bring them back.
    ## How to fix
    `npm prune` or `npm ci` (npm), `pnpm prune` (pnpm); with yarn and bun, remove node_modules and
    reinstall from the lockfile."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    if graph.layout == PNP_LAYOUT:
        return
    # read from the lockfile alone, every package placed is one it locks: one nothing resolves to is
    # where the manager's own hoisting puts it (yarn 1.22.22 keeps a workspace's direct dependency at
    # the top while nohoist gives its dependent a copy of its own below), as in the installed tree
    locked = _locked(context.lockfile if context.lockfile is not None else context.model_lockfile)
    reached = {root.path for root in graph.roots}
    pending = list(graph.roots)
    beside = _linked_beside(graph) if graph.layout.startswith("pnpm") else {}
    # what a package's tarball ships (its bundleDependencies, and theirs) is unpacked with it by every
    # install, declared or not (yarn 1.22.22 puts @clack/prompts 0.7.0's bundled is-unicode-supported,
    # which it does not list in dependencies, at node_modules/@clack/prompts/node_modules): no prune removes it
    bundles = tuple(bundling_packages(graph))
    while pending:
        instance = pending.pop()
        targets = [edge.target for edge in graph.edges_from(instance) if edge.target is not None]
        for target in [*targets, *beside.get(instance.path, ())]:
            if target.path not in reached:
                reached.add(target.path)
                pending.append(target)
    for instance in graph.instances:
        if (
            instance.path in reached
            or "/node_modules/.pnpm/node_modules/" in instance.path
            or (bundles and instance.path.startswith(bundles))
        ):
            continue
        if (instance.name, instance.version) in locked or f"/{UNPLACED}/" in instance.path:
            # An unplaced package is a yarn lockfile's, read without an install: the lockfile locks
            # it too (under Plug'n'Play, yarn fetches what only a package skipped on this platform
            # leads to: fsevents' node-gyp).
            continue
        yield finding(
            "extraneous-package",
            f"`{instance.label}` is installed at {where(graph, instance)} but nothing depends on it",
            package=package_ref(graph, instance),
            fix=_prune_fix(graph.layout),
        )


def _locked(lock: object) -> frozenset[tuple[str, str]]:
    """The name@version pairs the lockfile beside the tree locks (its packages, not its importers)."""
    if not isinstance(lock, Lockfile):
        return frozenset()
    return frozenset((package.name, package.version) for package in lock.packages.values() if not package.is_importer)


def _linked_beside(graph: DependencyGraph) -> dict[str, list[Instance]]:
    """package folder -> the packages pnpm linked beside it in its virtual-store folder: what pnpm
    resolved for it, including what no manifest declares (got 9's @types/keyv, given by the
    packageExtensions pnpm applies itself)."""
    found: dict[str, list[Instance]] = {}
    for owner, instance, _alias in linked_beside(graph):
        found.setdefault(owner.path, []).append(instance)
    return found


def _prune_fix(layout: str) -> str:
    """The manager's own way to drop what nothing depends on (`npm prune` in a pnpm, yarn or bun
    project would rebuild its node_modules by npm's rules)."""
    kind = "yarn-berry" if layout.startswith("yarn-berry") else "pnpm" if layout.startswith("pnpm") else layout
    return removal_fix(kind) or "run `npm prune`, or reinstall from the lockfile"
