"""Does the installed tree satisfy the lockfile? Every locked package present, at its version, where
node will look for it; nothing installed that the lockfile does not know; package.json and lockfile
in step. This is what a container entrypoint runs to fail fast (seed 000)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.lockfiles.model import LockedPackage, Lockfile
from nmdoctor.lockfiles.to_graph import skipped_here
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.overrides import Overrides, overrides_from
from nmdoctor.model.specs import SpecKind, classify_spec, satisfies

__all__ = [
    "INSTALL_COMMANDS",
    "UPDATE_COMMANDS",
    "another_declaration_holds",
    "any_version",
    "bundling_packages",
    "in_range",
    "layout_kind",
    "lockfile_drift",
    "reinstall_fix",
    "removal_fix",
    "resolved_as_peer",
    "unresolved_at_the_root",
    "verify_tree",
    "wanted_spec",
    "yarn_classic_unlocked",
]

INSTALL_COMMANDS = {
    "npm": "npm ci",
    "pnpm": "pnpm install --frozen-lockfile",
    "yarn-classic": "yarn install --frozen-lockfile",
    "yarn-berry": "yarn install --immutable",
    "bun": "bun install --frozen-lockfile",
}
UPDATE_COMMANDS = {
    "npm": "npm install",
    "pnpm": "pnpm install",
    "yarn-classic": "yarn install",
    "yarn-berry": "yarn install",
    "bun": "bun install",
}


class _Matcher:
    """Locked packages matched to installed instances: by location where the lockfile gives one,
    else (yarn) by name and version."""

    def __init__(self, graph: DependencyGraph, lock: Lockfile, shown_from: str | None = None) -> None:
        self.graph = graph
        self.lock = lock
        # Paths are printed from ``shown_from`` (the project, when this tree is one of its workspace
        # packages installed from a lockfile of its own), and matched from the tree's own folder.
        self.shown_from = shown_from or graph.project
        shown = posixpath.relpath(graph.project, self.shown_from)
        self.prefix = "" if shown == "." else shown + "/"
        # A lockfile's locations describe one layout: npm's for npm (hoisted or nested), pnpm's
        # isolated store for pnpm. npm's linked strategy and pnpm's hoisted linker put the same
        # packages elsewhere; there, packages are matched by name and version.
        self.by_place = not (
            (lock.kind == "npm" and graph.layout == "npm-linked")
            or (lock.kind == "pnpm" and graph.layout == "pnpm-hoisted")
            # bun.lock's places are its hoisted tree; the isolated linker puts packages in .bun.
            or (lock.kind == "bun" and any("/node_modules/.bun/" in item.path for item in graph.instances))
        )
        self.by_location: dict[str, Instance] = {}
        self.by_id: dict[tuple[str, str], list[Instance]] = {}
        self._edges_by_name: dict[str, dict[str, Edge]] = {}
        for instance in graph.instances:
            self.by_id.setdefault((instance.name, instance.version), []).append(instance)
            for location in (instance.path, *instance.links):
                self.by_location[self.relative(location)] = instance

    def relative(self, path: str) -> str:
        # A normalized path below the project is its tail (what relpath computes, at a fraction of
        # the cost: a large tree asks for every instance's path and links).
        prefix = self.graph.project + "/"
        if path.startswith(prefix) and posixpath.normpath(path) == path:
            return path[len(prefix) :]
        relative = posixpath.relpath(path, self.graph.project)
        return "" if relative == "." else relative

    def shown(self, path: str) -> str:
        """``path`` as findings print it."""
        if not self.prefix:
            return self.relative(path)
        relative = posixpath.relpath(path, self.shown_from)
        return "" if relative == "." else relative

    def locked_ref(self, package: LockedPackage) -> PackageRef:
        path = self.prefix + package.path if package.path else self.prefix.rstrip("/")
        return PackageRef(package.name, package.version, path if package.path is not None else "")

    def instances(self, package: LockedPackage) -> list[Instance]:
        if package.is_importer and package.path is not None:
            found = self.by_location.get(package.path)
            return [found] if found is not None else []
        # A project folder (``link:``) is where it is, whatever the layout.
        if package.path is not None and (self.by_place or package.local):
            found = self.by_location.get(package.path)
            return [found] if found is not None else []
        return self.by_id.get((package.name, package.version), [])

    def first_edge(self, instance: Instance, name: str) -> Edge | None:
        """The instance's first installed edge named ``name`` (its edges by name, built once)."""
        edges = self._edges_by_name.get(instance.path)
        if edges is None:
            edges = self._edges_by_name[instance.path] = {}
            for item in self.graph.edges_from(instance):
                edges.setdefault(item.name, item)
        return edges.get(name)

    def ref(self, instance: Instance) -> PackageRef:
        return PackageRef(instance.name, instance.version, self.shown(instance.path) or ".")


