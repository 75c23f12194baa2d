"""Plan the target layout, ask the same resolution questions of both layouts, report the answers
that differ: declared dependencies of every package, the project's own imports, modules that tool
configs name by string, and the undeclared requires inside installed packages."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.diagnostics.rules import strings, undeclared
from nmdoctor.diagnostics.rules.webpack_symlinks import webpack_symlinks_findings
from nmdoctor.inspect.overrides import project_overrides
from nmdoctor.inspect.tree import ManifestMemo, read_installed_tree
from nmdoctor.inspect.verify import bundling_packages
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.nested import plan_nested
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
from nmdoctor.linkers.npm_linked import plan_npm_linked, registry_of_lockfile
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm import PnpmSettings, plan_pnpm
from nmdoctor.linkers.pnpm_hoisted import plan_pnpm_hoisted
from nmdoctor.linkers.pnpm_import import as_pnpm_imports
from nmdoctor.linkers.yarn_berry import BerrySettings, plan_yarn_berry
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.migrate.lockfile_tree import with_lockfile_manifests
from nmdoctor.migrate.patches import unread_patches
from nmdoctor.migrate.protocols import refused_specs
from nmdoctor.migrate.script_bins import unlinked_script_bins
from nmdoctor.migrate.selectors import refused_selectors
from nmdoctor.migrate.unread_overrides import unread_overrides
from nmdoctor.migrate.workspace_fields import unread_workspaces
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.paths import relative
from nmdoctor.sources.imports import package_of
from nmdoctor.vfs.base import FileSystem
from nmdoctor.vfs.overlay import OverlayFS

__all__ = ["TARGETS", "MigrationResult", "migrate"]

TARGETS = {
    "pnpm": "pnpm-isolated",
    "pnpm-hoisted": "pnpm-hoisted",
    "nested": "npm-nested",
    "npm": "npm-hoisted",
    "npm-linked": "npm-linked",
    "yarn": "yarn-classic",
    "yarn-berry": "yarn-berry-nm",
}


@dataclass(slots=True)
class MigrationResult:
    target_layout: str
    planned: DependencyGraph
    plan: Plan
    findings: list[Finding]
    edges_compared: int
    questions_compared: int


# the lockfiles `pnpm import` reads (pnpm 10.34.8), when the project has no pnpm-lock.yaml
_IMPORTED_LOCKFILES = ("npm-shrinkwrap.json", "package-lock.json", "yarn.lock")


def _imported_by_pnpm(graph: DependencyGraph, fs: FileSystem) -> bool:
    """Whether a switch to pnpm starts with ``pnpm import`` of another manager's lockfile."""
    project = graph.project
    if fs.stat(f"{project}/pnpm-lock.yaml") is not None:
        return False
    return any(fs.stat(f"{project}/{name}") is not None for name in _IMPORTED_LOCKFILES)


def _plan(graph: DependencyGraph, fs: FileSystem, target: str, settings: PnpmSettings, berry: BerrySettings) -> Plan:
    logical = logical_graph(graph)
    if target in ("pnpm", "pnpm-hoisted") and _imported_by_pnpm(graph, fs):
        found = project_overrides(fs, graph.project)
        logical = as_pnpm_imports(logical, frozenset(found.everywhere) | found.somewhere)
    if target == "pnpm":
        return plan_pnpm(logical, settings)
    if target == "pnpm-hoisted":
        at_root = settings.pnpm_major >= 11 and settings.hoist_workspace_packages  # pnpm 11.29.0, 12.26.0
        return plan_pnpm_hoisted(logical, link_workspaces_at_root=at_root)
    if target == "nested":
        return plan_nested(logical)
    if target == "npm-linked":
        return plan_npm_linked(logical, registry_of_lockfile(fs, f"{graph.project}/package-lock.json"))
    if target == "npm":
        return plan_npm_hoisted(logical)
    if target == "yarn":
        return plan_yarn_classic(logical)
    if target == "yarn-berry":
        return plan_yarn_berry(logical, berry)
    raise ValueError(f"no planner for {target!r} yet (planned: {', '.join(sorted(TARGETS))})")


