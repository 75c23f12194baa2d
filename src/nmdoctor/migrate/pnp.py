"""``migrate --to yarn-pnp``: what fails once yarn 4's Plug'n'Play linker replaces node_modules.

Under PnP a package reaches only what it declares; there is no folder to walk. From today's tree:

- an undeclared import in the project's (or a workspace's) own source that resolves today fails:
  yarn's default ``pnpFallbackMode: dependencies-only`` excludes workspaces from the fallback;
- an undeclared require inside an installed package fails unless yarn's top-level fallback finds the
  name among the project's own dependencies (or those of ``react-scripts``/``gatsby``, which the
  runtime adds to the fallbacks); then it works, by that fallback only;
- a peer dependency is met only by what the dependent itself provides: a package whose parent
  does not declare its peer gets none (today node may find a hoisted copy), unless the fallback has it.

Tool configs that name modules by string are not judged here (the tools resolve them with their own
PnP plugins).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.diagnostics.rules import undeclared
from nmdoctor.diagnostics.rules._resolution import project_resolution
from nmdoctor.inspect.package_code import package_imports
from nmdoctor.migrate.protocols import refused_specs
from nmdoctor.migrate.ts_helpers import tslib_findings
from nmdoctor.migrate.unread_overrides import unread_overrides
from nmdoctor.migrate.workspace_fields import unread_workspaces
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.paths import relative
from nmdoctor.resolve import Resolver
from nmdoctor.sources.elision import ImportUse, import_use
from nmdoctor.sources.imports import UNCALLED, ImportSite, package_of
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["LAYOUT", "PnpMigration", "migrate_to_pnp"]

LAYOUT = "yarn-berry-pnp"
_COMPATIBILITY_FALLBACKS = ("react-scripts", "gatsby")
_TYPESCRIPT = (".ts", ".tsx", ".mts", ".cts")
_DECLARATION_FILES = (".d.ts", ".d.mts", ".d.cts")


@dataclass(slots=True)
class PnpMigration:
    findings: list[Finding]
    edges_compared: int
    questions_compared: int


def _declares(instance: Instance, name: str) -> bool:
    include_dev = instance.is_project or instance.is_workspace
    return any(item.name == name for item in instance.manifest.declared(include_dev=include_dev))


def _fallback_names(graph: DependencyGraph) -> set[str]:
    """What yarn's top-level fallback offers an installed package: the project's dependencies (the
    top-level locator's) and those of react-scripts and gatsby."""
    names: set[str] = set()
    for instance in graph.instances:
        if instance.is_project or instance.name in _COMPATIBILITY_FALLBACKS:
            names.update(item.name for item in instance.manifest.declared(include_dev=instance.is_project))
    return names


def _types_only(context: CheckContext, finding: Finding) -> bool:
    """Whether TypeScript erases the import before anything runs: a declaration file, or a TypeScript
    import whose names are used only as types (unless the project's config keeps such imports)."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph) and context.fs is not None
    file = f"{graph.project}/{finding.from_}"
    if file.endswith(_DECLARATION_FILES):
        return True
    if not file.endswith(_TYPESCRIPT) or finding.line is None or finding.column is None:
        return False
    if project_resolution(context).for_file(file).keeps_imports:
        return False
    try:
        source = context.fs.read_bytes(file)
    except FileSystemError:
        return False
    return import_use(source, file, finding.line, finding.column) is ImportUse.DROPPED


def _project_imports(context: CheckContext) -> Iterable[Finding]:
    for finding in undeclared.phantom_in_project(context, runtime=Severity.ERROR):
        if finding.severity is not Severity.ERROR:
            continue  # `import type`: erased before anything runs
        package = finding.package.name if finding.package else ""
        if _types_only(context, finding):
            # nothing loads it at run time; yarn's patched TypeScript resolves through PnP too, so a
            # type check (tsc, fork-ts-checker) no longer finds it: a warning, as for `import type`
            yield Finding(
                "phantom-dependency",
                Severity.WARNING,
                f"under {LAYOUT}, `{finding.request}` imported for its types by `{package}` would not be found "
                "by a type check: it is not declared, and workspaces get no fallback (TypeScript drops the "
                "import, so nothing loads it at run time)",
                finding.package,
                request=finding.request,
                from_=finding.from_,
                line=finding.line,
                column=finding.column,
                fix=(finding.fix or "") + ", then run yarn install",
            )
            continue
        yield Finding(
            "phantom-dependency",
            Severity.ERROR,
            f"under {LAYOUT}, `{finding.request}` imported by `{package}` "
            "would fail: it is not declared, and workspaces get no fallback",
            finding.package,
            request=finding.request,
            from_=finding.from_,
            line=finding.line,
            column=finding.column,
            fix=(finding.fix or "") + ", then run yarn install",
        )


def _sites(fs: FileSystem, instance: Instance) -> dict[tuple[str, int, int], ImportSite]:
    """The package's undeclared import sites by file, line and column."""
    known = {item.name for item in instance.manifest.declared(include_dev=False)} | {instance.name}
    return {
        (found.file, found.site.line, found.site.column): found.site
        for found in package_imports(fs, Resolver(fs), instance, known)
    }


def _package_requires(context: CheckContext, graph: DependencyGraph) -> tuple[list[Finding], int]:
    fallback = _fallback_names(graph)
    versions = {}
    for instance in graph.instances:
        versions.setdefault(instance.name, instance.version)
    findings = []
    today = [
        finding
        for finding in undeclared.phantom_dependency.run(context)
        if finding.package is not None and finding.package.path != "." and finding.request
    ]
    roots = {relative(graph, root.path) for root in graph.roots}
    by_path = {relative(graph, instance.path): instance for instance in graph.instances}
    sites: dict[str, dict[tuple[str, int, int], ImportSite]] = {}
    fs = context.fs
    assert fs is not None
    for finding in today:
        package = finding.package
        assert package is not None and finding.request is not None
        if package.path in roots:
            continue  # the project's own source: judged by _project_imports
        name = package_of(finding.request) or finding.request
        extension = (
            f'declare it in .yarnrc.yml: packageExtensions: {{"{package.name}@*": {{"dependencies": '
            f'{{"{name}": "{versions.get(name, "*")}"}}}}}}, then run yarn install'
        )
        instance = by_path.get(package.path)
        site = None
        if instance is not None and finding.line is not None and finding.column is not None:
            if package.path not in sites:
                sites[package.path] = _sites(fs, instance)
            site = sites[package.path].get((f"{graph.project}/{finding.from_}", finding.line, finding.column))
        guarded = site is not None and site.guarded
        uncalled = site is not None and site.uncalled
        types = (finding.from_ or "").endswith(_DECLARATION_FILES) or (site is not None and site.types_only)
        if name not in fallback and (guarded or uncalled or types):
            # a require in a try block is a feature probe: PnP's throw is caught; one in a function
            # nothing calls never runs, nor does a type import
            how = (
                "inside a try block (a feature probe: it fails softly)"
                if guarded
                else UNCALLED
                if uncalled
                else "for its types only (node never loads it; a type check would not find it)"
            )
            findings.append(
                Finding(
                    "phantom-dependency",
                    Severity.INFO if guarded or uncalled else Severity.WARNING,
                    f"under {LAYOUT}, `{package.name}@{package.version}` would not find `{name}`, which it requires "
                    f"without declaring it, {how}",
                    package,
                    request=finding.request,
                    from_=finding.from_,
                    line=finding.line,
                    column=finding.column,
                    fix=extension,
                )
            )
            continue
        if name in fallback:
            findings.append(
                Finding(
                    "phantom-dependency",
                    Severity.WARNING,
                    f"under {LAYOUT}, `{package.name}@{package.version}` requires `{name}` without declaring it; "
                    "it would resolve only through yarn's top-level fallback",
                    package,
                    request=finding.request,
                    from_=finding.from_,
                    line=finding.line,
                    column=finding.column,
                    fix=extension,
                )
            )
            continue
        findings.append(
            Finding(
                "phantom-dependency",
                Severity.ERROR,
                f"under {LAYOUT}, `{package.name}@{package.version}` would fail to require `{name}`, which it "
                "does not declare (it resolves today only from node_modules)",
                package,
                request=finding.request,
                from_=finding.from_,
                line=finding.line,
                column=finding.column,
                fix=extension,
            )
        )
    return findings, len(today)


def _requires(fs: FileSystem, instance: Instance, name: str) -> bool:
    """Whether the package's reachable code requires ``name``."""
    known = {item.name for item in instance.manifest.declared(include_dev=False)} - {name}
    return any(package_of(found.site.specifier) == name for found in package_imports(fs, Resolver(fs), instance, known))


def _peers(graph: DependencyGraph, fs: FileSystem) -> tuple[list[Finding], int]:
    fallback = _fallback_names(graph)
    findings = []
    compared = 0
    for edge in graph.edges:
        if edge.kind is not DependencyKind.PEER or edge.optional or edge.target is None:
            continue
        source = edge.source
        compared += 1
        parents = [item.source for item in graph.dependents(source) if item.source is not source]
        lacking = sorted({parent.label for parent in parents if not _declares(parent, edge.name)})
        if not lacking or edge.name in fallback:
            continue  # provided, or found through the top-level fallback (silently)
        required = _requires(fs, source, edge.name)
        findings.append(
            Finding(
                "unmet-peer-dependency",
                # An error where its code requires the peer: the runtime then fails with certainty.
                Severity.ERROR if required else Severity.WARNING,
                f"under {LAYOUT}, `{source.label}` would get no `{edge.name}` (its peer) where "
                f"{', '.join(lacking)} {'use' if len(lacking) > 1 else 'uses'} it without providing it "
                f"(today: {edge.target.label} from node_modules)",
                PackageRef(source.name, source.version, relative(graph, source.path)),
                request=edge.name,
                from_=relative(graph, source.path),
                fix=f'add "{edge.name}": "{edge.target.version}" to the dependencies of {lacking[0].rsplit("@", 1)[0]}',
            )
        )
    return findings, compared


def migrate_to_pnp(graph: DependencyGraph, fs: FileSystem) -> PnpMigration:
    """What fails or leans on the fallback once the project is installed with yarn's PnP linker."""
    context = CheckContext(graph=graph, fs=fs)
    project = (
        unread_workspaces(graph, fs, "yarn-pnp", LAYOUT)
        + refused_specs(graph, fs, "yarn-pnp", LAYOUT)
        + unread_overrides(graph, fs, "yarn-pnp", LAYOUT)
        + list(_project_imports(context))
        + list(tslib_findings(context, LAYOUT))
    )
    packages, requires = _package_requires(context, graph)
    peers, peer_edges = _peers(graph, fs)
    return PnpMigration(project + packages + peers, len(graph.edges), len(project) + requires + peer_edges)