def _root_overrides(graph: DependencyGraph) -> Overrides:
    root = next((item for item in graph.instances if item.is_project), None)
    raw = root.manifest.raw if root is not None else None
    return overrides_from(raw if isinstance(raw, dict) else {})


def verify_tree(
    graph: DependencyGraph,
    lock: Lockfile,
    *,
    overrides: Overrides | None = None,
    apart: tuple[str, ...] = (),
    shown_from: str | None = None,
    omitted: frozenset[str] = frozenset(),
    plugins: tuple[str, ...] = (),
) -> list[Finding]:
    """``overrides``: the project's version overrides (default: those of the root package.json).
    ``plugins``: the yarn plugins the project's ``.yarnrc.yml`` loads (``rewritten_note``).
    ``omitted``: the kinds of packages (``dev``, ``optional``) npm was told to leave out (the
    project's ``.npmrc`` ``omit``), whose absence from an npm install is the install as it is.
    ``apart``: folders of workspace packages installed from a lockfile of their own (pnpm's
    shared-workspace-lockfile=false), whose installed packages this lockfile does not govern: each
    is verified against its own (``shown_from``: the project, from which its paths are printed)."""
    matcher = _Matcher(graph, lock, shown_from)
    if overrides is None:
        overrides = _root_overrides(graph)
    install = reinstall_fix(lock.kind) or "reinstall from the lockfile"
    inside = tuple(folder + "/" for folder in apart)
    findings = list(_missing_and_drifted(matcher, install, omitted))
    findings += _edges(matcher, install, omitted)
    findings += _extraneous(matcher, install, inside)
    findings += _out_of_range(matcher, install, overrides, inside, plugins)
    findings += _manifest_drift(matcher, overrides)
    return findings


def _answered_as_peers(lock: Lockfile) -> set[str]:
    """yarn berry: locked packages reached only through a dependency its dependent also lists as a
    peer (ajv-formats' ajv), and what only they bring. yarn answers such a name with the parent's
    copy when the parent has one, and then does not install the locked version."""
    if lock.kind != "yarn-berry":
        return set()
    incoming: dict[str, list[tuple[str, bool]]] = {}
    for edge in lock.edges:
        source = lock.packages.get(edge.source)
        if edge.target is None or edge.kind is DependencyKind.PEER or source is None:
            continue
        incoming.setdefault(edge.target, []).append((edge.source, edge.name in source.peer_dependencies))
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for key, edges in incoming.items():
            if key not in found and all(both or source in found for source, both in edges):
                found.add(key)
                changed = True
    return found


def _answered_here(matcher: _Matcher, maybe_peer: set[str]) -> set[str]:
    """Of ``maybe_peer``, the packages this tree shows yarn answered with the parent's copy: every
    installed dependent that lists the name as both dependency and peer resolves it to another copy
    (airbnb/visx: @modelcontextprotocol/sdk takes shadcn's zod 3.25.76, and the locked zod 4.4.3 is
    not installed; yarn does so even for a copy outside the peer range, which check reports as an
    unmet peer), and what only they bring. Their absence is yarn's install as it is."""
    lock = matcher.lock
    incoming: dict[str, list[tuple[str, str, bool]]] = {}
    for edge in lock.edges:
        source = lock.packages.get(edge.source)
        if edge.target not in maybe_peer or edge.kind is DependencyKind.PEER or source is None:
            continue
        incoming.setdefault(edge.target, []).append((edge.source, edge.name, edge.name in source.peer_dependencies))

    def parent_answers(key: str, name: str) -> bool:
        package = lock.packages[key]
        found = matcher.instances(package)
        for instance in found:
            edge = matcher.first_edge(instance, name)
            got = edge.target if edge is not None else None
            if got is None:
                return False
        return bool(found)

    answered: set[str] = set()
    changed = True
    while changed:
        changed = False
        for key, edges in incoming.items():
            if key not in answered and all(
                (both and parent_answers(source, name)) or source in answered for source, name, both in edges
            ):
                answered.add(key)
                changed = True
    return answered


def _npm_omits(package: LockedPackage, omitted: frozenset[str]) -> bool:
    """Whether npm leaves ``package`` out when told to omit ``omitted``: a dev or an optional entry
    when its kind is omitted, a ``devOptional`` one only when both are (npm's own rule)."""
    if package.dev_optional:
        return {"dev", "optional"} <= omitted
    return bool((package.dev and "dev" in omitted) or (package.optional and "optional" in omitted))