def _mounts(graph: DependencyGraph) -> list[str]:
    return [f"{root.path}/node_modules" for root in graph.roots]


def _edge_key(edge_source: Instance, name: str) -> tuple[str, str]:
    return ("." if edge_source.is_project else edge_source.label, name)


def _root_label(graph: DependencyGraph, finding: Finding) -> str:
    """The edge key of the workspace a protocol finding names."""
    package = finding.package
    assert package is not None
    return next((item.label for item in graph.roots if relative(graph, item.path) == package.path), package.name)


def _declared_peer(source: Instance, name: str) -> bool:
    manifest = source.manifest
    return name in manifest.optional_peers or any(peer == name for peer, _spec in manifest.peer_dependencies)


def _has_exports(instance: Instance) -> bool:
    raw = instance.manifest.raw
    return isinstance(raw, dict) and raw.get("exports") is not None


def _unplanned_sources(graph: DependencyGraph) -> frozenset[str]:
    """The installed copies whose dependencies no layout plans again: those inside a package's
    bundled node_modules (npm, yarn and pnpm unpack them as the tarball ships them; real pnpm 10.34.8
    keeps npm's 65 bundled packages inside npm/node_modules and installs none of them apart), and
    those no chain of dependencies from the project reaches (yarn 1 also installs a package's
    bundled dependencies at the top, where the bundling package never looks: extraneous copies
    whose code nothing loads)."""
    bundles = tuple(bundling_packages(graph))
    reached = {root.path for root in graph.roots}
    pending = list(graph.roots)
    while pending:
        for edge in graph.edges_from(pending.pop()):
            if edge.target is not None and edge.target.path not in reached:
                reached.add(edge.target.path)
                pending.append(edge.target)
    return frozenset(item.path for item in graph.instances if item.path not in reached or item.path.startswith(bundles))


def _production_paths(graph: DependencyGraph) -> frozenset[str]:
    """The installed copies a chain of dependencies reaches from the project's and its workspaces'
    ``dependencies`` (not ``devDependencies``): the rest only tooling needs."""
    reached: set[str] = set()
    pending = [
        edge.target
        for root in graph.roots
        for edge in graph.edges_from(root)
        if edge.target is not None and edge.kind is not DependencyKind.DEV
    ]
    while pending:
        item = pending.pop()
        if item.path in reached:
            continue
        reached.add(item.path)
        pending.extend(edge.target for edge in graph.edges_from(item) if edge.target is not None)
    return frozenset(reached)


def _peer_fix(name: str, version: str, source: Instance, production: frozenset[str]) -> str:
    """A peer an installed package asks for, which the target leaves unprovided: the project declares
    it (yarn 4 gives a package its peers from the package that depends on it, and its node-modules
    linker puts the project's own dependencies at the top, where every package finds them; pnpm
    resolves a peer it finds nowhere else from the root's dependencies). An installed package's
    manifest is no place for a fix: the next install rewrites it."""
    field = "dependencies" if source.path in production else "devDependencies"
    return f'add "{name}": "^{version}" to {field} in package.json, where `{source.label}` finds it'


def _walked_target(planned: DependencyGraph, label: str, name: str) -> str | None:
    """What node's upward ``node_modules`` walk finds for ``name`` from the planned copies labelled
    ``label`` (the project: "."), when they all find the same name@version; else None. pnpm's
    hidden hoist (``node_modules/.pnpm/node_modules``) is no answer: only what it links there by
    accident."""
    by_place: dict[str, Instance] = {}
    for item in planned.instances_of(name):
        for place in (item.path, *item.links):
            by_place[str(place)] = item
    sources = [item for item in planned.instances if ("." if item.is_project else item.label) == label]
    found: set[str] = set()
    for source in sources:
        folder, hit = str(source.path), None
        while hit is None:
            if not folder.endswith("/node_modules") and not folder.endswith("/.pnpm/node_modules"):
                hit = by_place.get(f"{folder}/node_modules/{name}")
                if hit is not None and "/node_modules/.pnpm/node_modules/" in f"{folder}/node_modules/":
                    hit = None
            parent = posixpath.dirname(folder)
            if parent == folder:
                break
            folder = parent
        if hit is None:
            return None
        found.add(hit.label)
    return found.pop() if len(found) == 1 else None


