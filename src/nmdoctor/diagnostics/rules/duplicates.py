"""Copies of one package: doppelgangers (same version, several folders) and duplicated singletons."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._refs import package_ref, where
from nmdoctor.inspect.package_code import PackageCode
from nmdoctor.inspect.verify import bundling_packages
from nmdoctor.inspect.workspaces import own_lockfile_folders
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind, scripts_of
from nmdoctor.project.install_settings import berry_install
from nmdoctor.resolve.node.search_paths import node_modules_paths
from nmdoctor.sources.imports import package_of
from nmdoctor.sources.webpack_request import split_request
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind
from nmdoctor.vfs.disk import folder_bytes, on_host

__all__ = ["DEFAULT_SINGLETONS", "doppelganger", "duplicate_singleton", "folder_size"]

DEFAULT_SINGLETONS = frozenset(
    {
        "react",
        "react-dom",
        "vue",
        "@angular/core",
        "graphql",
        "styled-components",
        "@emotion/react",
        "react-router",
        "react-redux",
        "mobx",
        "preact",
        "svelte",
        "@apollo/client",
        "three",
    }
)

# A package whose copy of these differs from the copy its dependent loads fails in that dependent: a
# component's hooks or render calls go to a framework instance that is not rendering (react's
# "Invalid hook call", vue's lost current instance). Two copies of the others work while their
# objects stay apart (swagger-ui-react's own react-redux under its own Provider): a warning, unless
# the project names the package a singleton itself.
_BOUND_TO_ONE_COPY = frozenset({"react", "react-dom", "preact", "vue", "@angular/core"})


def folder_size(fs: FileSystem, folder: str, limit: int = 20000) -> int:
    """Bytes of the files of a package folder (not its nested node_modules), at most ``limit`` files."""
    if on_host(fs):
        return folder_bytes(folder, limit)
    total = 0
    pending = [folder]
    seen = 0
    while pending and seen < limit:
        current = pending.pop()
        try:
            names = fs.listdir(current)
        except FileSystemError:
            continue
        for name in names:
            if current == folder and name == "node_modules":
                continue
            path = f"{current}/{name}"
            stat = fs.lstat(path)
            seen += 1
            if stat is None or stat.kind is Kind.SYMLINK:
                continue
            if stat.kind is Kind.DIR:
                pending.append(path)
            else:
                total += stat.size
    return total


def _users(graph: DependencyGraph, instance: Instance) -> str:
    users = sorted({edge.source.label for edge in graph.dependents(instance)})
    return ", ".join(users) if users else "nothing"


@check("doppelganger", Severity.WARNING)
def doppelganger(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    The same name@version is installed in several folders; node loads each copy separately.
    ## Why it matters
    Module state is not shared between copies (caches, registries, `instanceof` checks fail across
    them), and every copy costs disk and install time. npm's hoisting makes them when one version
    holds the top-level slot and several subtrees need another.
    ## How to fix
    Where another version holds the folder every dependent of the copies searches (the usual
    cause), align the versions: a dedupe leaves such copies, and the fix names that folder and its
    version. Where that folder is free, or holds a copy nothing uses, the manager's dedupe (`npm
    dedupe`, `pnpm dedupe`, `yarn dedupe` for yarn 2+; yarn 1 and bun have none) moves one copy up,
    of one version only where two versions' copies share that folder (align them first then);
    npm leaves copies that declare peer dependencies where it placed them. pnpm never copies a
    package, except once per set of peers: give its dependents one version of the peers the fix
    names. Yarn's node-modules linker keeps one copy per
    workspace under `nmHoistingLimits: workspaces` (or a workspace's `installConfig.hoistingLimits`),
    which no dedupe removes: the fix names the setting. A copy shipped inside a package's tarball
    (its ``bundleDependencies``) is not the manager's to remove: copies are reported only when two
    of them lie outside bundles. Node finds a package by the name of its folder: a copy under an
    alias (``"string-width-cjs": "npm:string-width@^4.2.0"``) and one under the package's own name
    are two folders in any hoisted layout, and are not counted together."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    install_of = _installs(context, graph)
    bundles = tuple(bundling_packages(graph))
    groups: dict[tuple[str, str, str, str], list[Instance]] = defaultdict(list)
    by_path = {instance.path: instance for instance in graph.instances}
    for instance in graph.instances:
        if not (instance.is_project or instance.is_workspace):
            key = (instance.name, instance.version, install_of(instance), _folder_name(instance.path))
            groups[key].append(instance)
    for (name, version, _install, _folder), copies in sorted(groups.items()):
        if len(copies) < 2 or (bundles and sum(not item.path.startswith(bundles) for item in copies) < 2):
            continue
        size = folder_size(context.fs, copies[0].path) if context.fs is not None else 0
        detail = "; ".join(f"{where(graph, item)} (used by {_users(graph, item)})" for item in copies)
        wasted = f", {size * (len(copies) - 1):,} bytes more than one copy" if size else ""
        yield finding(
            "doppelganger",
            f"`{name}@{version}` is installed {len(copies)} times{wasted}: {detail}",
            package=package_ref(graph, copies[0]),
            fix=_limited_fix(context, graph, copies) or _dedupe_fix(graph, copies, by_path),
        )


def _folder_name(path: str) -> str:
    """The name a copy is installed under: its folder below the last node_modules (``@scope/name``
    for a scoped one). Node finds a package by that name, so a copy under an alias
    (``"string-width-cjs": "npm:string-width@^4.2.0"``, @isaacs/cliui's) and one under the package's
    own name are two folders in every hoisted layout: no dedupe merges them (real npm 11.19.1 keeps
    node_modules/string-width-cjs beside node_modules/string-width of the same version)."""
    tail = path.rpartition("node_modules/")[2]
    parts = tail.split("/")
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


def _installs(context: CheckContext, graph: DependencyGraph) -> Callable[[Instance], str]:
    """Which install an instance belongs to, for grouping copies: one, except in a pnpm workspace
    whose packages are installed from lockfiles of their own (shared-workspace-lockfile=false), where
    each such package's store is its own install. Copies in two installs are never loaded by one
    process, unless a package of one resolves into the other (a workspace package linked rather than
    injected): installs joined by such an edge count as one."""
    root = next((item for item in graph.instances if item.is_project), None)
    if context.fs is None or root is None or not graph.layout.startswith("pnpm"):
        return lambda _instance: ""
    folders = sorted(own_lockfile_folders(context.fs, graph.project, root.manifest), key=len, reverse=True)
    if not folders:
        return lambda _instance: ""
    joined: dict[str, str] = {}

    def find(key: str) -> str:
        while joined.get(key, key) != key:
            key = joined[key]
        return key

    def own(instance: Instance) -> str:
        return next((folder for folder in folders if (instance.path + "/").startswith(folder + "/")), "")

    for edge in graph.edges:
        if edge.target is not None:
            first, second = find(own(edge.source)), find(own(edge.target))
            if first != second:
                joined[first] = second
    return lambda instance: find(own(instance))


def _limited_fix(context: CheckContext, graph: DependencyGraph, copies: list[Instance]) -> str | None:
    """The fix for copies of yarn's node-modules linker that are one per workspace, each kept in its
    workspace's node_modules by a hoisting limit (``nmHoistingLimits: workspaces`` in .yarnrc.yml, or
    a workspace's ``installConfig.hoistingLimits``): a dedupe leaves them, lifting the limit shares
    one copy (real yarn 4.10.3). None for other copies."""
    if graph.layout != "yarn-berry-nm" or context.fs is None:
        return None
    limit = berry_install(context.fs, graph.project)[1].hoisting_limits
    borders: dict[str, str] = {}  # a root's node_modules -> the limit there ("" for the project)
    for root in graph.roots:
        raw = root.manifest.raw if isinstance(root.manifest.raw, dict) else {}
        config = raw.get("installConfig")
        own = config.get("hoistingLimits", limit) if isinstance(config, dict) else limit
        borders[f"{root.path}/node_modules/"] = "" if root.is_project else str(own)
    held: list[str] = []
    for copy in copies:
        border = max((folder for folder in borders if copy.path.startswith(folder)), key=len, default=None)
        if border is None or border in held:
            return None
        held.append(border)
    if any(borders[border] not in ("", "workspaces") for border in held):
        return None  # a copy in a workspace no limit holds: versions keep it apart
    where_set = (
        "`nmHoistingLimits: workspaces` in .yarnrc.yml"
        if limit == "workspaces"
        else "`installConfig.hoistingLimits: workspaces` in those workspaces' package.json"
    )
    return (
        f"the copies are one per workspace: {where_set} keeps each workspace's dependencies in its own "
        "node_modules (`yarn dedupe` leaves them); remove that setting and run `yarn install` to share one "
        "copy, where the workspaces need not be installed apart"
    )


_DEDUPE = {"npm": "npm dedupe", "pnpm": "pnpm dedupe", "yarn-berry": "yarn dedupe"}  # yarn 1 and bun have none


def _dedupe_fix(graph: DependencyGraph, copies: list[Instance], by_path: dict[str, Instance]) -> str:
    """The fix in the words of the manager that made the layout: its own dedupe command, and for
    pnpm's copies (one per set of peers) the peers whose versions keep them apart."""
    layout = graph.layout
    if layout == "yarn-berry-pnp":
        # Under Plug'n'Play each copy is a virtual instance: one per set of peers it is given.
        return "give its dependents the same peer dependencies (yarn makes one instance per set of peers)"
    manager = next((name for name in ("pnpm", "yarn-berry", "npm") if layout.startswith(name)), None)
    if layout == "unknown":
        manager = "npm"
    if layout == "pnpm-isolated":
        apart = _peers_apart(graph, copies)
        if apart:
            named = "; ".join(f"`{name}` ({', '.join(versions)})" for name, versions in apart)
            return (
                f"give its dependents one version of {named}: pnpm makes one copy per set of peers "
                "(`pnpm dedupe` aligns them where the ranges allow)"
            )
    command = _DEDUPE.get(manager or "")
    held = _slot_held(graph, copies, by_path) if layout not in _ISOLATED else None
    if held is not None:
        # the copies are nested because another version holds the one folder all their dependents
        # search: a dedupe leaves them there (real npm 11.19.1's `npm dedupe`) unless it finds one
        # version that serves every dependent
        merges = f"; `{command}` merges the copies only where one version serves all" if command else ""
        return (
            f"align the versions that keep the copies apart: {where(graph, held)} holds "
            f"`{held.name}@{held.version}` (used by {_users(graph, held)}) where one copy would serve every "
            f"dependent{merges}"
        )
    peers = sorted({name for copy in copies for name, _ in copy.manifest.peer_dependencies})
    if manager == "npm" and peers:
        # npm places a package with peer dependencies apart, and its dedupe leaves the copies even
        # where the folder above is free (b4a's optional peer react-native-b4a, three copies beside
        # an empty node_modules/b4a: real npm 11.19.1)
        named = ", ".join(f"`{name}`" for name in peers)
        return (
            f"the copies declare peer dependencies ({named}): npm places such a package where its peers "
            "resolve, and `npm dedupe` leaves these copies (real npm 11.19.1)"
        )
    rivals = _rivals(graph, copies, by_path) if command is not None and layout not in _ISOLATED else []
    if command is not None and rivals:
        # two versions want the one free folder: the dedupe moves one of them there and leaves the
        # other nested (real npm 11.19.1 on jsdoc's tree: strip-ansi@7.2.0's three copies merged into
        # the free node_modules/strip-ansi, strip-ansi@5.2.0's two left)
        others = "; ".join(f"`{item.name}@{item.version}` at {where(graph, item)}" for item in rivals[:3])
        return (
            f"align the versions that keep the copies apart, then run `{command}`: the free folder their "
            f"dependents share is needed by another version too ({others}), and `{command}` moves only "
            "one version there"
        )
    if command is None:
        return "align the versions that keep the copies apart"
    return f"run `{command}` (or align the versions that keep the copies apart)"


def _rivals(graph: DependencyGraph, copies: list[Instance], by_path: dict[str, Instance]) -> list[Instance]:
    """Another version of the package, nested in two or more copies in use whose dependents all search
    the free folder where a dedupe would move one of the copies: both groups compete for it, and only
    one version gets it. A single copy of another version does not keep the dedupe from merging these
    (real npm 11.19.1 on jsdoc's tree merged string-width@7.2.0's three copies beside one nested
    string-width@3.1.0, and left strip-ansi@5.2.0's two copies when strip-ansi@7.2.0's three took the
    folder)."""
    slot = _free_slot(graph, copies, by_path)
    if slot is None:
        return []
    folder_name = _folder_name(copies[0].path)
    taken = {copy.path for copy in copies} | {f"{slot}/{folder_name}"}
    rivals = []
    for instance in graph.instances:
        if instance.path in taken or instance.version == copies[0].version or instance.is_workspace:
            continue
        if _folder_name(instance.path) != folder_name or not _used(graph, instance):
            continue
        if all(slot in node_modules_paths(edge.source.path) for edge in graph.dependents(instance)):
            rivals.append(instance)
    counts = Counter(item.version for item in rivals)
    return [item for item in rivals if counts[item.version] > 1]


_ISOLATED = frozenset({"pnpm-isolated", "yarn-berry-pnpm", "yarn-berry-pnp"})  # no folder is shared by hoisting


def _slot_held(graph: DependencyGraph, copies: list[Instance], by_path: dict[str, Instance]) -> Instance | None:
    """In a hoisted layout, the other version that keeps the copies apart: it holds the folder where
    one copy could serve every dependent of the copies, or a dependent finds it before that folder,
    for each such folder inside the project. None when one is free, holds the same version, or holds
    a copy nothing uses, which the dedupe prunes (real npm 11.19.1's `npm dedupe` then moves one copy
    there)."""
    return _slot(graph, copies, by_path)[0]


def _free_slot(graph: DependencyGraph, copies: list[Instance], by_path: dict[str, Instance]) -> str | None:
    """The node_modules folder, shared by every dependent of the copies, where a dedupe moves one."""
    return _slot(graph, copies, by_path)[1]


def _slot(
    graph: DependencyGraph, copies: list[Instance], by_path: dict[str, Instance]
) -> tuple[Instance | None, str | None]:
    """The other version that keeps the copies apart (see ``_slot_held``), or else the free folder."""
    folder_name = _folder_name(copies[0].path)
    copy_paths = {copy.path for copy in copies}
    users = [edge.source.path for copy in copies for edge in graph.dependents(copy)]
    if not users:
        return None, None
    searched = [node_modules_paths(user) for user in users]
    shared = set(searched[0]).intersection(*searched[1:])
    inside = graph.project.rstrip("/") + "/"
    blocker: Instance | None = None
    for modules in searched[0]:
        if modules not in shared or not modules.startswith(inside) or _scope_modules(modules):
            continue
        held = by_path.get(f"{modules}/{folder_name}")
        if (
            held is not None
            and held.path not in copy_paths
            and held.version != copies[0].version
            and _used(graph, held)
        ):
            blocker = blocker or held
            continue
        shadows = [
            found
            for paths in searched
            if (found := _found_before(graph, paths, modules, folder_name, copy_paths, by_path))
        ]
        if not shadows:
            return None, modules  # free for every dependent: a dedupe hoists one copy here
        blocker = blocker or shadows[0]
    return blocker, None


def _scope_modules(modules: str) -> bool:
    """Whether ``modules`` is a scope folder's node_modules (``node_modules/@s/node_modules``): node
    searches it from every package of the scope, but no manager places a package there, so no dedupe
    moves a copy into it (real npm 10.9.2)."""
    parent = modules.rpartition("/")[0]
    return parent.rpartition("/")[2].startswith("@") and parent.rpartition("/")[0].endswith("/node_modules")


def _found_before(
    graph: DependencyGraph,
    paths: list[str],
    modules: str,
    folder_name: str,
    copy_paths: set[str],
    by_path: dict[str, Instance],
) -> Instance | None:
    """The other package of the name, one in use, that a dependent searching ``paths`` finds before
    ``modules``."""
    for folder in paths:
        if folder == modules:
            return None
        found = by_path.get(f"{folder}/{folder_name}")
        if found is not None and found.path not in copy_paths and _used(graph, found):
            return found
    return None


def _used(graph: DependencyGraph, instance: Instance) -> bool:
    return bool(graph.dependents(instance))


def _peers_apart(graph: DependencyGraph, copies: list[Instance]) -> list[tuple[str, list[str]]]:
    """The peers the copies get in different versions, with those versions."""
    got: dict[str, set[str]] = defaultdict(set)
    for copy in copies:
        peers = {name for name, _ in copy.manifest.peer_dependencies}  # an optional peer's edge is optional
        for edge in graph.edges_from(copy):
            if (edge.kind is DependencyKind.PEER or edge.name in peers) and edge.target is not None:
                got[edge.name].add(edge.target.version)
    return [(name, sorted(versions, key=_release)) for name, versions in sorted(got.items()) if len(versions) > 1]


def _release(version: str) -> tuple[tuple[int, ...], str]:
    """Orders 9.39.2 before 10.5.0 (numbers of the release, then the text)."""
    return tuple(int(part) for part in re.findall(r"\d+", version.split("-", 1)[0])[:3]), version


@check("duplicate-singleton", Severity.ERROR)
def duplicate_singleton(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    Several versions of a package that must be loaded once (react, vue, graphql, ...) are installed.
    It is an error where a package gets another copy of react, react-dom, preact, vue or
    @angular/core (or of a singleton the project names) than a package or project depending on it
    loads itself: that dependent loads both. Otherwise it is a warning: copies that one project
    reaches by separate paths (a tool with its own react) work while their objects stay apart, and so
    do a project's copy and a devDependency's that its code never imports and no script names (a lint
    plugin, loaded by the linter in its own process).
    ## Why it matters
    Two copies of such a library break at run time: "Invalid hook call", lost context, `instanceof`
    failures, two schema registries.
    ## How to fix
    Make every dependent accept one version (upgrade the ones pinning another), or force one with
    `overrides` (npm, bun), `pnpm.overrides` or `resolutions` (yarn), as the fix writes it for the
    project's manager; peer dependencies are the lasting fix."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    singletons = DEFAULT_SINGLETONS | context.singletons
    by_name: dict[str, list[Instance]] = defaultdict(list)
    # A copy nothing depends on is never loaded (pnpm leaves the old one in its store after an
    # override): it is extraneous, not a second copy at run time.
    used = {edge.target.path for edge in graph.edges if edge.target is not None}
    for instance in graph.instances:
        if instance.name in singletons and not (instance.is_project or instance.is_workspace) and instance.path in used:
            by_name[instance.name].append(instance)
    reach: dict[str, set[str]] = {}
    for name, instances in sorted(by_name.items()):
        versions = sorted({item.version for item in instances})
        if len(versions) < 2:
            continue
        detail = "; ".join(
            f"{item.version} at {where(graph, item)} (used by {_users(graph, item)})" for item in instances
        )
        crossing = _crossing(graph, name, instances, context)
        certain = crossing is not None and (name in _BOUND_TO_ONE_COPY or name in context.singletons)
        if crossing is not None:
            note = f" ({crossing})"
        elif _loaded_together(graph, instances, reach):
            note = " (one project reaches both, but no package that loads one depends on a package that gets the other)"
        else:
            note = " (each project or workspace reaches only one of them)"
        yield finding(
            "duplicate-singleton",
            f"`{name}` must be loaded once but {len(versions)} versions are installed: {detail}" + note,
            severity=None if certain else Severity.WARNING,
            package=package_ref(graph, instances[0]),
            fix=_force_one(graph, name, instances),
        )


def _force_one(graph: DependencyGraph, name: str, instances: list[Instance]) -> str:
    """Force the version the project itself loads (else the newest) in the words of the layout's
    manager; peer dependencies remain the lasting fix."""
    root = graph.roots[0]
    loaded = [edge.target.version for edge in graph.edges_from(root) if edge.name == name and edge.target]
    version = loaded[0] if loaded else max((item.version for item in instances), key=_release)
    pin = f'{{"{name}": "{version}"}}'
    layout = graph.layout
    if loaded and not layout.startswith(("pnpm", "yarn", "bun")):
        # npm refuses an override of a direct dependency that differs from its spec (EOVERRIDE):
        # "$name" takes the project's own.
        pin = f'{{"{name}": "${name}"}}'

    if layout.startswith("pnpm"):
        where = f'"pnpm": {{"overrides": {pin}}} in package.json (or overrides in pnpm-workspace.yaml)'
    elif layout.startswith("yarn"):
        where = f'"resolutions": {pin} in package.json'
    else:
        where = f'"overrides": {pin} in package.json'
    return f"force one version: {where}, then install again"


def _crossing(graph: DependencyGraph, name: str, instances: list[Instance], context: CheckContext) -> str | None:
    """A package whose code imports one copy of the singleton while a package or project depending
    on it loads another itself: that dependent loads both, through the package and on its own (an
    app rendering a component library that brings its own react). Only installed code can show the
    import (a package may declare react and never load it: a markdown plugin's stray dependency);
    from a lockfile alone there is no crossing to be sure of. What it says, or None."""
    code = context.package_code
    if context.fs is None or code is None:
        return None
    copies = {item.path for item in instances}
    unused: dict[str, frozenset[str] | None] = {}  # what each project's own source imports, read once
    for edge in graph.edges:
        if edge.name != name or edge.kind is DependencyKind.DEV or edge.target is None:
            continue
        if edge.target.path not in copies:
            continue
        package = edge.source
        if package.is_project or package.is_workspace or name not in _imported_names(code, context.fs, package):
            continue
        for incoming in graph.dependents(package):
            host = incoming.source
            own = next(
                (item.target for item in graph.edges_from(host) if item.name == name and item.target is not None),
                None,
            )
            if own is not None and own.version != edge.target.version:
                if (host.is_project or host.is_workspace) and _only_a_tool_of(context, graph, host, package, unused):
                    continue
                return (
                    f"{host.label} loads {own.version} and depends on {package.label}, which gets "
                    f"{edge.target.version} at {where(graph, edge.target)}"
                )
    return None


def _only_a_tool_of(
    context: CheckContext,
    graph: DependencyGraph,
    host: Instance,
    package: Instance,
    imported: dict[str, frozenset[str] | None],
) -> bool:
    """Whether the project (or workspace) ``host`` only keeps ``package`` as a tool: a
    devDependency that none of its own source files imports and none of its scripts names, so that
    the package runs in another process (a lint plugin such as codelyzer, which tslint loads) and
    never beside the copy the project's code loads."""
    edges = [edge for edge in graph.edges_from(host) if edge.target is not None and edge.target.path == package.path]
    if not edges or any(edge.kind is not DependencyKind.DEV for edge in edges):
        return False
    if package.name in "\n".join(scripts_of(host.manifest.raw).values()):
        return False
    if host.path not in imported:
        imported[host.path] = _source_imports(context, graph, host)
    names = imported[host.path]
    return names is not None and package.name not in names


def _source_imports(context: CheckContext, graph: DependencyGraph, host: Instance) -> frozenset[str] | None:
    """The packages the project's own source files import (each loader and the resource of a webpack
    request, split as webpack splits it), or None when the sources cannot be read."""
    sources, fs = context.sources, context.fs
    if sources is None or fs is None:
        return None
    others = frozenset(root.path for root in graph.roots) - {host.path}
    names: set[str] = set()
    for file in sources.files(host.path, stop_at=others):
        try:
            sites = sources.imports(file)
        except FileSystemError:
            continue
        for site in sites:
            request = split_request(site.specifier)
            for part in (*request.loaders, request.resource):
                name = package_of(part)
                if name is not None:
                    names.add(name)
    return frozenset(names)


def _imported_names(code: PackageCode, fs: FileSystem, package: Instance) -> frozenset[str]:
    """What the package's installed code imports; nothing when it is not on disk (a lockfile's model)."""
    manifest = fs.stat(f"{package.path}/package.json")
    if manifest is None or manifest.kind is not Kind.FILE:
        return frozenset()
    return code.names(package)


def _loaded_together(graph: DependencyGraph, instances: list[Instance], reach: dict[str, set[str]]) -> bool:
    """Does the project, or one workspace, reach two versions through its dependencies (so that one
    app loads both)? In a monorepo whose workspaces each use their own version, none does: each
    app loads one copy. ``reach`` keeps each root's reachable folders between calls."""
    for root in graph.roots:
        if root.path not in reach:
            reach[root.path] = _reachable(graph, root)
        found = {item.version for item in instances if item.path in reach[root.path]}
        if len(found) > 1:
            return True
    return False


def _reachable(graph: DependencyGraph, root: Instance) -> set[str]:
    seen = {root.path}
    pending = [root]
    while pending:
        for edge in graph.edges_from(pending.pop()):
            target = edge.target
            if target is not None and target.path not in seen:
                seen.add(target.path)
                pending.append(target)
    return seen