def _missing_and_drifted(matcher: _Matcher, install: str, omitted: frozenset[str] = frozenset()) -> Iterator[Finding]:
    maybe_peer = _answered_as_peers(matcher.lock)
    answered = _answered_here(matcher, maybe_peer) if maybe_peer else set()
    # Optional packages the lockfile locks for other platforms (or, with pnpm, other node versions),
    # and what only they lead to: no manager installs them here, so their absence says nothing.
    elsewhere = skipped_here(matcher.lock)
    if matcher.lock.kind == "bun" and not matcher.by_place:
        # bun's isolated linker leaves out what only an optional peer reaches.
        from nmdoctor.lockfiles.bun import unlinked_when_isolated  # only a bun install pays for the reader

        elsewhere = elsewhere | unlinked_when_isolated(matcher.lock)
    if omitted and matcher.lock.kind == "npm":
        elsewhere = elsewhere | {key for key, item in matcher.lock.packages.items() if _npm_omits(item, omitted)}
    brought_by_absent = _brought_only_by_absent(matcher, elsewhere | answered)
    for package in matcher.lock.packages.values():
        # Bundled copies come with their dependent's tarball: the lockfile does not govern them.
        if package.is_importer or package.link_to is not None or package.in_bundle:
            continue
        found = matcher.instances(package)
        where = f" at {matcher.prefix}{package.path}" if package.path and matcher.by_place else ""
        if not found:
            if package.key in elsewhere or package.key in answered or package.key in brought_by_absent:
                continue
            if package.key in maybe_peer:
                yield Finding(
                    "missing-dependency",
                    Severity.INFO,
                    f"`{package.name}@{package.version}` is locked{where} but not installed: it is the "
                    "version of a dependency its dependent also takes as a peer, which yarn answers with "
                    "the parent's copy",
                    matcher.locked_ref(package),
                    fix=None,
                )
                continue
            if package.optional:
                yield Finding(
                    "missing-dependency",
                    Severity.INFO,
                    f"optional `{package.name}@{package.version}` is locked{where} but not installed "
                    "(skipped for this platform?)",
                    matcher.locked_ref(package),
                    fix=None,
                )
                continue
            yield Finding(
                "missing-dependency",
                Severity.ERROR,
                f"`{package.name}@{package.version}` is in the lockfile{where} but not installed",
                matcher.locked_ref(package),
                fix=install,
            )
            continue
        for instance in found:
            if package.local or package.directory is not None:  # a project folder: no version locked
                continue
            if instance.name != package.name or _without_build(instance.version) != _without_build(package.version):
                yield Finding(
                    "lockfile-drift",
                    Severity.ERROR,
                    f"`{instance.label}` is installed{where} but the lockfile locks "
                    f"`{package.name}@{package.version}` there",
                    matcher.ref(instance),
                    fix=install,
                )


def _brought_only_by_absent(matcher: _Matcher, absent: set[str]) -> set[str]:
    """Optional locked packages that only absent optional packages depend on: a manager that skips
    a package (yarn 1 skips fsevents on linux, from the os field of its manifest, which yarn.lock
    does not record) installs none of what only it brings (fsevents 1.2.7's nan and node-pre-gyp
    with its dependencies, checked with real yarn 1.22.22). The skipped package's own note says
    so; one for each of them would give a wrong reason (abbrev is no platform package)."""
    lock = matcher.lock
    sources: dict[str, list[str]] = {}
    for edge in lock.edges:
        if edge.target is not None:
            sources.setdefault(edge.target, []).append(edge.source)

    def absent_optional(key: str) -> bool:
        package = lock.packages.get(key)
        return (
            package is not None
            and not package.is_importer
            and bool(package.optional)
            and (key in absent or not matcher.instances(package))
        )

    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for key, dependents in sources.items():
            if key in found or key in absent or not absent_optional(key):
                continue
            if all(source != key and absent_optional(source) for source in dependents):
                found.add(key)
                changed = True
    return found


def _without_build(version: str) -> str:
    """A version without its build metadata, which semver ignores when it compares (npm's
    ``semver.eq('16.14.0+4.13.0', '16.14.0')``): pnpm locks @hot-loader/react-dom's
    ``16.14.0+4.13.0`` as ``16.14.0``, the version of the tarball it installs."""
    return version.split("+", 1)[0]


def manifest_drift(graph: DependencyGraph, lock: Lockfile, *, overrides: Overrides | None = None) -> list[Finding]:
    """package.json declarations the lockfile was not made for, where ``graph`` was read from ``lock``
    itself (nothing installed to compare): a frozen install refuses such a lockfile (npm ci: "can only
    install packages when your package.json and package-lock.json are in sync"; pnpm:
    ERR_PNPM_OUTDATED_LOCKFILE)."""
    return list(_manifest_drift(_Matcher(graph, lock), overrides if overrides is not None else _root_overrides(graph)))


def lockfile_drift(graph: DependencyGraph, lock: Lockfile, *, overrides: Overrides | None = None) -> list[Finding]:
    """The ``lockfile-drift`` findings of ``verify_tree``, in its order, without the parts that
    find only other codes (extraneous packages, versions outside their ranges: rules of their own)."""
    matcher = _Matcher(graph, lock)
    install = reinstall_fix(lock.kind) or "reinstall from the lockfile"
    if overrides is None:
        overrides = _root_overrides(graph)
    found = [
        *_missing_and_drifted(matcher, install),
        *_edges(matcher, install),
        *_manifest_drift(matcher, overrides),
    ]
    return [finding for finding in found if finding.code == "lockfile-drift"]