def _edge_findings(
    current: DependencyGraph, planned: DependencyGraph, layout: str, refused: frozenset[tuple[str, str]] = frozenset()
) -> tuple[list[Finding], int]:
    """``refused``: the edges whose spec the target's manager refuses (reported as such instead)."""
    unplanned = _unplanned_sources(current)
    # a copy whose dependencies no layout plans does not speak for others of its name@version
    before = {_edge_key(edge.source, edge.name): edge for edge in current.edges if edge.source.path not in unplanned}
    after = {_edge_key(edge.source, edge.name): edge for edge in planned.edges}
    # A package the target layout does not install (nothing depends on it: extraneous today, or
    # left in a lockfile the manifest no longer asks for) has no dependencies to lose there.
    placed = {"." if item.is_project else item.label for item in planned.instances}
    production = _production_paths(current)
    findings = []
    for key, edge in sorted(before.items()):
        if key[0] not in placed or key in refused:
            continue
        new = after.get(key)
        old_target = edge.target.label if edge.target else None
        new_target = new.target.label if new is not None and new.target else None
        if new is None and old_target is not None:
            # the planned graph records no edge (a peer its manifest does not list there): what node
            # finds from each planned copy answers, as it does at run time
            new_target = _walked_target(planned, key[0], edge.name)
        if old_target == new_target or old_target is None:
            continue
        source = edge.source
        ref = PackageRef(source.name, source.version, relative(current, source.path))
        if new_target is None and edge.target is not None and edge.target.path == source.path and _has_exports(source):
            # a package depending on itself (`"mono": "workspace:*"` at the root, which pnpm links
            # and yarn 4 does not): node finds its own name from inside it through "exports"
            continue
        if new_target is None:
            # A peer (pnpm's lockfile lists the peers it resolved among a package's dependencies):
            # whether the target provides it depends on its parents, which the plan of peers does
            # not always follow; a warning, as a peer the target leaves unresolved is.
            peer = edge.kind is DependencyKind.PEER or _declared_peer(source, edge.name)
            severity = Severity.WARNING if peer or edge.kind is DependencyKind.OPTIONAL else Severity.ERROR
            code = "unmet-peer-dependency" if peer else "missing-dependency"
            findings.append(
                Finding(
                    code,
                    severity,
                    f"under {layout}, `{source.label}` would no longer find `{edge.name}` (today: {old_target})",
                    ref,
                    request=edge.name,
                    from_=relative(current, source.path),
                    fix=f'declare "{edge.name}" in package.json'
                    if source.is_project
                    else _peer_fix(edge.name, edge.target.version, source, production)
                    if peer
                    else f'declare "{edge.name}" in the dependencies of {source.name}',
                )
            )
        else:
            findings.append(
                Finding(
                    "resolution-changed",
                    Severity.WARNING,
                    f"under {layout}, `{source.label}` would get `{new_target}` for `{edge.name}` "
                    f"instead of {old_target}",
                    ref,
                    request=edge.name,
                    from_=relative(current, source.path),
                    fix="pin the version you need with overrides (npm), pnpm.overrides or resolutions (yarn)",
                )
            )
    return findings, len(before)


def _source_questions(context: CheckContext) -> Iterable[Finding]:
    """Findings whose presence depends on the layout: the project's imports and string references.

    Installed packages' own undeclared requires are compared once, by ``_package_phantom_findings``."""
    yield from undeclared.phantom_in_project(context)
    yield from undeclared.unresolvable_import.run(context)
    yield from strings.string_module_reference.run(context)