def _locked_alike(matcher: _Matcher) -> dict[tuple[str, str, str], set[tuple[str, str]]]:
    """(name, version, dependency) -> the name@version of every locked target of that dependency over
    all entries of that name@version. Where packages are matched by name and version, an installed
    copy is one of those entries, and which one cannot be told: npm's linked strategy gives
    webpack-cli's two glob@13.0.6 (one locking minimatch 10.2.4, one 10.2.5) a store folder each."""
    packages = matcher.lock.packages
    found: dict[tuple[str, str, str], set[tuple[str, str]]] = {}
    for edge in matcher.lock.edges:
        source = packages.get(edge.source)
        target = packages.get(edge.target) if edge.target is not None else None
        while target is not None and target.link_to is not None and target.link_to in packages:
            target = packages[target.link_to]
        if source is not None and target is not None:
            key = (source.name, source.version, edge.name)
            found.setdefault(key, set()).add((target.name, target.version))
    return found


def _edges(matcher: _Matcher, install: str, omitted: frozenset[str] = frozenset()) -> Iterator[Finding]:
    packages = matcher.lock.packages
    alike = _locked_alike(matcher) if not matcher.by_place else {}
    # A package's bundled dependencies come with its tarball, whatever the lockfile resolves for
    # those names: yarn 1 locks host's `b@^1.0.0` as 1.1.0 and leaves the tarball's b 1.0.0 in
    # host/node_modules (aws-amplify/amplify-ui's @aws-amplify/data-construct: 596 such edges).
    bundled = tuple(bundling_packages(matcher.graph))
    for edge in matcher.lock.edges:
        if edge.kind is DependencyKind.PEER and matcher.lock.kind == "bun" and not matcher.by_place:
            continue  # bun's isolated linker meets peers per dependent, not where bun.lock places them
        source = packages.get(edge.source)
        target = packages.get(edge.target) if edge.target is not None else None
        if source is None or target is None or source.in_bundle:
            continue
        peer = edge.kind is DependencyKind.PEER or edge.name in source.peer_dependencies
        if peer and matcher.lock.kind == "yarn-berry":
            # yarn.lock does not lock peers: the model infers them, per instance they differ; a
            # dependency also listed as a peer takes the parent's copy when there is one
            continue
        if peer and matcher.lock.kind == "pnpm" and not matcher.by_place:
            continue  # pnpm's hoisted linker copies one instance of a package for all its peer variants
        while target.link_to is not None and target.link_to in packages:
            target = packages[target.link_to]
        if target.in_bundle:
            continue
        wanted = matcher.instances(target)
        for instance in matcher.instances(source):
            installed = matcher.first_edge(instance, edge.name)
            if installed is None:
                continue  # the installed manifest no longer declares it: reported as drift elsewhere
            got = installed.target
            if bundled and (instance.path.startswith(bundled) or (got is not None and got.path.startswith(bundled))):
                continue
            if got is not None and (got.name, got.version) in alike.get((source.name, source.version, edge.name), ()):
                continue  # another entry of this name@version locks it so
            if got is not None and _left_extraneous(matcher, got):
                continue  # the copy `npm install` left and the lockfile records: npm resolves the edge so too
            if got is not None and (
                any(got is item for item in wanted)
                or (got.name, got.version) == (target.name, target.version)
                or ((target.local or target.directory is not None) and got.name == target.name)
            ):
                continue
            if got is None:
                if edge.kind is DependencyKind.OPTIONAL or target.optional:
                    continue
                if omitted and matcher.lock.kind == "npm" and _npm_omits(target, omitted):
                    continue  # npm left it out as told (``omit=dev``)
                yield Finding(
                    "missing-dependency",
                    Severity.ERROR,
                    f"`{edge.name}` does not resolve from `{instance.label}`; the lockfile locks "
                    f"`{target.name}@{target.version}`",
                    matcher.ref(instance),
                    request=edge.name,
                    from_=matcher.shown(instance.path) or ".",
                    fix=install,
                )
            else:
                yield Finding(
                    "lockfile-drift",
                    Severity.ERROR,
                    f"`{edge.name}` resolves from `{instance.label}` to `{got.label}` at "
                    f"{matcher.shown(got.path)}; the lockfile locks `{target.name}@{target.version}`",
                    matcher.ref(instance),
                    request=edge.name,
                    from_=matcher.shown(instance.path) or ".",
                    fix=install,
                )


def bundling_packages(graph: DependencyGraph) -> dict[str, Instance]:
    """``<package>/node_modules/`` of every package that ships bundled dependencies in its tarball,
    to that package: the bundle its package.json names, or, read from a lockfile, the one the
    lockfile records (package-lock.json's ``bundleDependencies``)."""
    folders = {}
    for instance in graph.instances:
        raw = instance.manifest.raw if isinstance(instance.manifest.raw, dict) else {}
        if raw.get("bundleDependencies") or raw.get("bundledDependencies") or instance.manifest.bundled:
            folders[instance.path + "/node_modules/"] = instance
    return folders