def _finding_key(finding: Finding) -> tuple[object, ...]:
    """The same question in both layouts: installed packages' files move, so compare by file name."""
    package = finding.package.name if finding.package else None
    where = posixpath.basename(finding.from_ or "") if finding.line else None
    return (package, finding.request, where, finding.line, finding.column)


def _question_findings(
    today: CheckContext, planned: DependencyGraph, planned_fs: FileSystem, layout: str, target: str
) -> tuple[list[Finding], int]:
    before = {_finding_key(item): item for item in _source_questions(today)}
    after = list(_source_questions(CheckContext(graph=planned, fs=planned_fs)))
    findings = []
    for finding in after:
        old = before.get(_finding_key(finding))
        broken = finding.code in ("unresolvable-import", "string-module-reference")
        if not broken or (old is not None and old.code == finding.code):
            continue
        name = finding.request or ""
        # pnpm's hoist patterns match package names: `lodash`, never the subpath `lodash/upperFirst`
        package = package_of(name) or name
        hoist = f"; or public-hoist-pattern[]={package} in .npmrc" if target == "pnpm" and name else ""
        if finding.code == "unresolvable-import" and old is not None and finding.package is not None:
            message = (
                f"under {layout}, `{name}` imported by `{finding.package.name}@{finding.package.version}` would not "
                "resolve: it is not declared, and today it resolves only through hoisting"
            )
            fix = (old.fix or "") + hoist
        else:
            message = f"under {layout}: {finding.message}"
            fix = (finding.fix or "") + ("" if "hoist-pattern" in (finding.fix or "") else hoist)
        findings.append(
            Finding(
                finding.code,
                finding.severity,  # as check would judge it under the layout: NODE_PATH, undecidable
                message,
                finding.package,
                request=finding.request,
                from_=finding.from_,
                line=finding.line,
                column=finding.column,
                fix=fix,
            )
        )
    return findings, len(before)


def _package_phantom_findings(
    current: DependencyGraph,
    planned: DependencyGraph,
    fs: FileSystem,
    planned_fs: FileSystem,
    layout: str,
    today_context: CheckContext | None = None,
) -> tuple[list[Finding], int]:
    """Undeclared requires inside installed packages that resolve today and would not after (and how
    many such requires were compared)."""
    findings = []
    by_label = {item.label: item for item in planned.instances}
    sources = {relative(current, item.path): item for item in current.instances}
    at_path = {item.path: item for item in current.instances}
    production = _production_paths(current)
    today = list(undeclared.phantom_dependency.run(today_context or CheckContext(graph=current, fs=fs)))
    # the project's and its workspaces' own imports are asked by _question_findings
    roots = {relative(current, root.path) for root in current.roots}
    for finding in today:
        package = finding.package
        if package is None or package.path in roots or not finding.from_ or not finding.request:
            continue
        moved = by_label.get(f"{package.name}@{package.version}" if package.version else package.name)
        if moved is None:
            continue
        inside = finding.from_[len(package.path) + 1 :] if finding.from_.startswith(package.path + "/") else None
        if inside is None:
            continue
        name = finding.request.split("/", 2)
        name_text = "/".join(name[:2]) if finding.request.startswith("@") else name[0]
        file = f"{moved.path}/{inside}"
        if undeclared.package_folder(planned_fs, file, name_text) is not None:
            continue
        # today's note (a require only in try blocks or uncalled functions, or a name the runtime
        # answers itself, as Electron does `electron`): where it is not found, nothing fails
        probe = finding.severity is Severity.INFO
        if probe and undeclared.host_module(current, name_text) is not None:
            continue
        source = sources.get(package.path)
        folder = undeclared.package_folder(fs, f"{current.project}/{finding.from_}", name_text)
        provided = at_path.get(fs.realpath(folder)) if folder is not None else None
        if source is not None and provided is not None and name_text in source.manifest.optional_peers:
            # an optional peer it declares (peerDependenciesMeta), which npm installed and the target
            # leaves to the project: what requires it fails only where that code runs (yarn 4.18.1 on
            # kcd-scripts: @typescript-eslint/parser without typescript lints .js files, fails on .ts)
            findings.append(
                Finding(
                    "unmet-peer-dependency",
                    Severity.INFO if probe else Severity.WARNING,
                    f"under {layout}, `{package.name}@{package.version}` would no longer find `{name_text}` "
                    f"(today: {provided.label}), an optional peer it declares: the code that requires it "
                    "fails where it runs",
                    package,
                    request=finding.request,
                    from_=finding.from_,
                    line=finding.line,
                    column=finding.column,
                    fix=_peer_fix(name_text, provided.version, source, production),
                )
            )
            continue
        findings.append(
            Finding(
                "phantom-dependency",
                Severity.INFO if probe else Severity.ERROR,
                f"under {layout}, `{package.name}@{package.version}` would no longer find `{name_text}`, "
                "which it requires without declaring "
                + (f"({undeclared.GUARDED_WHERE})" if probe else "(it resolves today only through hoisting)"),
                package,
                request=finding.request,
                from_=finding.from_,
                line=finding.line,
                column=finding.column,
                fix=finding.fix,
            )
        )
    return findings, len(today)