def reinstall_fix(kind: str | None, *, changed: bool = False) -> str | None:
    """How to get the lockfile's install back with the manager of lockfile ``kind`` (None when
    unknown). `npm ci` starts from an empty node_modules; yarn's frozen installs over a node_modules
    they think current leave an edited package as it is (checked with real yarn 1 and yarn 4), so
    the folder goes first; pnpm links its store's files, so an edited package is an edited store
    entry, fetched again only once `pnpm store prune` dropped it (checked with real pnpm 10).
    ``changed``: also name the install that updates the lockfile, for when package.json changed."""
    command = INSTALL_COMMANDS.get(kind or "")
    if command is None:
        return None
    if kind == "npm":
        fix = f"run `{command}`"
    elif kind == "pnpm":
        # Its files are hard links into the store: an edit there is an edit of the store's copy,
        # which pnpm links again as it is until it is pruned (`--force` does not fetch it again).
        fix = f"remove node_modules, run `pnpm store prune`, then `{command}`"
    else:
        fix = f"remove node_modules and run `{command}`"
    if changed:
        fix += f", or `{UPDATE_COMMANDS[kind or '']}` if package.json changed"
    return fix


def layout_kind(layout: str) -> str | None:
    """The lockfile kind of the manager that made an installed layout (None when unknown)."""
    for prefix, kind in (
        ("npm", "npm"),
        ("pnpm", "pnpm"),
        ("yarn-classic", "yarn-classic"),
        ("yarn-berry", "yarn-berry"),
    ):
        if layout.startswith(prefix):
            return kind
    return "bun" if layout == "bun" else None


def removal_fix(kind: str) -> str | None:
    """How the manager of lockfile ``kind`` drops a package nothing locks, when its install does
    not: over a node_modules it thinks current, `pnpm install` and yarn's leave a folder they did
    not put there (checked with real pnpm); None for npm, whose `npm ci` starts from nothing."""
    if kind == "pnpm":
        return f"run `pnpm prune` (or remove node_modules and run `{INSTALL_COMMANDS['pnpm']}`)"
    if kind in ("yarn-classic", "yarn-berry", "bun"):
        return f"remove node_modules and reinstall from the lockfile (`{INSTALL_COMMANDS[kind]}`)"
    return None


def _extraneous(matcher: _Matcher, install: str, inside: tuple[str, ...] = ()) -> Iterator[Finding]:
    packages = matcher.lock.packages.values()
    locked_locations = {package.path for package in packages if package.path is not None}
    local_locations = {package.path for package in packages if package.local and package.path is not None}
    locked_ids = {(package.name, package.version) for package in packages}
    paths_known = matcher.by_place and any(
        package.path for package in packages if not package.is_importer and not package.local
    )
    bundled = tuple(bundling_packages(matcher.graph))
    plugin_names = matcher.lock.plugin_names
    for instance in matcher.graph.instances:
        if instance.is_project or instance.is_workspace or instance.path.startswith(bundled):
            continue
        if inside and instance.path.startswith(inside):
            continue  # another lockfile governs it
        if matcher.prefix and not instance.path.startswith(matcher.graph.project + "/"):
            continue  # a workspace package's own install: what lies outside it is another install's
        if plugin_names and _installed_by_plugin(matcher, instance, plugin_names):
            continue
        locations = {matcher.relative(location) for location in (instance.path, *instance.links)}
        known = locations & locked_locations if paths_known else (instance.name, instance.version) in locked_ids
        known = known or bool(locations & local_locations)
        if not known and _left_extraneous(matcher, instance):
            yield Finding(
                "extraneous-package",
                Severity.INFO,
                f"`{instance.label}` is installed at {matcher.shown(instance.path)}, which the lockfile marks "
                "extraneous: `npm install` leaves it there, `npm ci` and `npm prune` do not",
                matcher.ref(instance),
                fix=None,
            )
        elif not known:
            yield Finding(
                "extraneous-package",
                Severity.WARNING,
                f"`{instance.label}` is installed at {matcher.shown(instance.path)} but the lockfile does not have it",
                matcher.ref(instance),
                fix=removal_fix(matcher.lock.kind) or f"{install} (it removes what the lockfile lacks)",
            )


def _installed_by_plugin(matcher: _Matcher, instance: Instance, names: set[str]) -> bool:
    """Whether every dependent reaches ``instance`` under a name the lockfile locks under a plugin's
    protocol (rnx-kit's stub folder, linked as @fluentui/dom-utilities for ``ignore:``)."""
    dependents = matcher.graph.dependents(instance)
    return bool(dependents) and all(edge.name in names for edge in dependents)


def _left_extraneous(matcher: _Matcher, instance: Instance) -> bool:
    """Is ``instance`` the copy an npm lockfile records as ``"extraneous": true`` at its location, at
    its version? ``npm install`` writes such an entry for a copy it leaves on disk (downshift's
    typescript 4.9.5 under kcd-scripts, placed for eslint-config-kentcdodds's optional peer), and
    ``npm ls`` resolves to it: the tree is what the lockfile says."""
    extraneous = matcher.lock.extraneous
    return bool(extraneous) and extraneous.get(matcher.relative(instance.path)) == instance.version


def another_declaration_holds(source: Instance, name: str, version: str) -> bool:
    """Does ``source`` declare ``name`` a second time (in dependencies and devDependencies) with a
    range ``version`` satisfies? The managers install one of the two (yarn berry the dev one:
    medusa's ``"@swc/core": "1.5.7"`` and dev ``"^1.7.28"`` give 1.7.28): not a mismatch."""
    manifest = source.manifest
    fields = (manifest.dependencies, manifest.optional_dependencies, manifest.dev_dependencies)
    specs = [spec for items in fields for item, spec in items if item == name]
    return len(specs) > 1 and any(satisfies(version, spec) for spec in specs)


def in_range(edge: Edge, target: Instance, spec: str | None, layout: str) -> bool:
    """Is ``target`` no version-mismatch for ``edge``, judged against ``spec`` (its range, or the
    override's; None: undecided)? Also when the source declares the name a second time with a range
    it satisfies, or yarn 1 left its resolution out of the root's own dependency."""
    return (
        spec is None
        or not target.version  # a lockfile entry recording no version (a damaged package-lock.json): not judged
        or any_version(spec)
        or satisfies(target.version, spec) is not False
        or another_declaration_holds(edge.source, edge.name, target.version)
        or unresolved_at_the_root(edge, layout)
    )


def unresolved_at_the_root(edge: Edge, layout: str) -> bool:
    """yarn 1 leaves its ``resolutions`` out of the root's own dependencies: ``"host": "^1.0.0"``
    with ``"resolutions": {"host": "npm:other@1.5.0"}`` (or ``"**/host": "2.0.0"``) locks the
    resolution's entry and still installs host 1.0.0 at node_modules/host (yarn 1.22.22, frozen and
    not). A root dependency its declared range admits is no mismatch there."""
    return (
        layout == "yarn-classic"
        and edge.source.is_project
        and edge.target is not None
        and satisfies(edge.target.version, edge.spec) is True
    )


def any_version(spec: str) -> bool:
    """A spec of ``*`` or nothing (``npm:types-react``, an alias's too) accepts every version, a
    prerelease included: npm's dep-valid takes ``*`` as valid whatever the version, and npm and pnpm
    install the ``latest`` tag for it even when that tag is a prerelease (astro's
    ``"@types/react": "npm:types-react"``, locked at 19.0.0-alpha.3)."""
    parsed = classify_spec(spec)
    return parsed.range is not None and parsed.range.strip() in ("", "*")


def resolved_as_peer(source: Instance, name: str, layout: str) -> bool:
    """A name ``source`` takes as a peer: one its manifest lists only as a peer (pnpm lockfiles
    list resolved peers among a package's dependencies, the resolved version as the spec), or,
    under pnpm and yarn berry, one it lists as both a dependency and a peer, which they answer
    with the parent's copy when there is one (create-t3-turbo's pnpm install gives expo-router
    @expo/metro-runtime 6.1.1 from expo against its ^6.1.2: an unmet peer, not a broken install)."""
    manifest = source.manifest
    if name not in {peer for peer, _range in manifest.peer_dependencies}:
        return False
    if layout.startswith(("pnpm", "yarn-berry")):
        return True
    return name not in {item for item, _spec in (*manifest.dependencies, *manifest.optional_dependencies)}


def _out_of_range(
    matcher: _Matcher, install: str, overrides: Overrides, inside: tuple[str, ...] = (), plugins: tuple[str, ...] = ()
) -> Iterator[Finding]:
    """Installed edges whose version is outside the declared range (whatever the lockfile says),
    or outside the override the project sets for that package."""
    pins = _berry_pins(matcher.lock)
    unplaced = _berry_unplaced(matcher.lock) if plugins else set()
    for edge in matcher.graph.edges:
        target = edge.target
        if target is None or edge.kind is DependencyKind.PEER or target.is_workspace or target.is_project:
            continue
        if inside and (edge.source.path + "/").startswith(inside):
            continue  # judged with the lockfile and overrides of the package it lies in
        if matcher.prefix and not (edge.source.path + "/").startswith(matcher.graph.project + "/"):
            continue  # a workspace package's own install: what lies outside it is another install's
        if resolved_as_peer(edge.source, edge.name, matcher.graph.layout):
            continue  # resolved as a peer: its version is an unmet peer at most
        spec = overrides.for_source(edge.source.path).spec_for(edge.name, edge.spec)
        if in_range(edge, target, spec, matcher.graph.layout):
            continue
        if (edge.name, edge.spec.removeprefix("npm:"), target.version) in pins:
            continue  # the lockfile's own resolution of that range: what every install brings
        source = edge.source
        severity, said, fix = Severity.ERROR, "", install
        if (source.name, source.version, edge.name, edge.spec.removeprefix("npm:")) in unplaced:
            severity = Severity.INFO  # a plugin may have rewritten the range: undecidable from the files
            said, fix = rewritten_note(", ".join(plugins), edge.name, edge.spec)
        yield Finding(
            "version-mismatch",
            severity,
            f"`{source.label}` wants {wanted_spec(edge.name, edge.spec, spec)} but gets {target.version} from "
            f"{matcher.shown(target.path)}{said}",
            matcher.ref(source),
            request=edge.name,
            from_=matcher.shown(source.path) or ".",
            fix=fix,
        )