def migrate(
    graph: DependencyGraph,
    fs: FileSystem,
    target: str,
    settings: PnpmSettings | None = None,
    *,
    berry: BerrySettings | None = None,
    today: CheckContext | None = None,
    parsed: ManifestMemo | None = None,
) -> MigrationResult:
    """``settings``: pnpm's hoisting settings (target ``pnpm``); ``berry``: yarn berry's
    ``.yarnrc.yml`` settings (target ``yarn-berry``); ``today``: the run's check context of
    ``graph`` on ``fs`` (its source index and package-code scans are then reused); ``parsed``: the
    manifests read with ``graph`` (the planned packages' are the same files: parsed once)."""
    settings = settings or PnpmSettings()
    plan = _plan(graph, fs, target, settings, berry or BerrySettings())
    # a tree read from its lockfile, nothing installed: packages are read as the lockfile recorded them
    planned_fs = OverlayFS(plan.fs, with_lockfile_manifests(graph, fs), _mounts(graph), plan.binds)
    planned = read_installed_tree(planned_fs, graph.project, parsed)
    layout = TARGETS[target]
    protocol_findings = refused_specs(graph, fs, target, layout) + unread_patches(graph, fs, target, layout)
    refused = frozenset(
        ("." if item.from_ == "package.json" else _root_label(graph, item), item.request or "")
        for item in protocol_findings
    )
    edge_findings, edges = _edge_findings(graph, planned, layout, refused)
    # one context for today's answers: its source index and resolution config serve both comparisons
    today = today or CheckContext(graph=graph, fs=fs)
    question_findings, questions = _question_findings(today, planned, planned_fs, layout, target)
    package_findings, package_requires = _package_phantom_findings(graph, planned, fs, planned_fs, layout, today)
    # webpack told not to follow links: breaks where the planned layout links what today is a folder
    broken_today = {item.from_ for item in webpack_symlinks_findings(graph, fs, fs, layout)}
    symlink_findings = [
        item for item in webpack_symlinks_findings(planned, planned_fs, fs, layout) if item.from_ not in broken_today
    ]
    # what stops the target's install or leaves workspaces out, whatever the layout: the plan assumes it mended
    setup_findings = refused_selectors(graph, fs, target, layout) + unread_workspaces(graph, fs, target, layout)
    setup_findings += unread_overrides(graph, fs, target, layout)
    findings = setup_findings + protocol_findings + edge_findings + question_findings
    findings += package_findings + symlink_findings + unlinked_script_bins(graph, planned, fs, layout)
    return MigrationResult(layout, planned, plan, findings, edges, questions + package_requires)