def wanted_spec(name: str, declared: str, spec: str) -> str:
    """``name@spec`` as a version-mismatch names it: the spec judged, which is an override's when
    one replaces the declared range."""
    return f"`{name}@{spec}`" if spec == declared else f"`{name}@{spec}` (an override)"


def _berry_unplaced(lock: Lockfile) -> set[tuple[str, str, str, str]]:
    """(name, version, dependency, range) of the yarn berry packages whose entry lists a dependency
    the lockfile holds no entry for (see ``rewritten_note``); a workspace's is left out."""
    if lock.kind != "yarn-berry":
        return set()
    found: set[tuple[str, str, str, str]] = set()
    for edge in lock.edges:
        source = lock.packages.get(edge.source)
        if edge.target is None and source is not None and not source.is_importer:
            found.add((source.name, source.version, edge.name, edge.spec.removeprefix("npm:")))
    return found


def rewritten_note(plugins: str, name: str, spec: str) -> tuple[str, str]:
    """What a finding adds, and its fix, where an installed package's dependency ``name@spec`` has
    no yarn.lock entry although ``.yarnrc.yml`` loads plugins (``plugins``): a plugin's
    ``reduceDependency`` hook rewrites a range before yarn resolves it (rnx-kit's dynamic package
    overrides turn nx's exact pins into ^ ranges) and the lockfile keeps the package's own range,
    so an ``--immutable`` install accepts it; what yarn resolved is in the plugin's code, not in
    the files (real yarn 4.18.1 with such a plugin writes exactly that lockfile)."""
    return (
        f"; yarn.lock holds no entry for `{name}@{spec}`, which a plugin .yarnrc.yml loads ({plugins}) "
        "may have rewritten before yarn resolved it: what yarn installed for it cannot be told from the files",
        f"see what the plugin does with `{name}@{spec}`; `yarn why {name}` shows what yarn linked",
    )


def _berry_pins(lock: Lockfile) -> set[tuple[str, str, str]]:
    """(name, range, version) of every yarn berry descriptor and the version its entry locks: yarn
    installs what the lockfile resolves a descriptor to without checking the range (an entry
    ``"browserslist@npm:^4.0.0"`` at ``version: 3.2.8``, written by ``yarn set resolution`` or by
    hand), ``--immutable`` installs included (yarn 3.2.3 and 4.18.1), as ``check`` already knows."""
    if lock.kind != "yarn-berry":
        return set()
    pins: set[tuple[str, str, str]] = set()
    for edge in lock.edges:
        target = lock.packages.get(edge.target) if edge.target is not None else None
        if target is not None:
            pins.add((edge.name, edge.spec.removeprefix("npm:"), target.version))
    return pins


def _as_overridden(spec: str, override: str | None, importer: str) -> bool:
    """Is the lockfile's ``spec`` the override pnpm writes for the importer at ``importer``? A
    ``link:``/``file:`` override names a folder from the project root and pnpm writes it from the
    importer's folder (unjs/nitro's examples: ``nitropack: link:.`` is ``link:../..`` there)."""
    if override is None:
        return False
    if spec == override:
        return True
    for protocol in ("link:", "file:"):
        if spec.startswith(protocol) and override.startswith(protocol):
            wanted = posixpath.normpath(override[len(protocol) :])
            return posixpath.normpath(posixpath.join(importer, spec[len(protocol) :])) == wanted
    return False


def _npm_ci_accepts(lock: Lockfile, workspaces: dict[str, str], name: str, spec: str) -> bool:
    """Does ``npm ci`` install from this lockfile although a package.json records another spec (or
    none) for ``name`` than the lockfile does? Its check asks only that what package.json wants be in
    the lockfile: some locked copy of ``name`` (a workspace included) that the range admits (npm
    11.19.1 installs a workspace whose range was raised within the locked version, a root dependency
    the tree already holds as another package's, mobx-react's ``mobx@^7.0.3`` answered by the
    workspace; it stops with "Missing: x@1.0.0 from lock file" otherwise). A workspace counts at the
    version its package.json has now (``workspaces``: name -> version), which npm reads from disk
    (mobx's lockfile still records packages/mobx at 6.16.1, its package.json says 7.0.3)."""
    if name in workspaces:
        return satisfies(workspaces[name], spec) is True
    return any(
        package.name == name and package.link_to is None and satisfies(package.version, spec) is True
        for package in lock.packages.values()
    )


def _manifest_drift(matcher: _Matcher, overrides: Overrides) -> Iterator[Finding]:
    """package.json declarations the lockfile was not made for (npm v2+, pnpm: they record specs).
    pnpm records an overridden direct dependency with the override as its specifier
    (create-t3-turbo: ``"vite": "catalog:"`` under ``overrides: {vite: 7.1.12}`` is ``7.1.12``)."""
    lock = matcher.lock
    if lock.kind == "yarn-classic":
        yield from _yarn_classic_drift(matcher)
        return
    if lock.kind not in ("npm", "pnpm") or (lock.kind == "npm" and lock.version == "1"):
        return
    update = UPDATE_COMMANDS[lock.kind]
    workspaces = {item.name: item.version for item in matcher.graph.roots if item.is_workspace}
    for importer in lock.importers():
        locked = {edge.name: edge.spec for edge in lock.edges if edge.source == importer.key}
        owner = matcher.by_location.get(importer.path or "")
        if owner is None:
            continue
        for declared in owner.manifest.declared(include_dev=True):
            if declared.kind is DependencyKind.PEER:
                continue
            if lock.kind == "npm" and _npm_ci_accepts(lock, workspaces, declared.name, declared.spec):
                continue
            spec = locked.get(declared.name)
            expected = overrides.direct_spec_for(owner.name, declared.name, declared.spec)
            if spec is None:
                message = f"package.json declares `{declared.name}@{declared.spec}`; the lockfile does not have it"
            elif expected is None and lock.kind == "pnpm":
                continue  # an override may apply (under this package, or to some versions): undecided
            elif spec != declared.spec and not _as_overridden(spec, expected, importer.path or ""):
                message = (
                    f"package.json declares `{declared.name}@{declared.spec}` but the lockfile was made for `{spec}`"
                )
            else:
                continue
            yield Finding(
                "lockfile-drift",
                Severity.ERROR,
                message,
                matcher.ref(owner),
                request=declared.name,
                fix=f"run `{update}` and commit the lockfile",
            )


def yarn_classic_unlocked(lock: Lockfile) -> dict[str, list[tuple[str, str]]]:
    """The declarations of the project and its workspaces that a v1 yarn.lock has no entry for:
    importer folder -> (name, spec). yarn 1 records no importers; it looks each declaration up by
    its pattern (``name@spec``), or links a workspace its version satisfies, and ``yarn install
    --frozen-lockfile`` (1.22.22) stops on any other: "Your lockfile needs to be updated" (strapi's
    foodadvisor: ``@strapi/strapi@4.13.5`` declared, 4.12.0 locked; a workspace's declarations it
    installs unlocked, see ``_yarn_classic_drift``). Only registry ranges, tags and
    aliases are read: yarn writes other protocols (links, folders, git) under keys of its own making,
    and a spec with spaces under a key it may have respaced; optional declarations are left aside."""
    if lock.kind != "yarn-classic":
        return {}
    folders = {package.key: package.path or "" for package in lock.importers()}
    unlocked: dict[str, list[tuple[str, str]]] = {}
    for edge in lock.edges:
        folder = folders.get(edge.source)
        if folder is None or edge.target is not None or edge.kind in (DependencyKind.PEER, DependencyKind.OPTIONAL):
            continue
        spec = edge.spec
        if not spec or spec != spec.strip() or " " in spec:
            continue
        if classify_spec(spec).kind not in (SpecKind.RANGE, SpecKind.TAG, SpecKind.ALIAS):
            continue
        unlocked.setdefault(folder, []).append((edge.name, spec))
    return unlocked


def _yarn_classic_drift(matcher: _Matcher) -> Iterator[Finding]:
    """What ``yarn_classic_unlocked`` finds, one finding per declaration: an error for the project's
    own, a warning for a workspace's. yarn 1.22.22's frozen install compares only the top-level
    patterns with the lockfile (the root's, and the workspaces' aggregate): it installs a workspace's
    unlocked declaration from the registry without a word, whatever version is newest then."""
    update = UPDATE_COMMANDS["yarn-classic"]
    for folder, declarations in yarn_classic_unlocked(matcher.lock).items():
        owner = matcher.by_location.get(folder)
        if owner is None:
            continue
        for name, spec in declarations:
            yield Finding(
                "lockfile-drift",
                Severity.ERROR if owner.is_project else Severity.WARNING,
                f"package.json declares `{name}@{spec}`; yarn.lock has no entry for it"
                + (
                    ""
                    if owner.is_project
                    else " (yarn 1 installs it unlocked, whatever the registry has then: `yarn install"
                    " --frozen-lockfile` checks only the root's declarations)"
                ),
                matcher.ref(owner),
                request=name,
                fix=f"run `{update}` and commit the lockfile",
            )
