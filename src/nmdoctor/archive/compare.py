"""A packed app against its source: every dependency must resolve to the same version in both.

Seed 004: electron-builder wrote ``node_modules/A/node_modules/react-dom`` to the app's top-level
``node_modules/react-dom``, so two versions became one and every dependent got the same copy. The
check (docs/reference/packaging.md §1.4): for every package the app loads in production (the
closure of the source's ``dependencies`` and ``optionalDependencies`` from the app, Electron's own
packages aside), resolve each of its declared dependencies from each of its copies in the packed
app, and compare the name@version found with the one the source resolves to. The same for the
imports of the app's own code reachable from its entry point.

Without a source, the packed app is checked against itself: every declared dependency must
resolve (``missing-dependency``), to a version its range accepts (``version-mismatch``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from nmdoctor.archive.imports import AppImports, ImportUse, is_electron_module
from nmdoctor.archive.needs import code_names, is_types_only
from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph, Edge, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.paths import relative
from nmdoctor.model.specs import satisfies
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.sources.imports import package_of
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["Side", "compare_archive", "production_closure", "self_check_archive"]

_COLLAPSED_FIX = (
    "keep nested node_modules in place when packing: upgrade electron-builder and keep the app's "
    "node_modules inside the app folder (not hoisted to a monorepo root, not linked); or align "
    "`{name}` on one version that serves every dependent"
)
_MISSING_FIX = (
    "pack it with the app: it must be in `dependencies` (not devDependencies) and pass the packer's "
    "file filters (electron-builder `files`)"
)
# A dependency of a packed package, left out or put elsewhere by the packer's own collection of
# node_modules: electron-builder 24 and 25 do this (pnpm trees, nested copies moved under another
# dependent); 26.x packed the same trees in place.
_DEPENDENCY_FIX = (
    "the packer's collection of node_modules left out a dependency of a packed package: upgrade "
    "electron-builder (26.x packs each package where the package manager put it), unless your `files` "
    "filters exclude node_modules/{name}"
)
_PLACED_FIX = (
    "the packer put `{name}` under another package's node_modules, out of reach of `{dependent}`: "
    "upgrade electron-builder (26.x packs each package where the package manager put it)"
)
_UNUSED_FIX = (
    "nothing fails today; to keep it so when an update of `{dependent}` starts importing `{name}`, pack "
    "it: let node_modules/{name} through the packer's `files` filters, or upgrade electron-builder"
)
_LISTED = 5  # names listed in one finding; the rest are counted


@dataclass(frozen=True, slots=True)
class Side:
    """One tree: its graph, the view it was read from (to resolve what its manifests do not declare)
    and, when walked, the imports of the app's code."""

    graph: DependencyGraph
    fs: FileSystem | None = None
    imports: AppImports | None = None

    @property
    def root(self) -> Instance:
        return self.graph.instances[0]


def production_closure(graph: DependencyGraph) -> set[str]:
    """Real paths of the app and every package it loads through dependencies/optionalDependencies."""
    root = graph.instances[0]
    seen = {root.path}
    pending = [root]
    while pending:
        instance = pending.pop()
        for edge in graph.edges_from(instance):
            if edge.kind not in (DependencyKind.PROD, DependencyKind.OPTIONAL) or is_electron_module(edge.name):
                continue
            if edge.target is not None and edge.target.path not in seen:
                seen.add(edge.target.path)
                pending.append(edge.target)
    return seen


def _ref(graph: DependencyGraph, instance: Instance) -> PackageRef:
    return PackageRef(instance.name, instance.version, relative(graph, instance.path))


def _where(graph: DependencyGraph, instance: Instance) -> str:
    return "the app" if instance.is_project else relative(graph, instance.path)


def _run_by(use: ImportUse) -> str:
    return f" (a script of {use.page})" if use.page is not None else ""


def _dev_names(*sides: Side) -> set[str]:
    names: set[str] = set()
    for side in sides:
        manifest = side.root.manifest
        names |= {name for name, _ in manifest.dev_dependencies}
        names -= {name for name, _ in (*manifest.dependencies, *manifest.optional_dependencies)}
    return names


class _Comparison:
    """Findings keyed by (code, dependent's path in the archive, package name): one per cause."""

    def __init__(self, source: Side | None, packed: Side) -> None:
        self.packed = packed
        self.source = source if source is not None else packed
        self.with_source = source is not None
        self.findings: dict[tuple[str, str, str], Finding] = {}
        self.reported: set[tuple[str, str]] = set()  # (dependent's path in the archive, name)
        self.closure = production_closure(self.source.graph)
        self._by_path = {instance.path: instance for instance in packed.graph.instances}
        self._packed_edges = {(edge.source.path, edge.name): edge for edge in packed.graph.edges}
        self._by_label: dict[str, list[Instance]] = defaultdict(list)
        self._by_relative: dict[str, Instance] = {}
        for instance in packed.graph.instances:
            self._by_label[instance.label].append(instance)
            self._by_relative[relative(packed.graph, instance.path)] = instance
        self._source_by_label: dict[str, list[Instance]] = defaultdict(list)
        for instance in self.source.graph.instances:
            self._source_by_label[instance.label].append(instance)
        self.unimported: set[str] = set()  # the app's own dependencies not packed, never imported
        self._code_names: dict[str, frozenset[str] | None] = {}

    def add(self, key_path: str, name: str, finding: Finding) -> None:
        self.reported.add((key_path, name))
        self.findings.setdefault((finding.code, key_path, name), finding)

    def counterparts(self, instance: Instance) -> list[Instance]:
        """The copies of a source package in the packed app: at the same place, else anywhere."""
        if instance.is_project:
            return [self.packed.root]
        same = self._by_relative.get(relative(self.source.graph, instance.path))
        if same is not None and same.label == instance.label:
            return [same]
        return list(self._by_label.get(instance.label, ()))

    # -- declared edges -------------------------------------------------------------------------
    def edges(self) -> None:
        for instance in sorted(self.source.graph.instances, key=lambda item: item.path):
            if instance.path not in self.closure:
                continue
            for edge in self.source.graph.edges_from(instance):
                if self._compared(edge):
                    for copy in self.counterparts(instance):
                        self.edge(edge, copy)

    def _imported_by_app(self) -> set[str] | None:
        """The packages the packed app's own code imports from its entry point (None when no entry
        point was found, or a file it reaches could not be read: then nothing tells what it loads)."""
        imports = self.packed.imports
        if imports is None or not imports.entries or imports.unread:
            return None
        return {name for use in imports.uses if (name := package_of(use.specifier)) is not None}

    def _not_imported(self, name: str) -> bool:
        """True, and noted for the one summary, when the app's own dependency ``name`` is never
        imported by the packed code walked from its entry point."""
        imported = self._imported_by_app()
        if imported is None or name in imported:
            return False
        self.unimported.add(name)
        self.reported.add((relative(self.packed.graph, self.packed.root.path), name))
        return True

    def _names_in_code(self, copy: Instance) -> frozenset[str] | None:
        if copy.path not in self._code_names:
            fs = self.packed.fs
            self._code_names[copy.path] = code_names(fs, copy) if fs is not None else None
        return self._code_names[copy.path]

    def unimported_note(self) -> None:
        if not self.unimported:
            return
        names = sorted(self.unimported)
        shown = ", ".join(f"`{name}`" for name in names[:_LISTED])
        more = f" and {len(names) - _LISTED} more" if len(names) > _LISTED else ""
        root = self.packed.root
        self.add(
            relative(self.packed.graph, root.path),
            "<unimported>",
            Finding(
                "archive-missing-package",
                Severity.INFO,
                f"{len(names)} of the app's dependencies {'are' if len(names) > 1 else 'is'} not packed: "
                f"{shown}{more}; "
                "the packed code, followed from its entry point, imports none of them (a bundled app keeps "
                "them in its bundle)",
                _ref(self.packed.graph, root),
                request=names[0],
                fix="nothing to do if the bundle holds them; if code the entry point does not reach (a "
                "preload script, a renderer page) requires one, let it through the packer's `files` filters",
            ),
        )

    def _compared(self, edge: Edge) -> bool:
        if edge.kind is DependencyKind.DEV or edge.target is None or is_electron_module(edge.name):
            return False
        # A peer the source satisfies with a package the app does not ship (a dev tool) is not packed.
        return edge.target.path in self.closure

    def edge(self, edge: Edge, copy: Instance) -> None:
        expected = edge.target
        assert expected is not None
        packed_edge = self._packed_edges.get((copy.path, edge.name))
        got = packed_edge.target if packed_edge is not None else self._package_folder(copy, edge.name)
        dependent = copy.label
        ref = _ref(self.packed.graph, copy)
        elsewhere = [item for item in self._by_label.get(expected.label, ()) if item is not got]
        if got is None:
            self._missing(edge, copy, expected, elsewhere)
            return
        if got.label == expected.label:
            return
        in_range = satisfies(got.version, edge.spec)
        self.add(
            ref.path,
            edge.name,
            Finding(
                "archive-version-collapsed",
                Severity.WARNING if in_range is True else Severity.ERROR,
                self._collapsed_message(dependent, edge.name, expected, got, elsewhere, in_range),
                ref,
                request=edge.name,
                fix=_COLLAPSED_FIX.format(name=edge.name),
            ),
        )

    def _missing(self, edge: Edge, copy: Instance, expected: Instance, elsewhere: list[Instance]) -> None:
        ref = _ref(self.packed.graph, copy)
        if is_types_only(self.source.fs, expected):
            self.reported.add((ref.path, edge.name))
            return  # declarations only: nothing loads it at run time (packers leave @types out)
        if copy.is_project and not elsewhere and self._not_imported(edge.name):
            return
        optional = edge.optional or edge.kind is DependencyKind.OPTIONAL
        unused = False
        if not copy.is_project and not optional:
            names = self._names_in_code(copy)
            unused = names is not None and edge.name not in names
        where = (
            f"; the packed app holds it only at {relative(self.packed.graph, elsewhere[0].path)}, "
            f"where `{copy.name}` does not look"
            if elsewhere
            else ""
        )
        if unused:
            where += f"; `{copy.name}`'s code, from its entry points, never imports it, so nothing fails today"
        if copy.is_project:
            fix = _MISSING_FIX
        elif unused:
            fix = _UNUSED_FIX.format(name=edge.name, dependent=copy.name)
        elif elsewhere:
            fix = _PLACED_FIX.format(name=edge.name, dependent=copy.name)
        else:
            fix = _DEPENDENCY_FIX.format(name=edge.name)
        self.add(
            ref.path,
            edge.name,
            Finding(
                "archive-missing-package",
                Severity.WARNING if optional or unused else Severity.ERROR,
                f"`{copy.label}` needs `{edge.name}` ({expected.label} at "
                f"{relative(self.source.graph, expected.path)} in the source), which is not in the packed "
                f"app{where}",
                ref,
                request=edge.name,
                fix=fix,
            ),
        )

    def _package_folder(self, copy: Instance, name: str) -> Instance | None:
        """What node finds for ``name`` from a packed package whose manifest does not declare it (a
        rewritten app package.json): the first ``node_modules/<name>`` up from it, as the tree reader."""
        fs = self.packed.fs
        if fs is None:
            return None
        for node_modules in node_modules_paths(copy.path):
            candidate = f"{node_modules}/{name}"
            stat = fs.stat(candidate + "/package.json")
            if stat is not None and stat.kind is Kind.FILE:
                try:
                    return self._by_path.get(fs.realpath(candidate))
                except FileSystemError:
                    return None
        return None

    def _collapsed_message(
        self,
        dependent: str,
        name: str,
        expected: Instance,
        got: Instance,
        elsewhere: list[Instance],
        in_range: bool | None,
    ) -> str:
        packed, source = self.packed.graph, self.source.graph
        got_at = relative(packed, got.path)
        message = (
            f"in the packed app `{dependent}` gets `{got.label}` ({got_at}), in the source "
            f"`{expected.label}` ({relative(source, expected.path)})"
        )
        origins = [
            relative(source, path)
            for item in self._source_by_label.get(got.label, ())
            for path in (item.path, *item.links)
        ]
        if origins and got_at not in origins:
            message += f": the {got.version} copy at {origins[0]} in the source was moved onto {got_at}"
        if elsewhere:
            message += f"; {expected.label} is still packed, at {relative(packed, elsewhere[0].path)}"
        else:
            message += f"; {expected.label} is not packed at all: two versions of `{name}` became one"
        if in_range is True:
            message += f" ({got.version} is within the declared range, but not what the source was tested with)"
        return message

    # -- imports of the app's code --------------------------------------------------------------
    def imports(self) -> None:
        packed_imports = self.packed.imports
        source_imports = self.source.imports if self.with_source else None
        if packed_imports is None:
            return
        root_path = relative(self.packed.graph, self.packed.root.path)
        if source_imports is not None and source_imports.entries and not packed_imports.entries:
            main = source_imports.main or "index.js"
            self.add(
                root_path,
                "<main>",
                Finding(
                    "unresolvable-import",
                    Severity.ERROR,
                    f"the app's entry point `{main}` (package.json main) is in the source but not in the packed app",
                    _ref(self.packed.graph, self.packed.root),
                    request=main,
                    from_="package.json",
                    fix="include the built entry file in the packed files (electron-builder `files`), and build "
                    "before packing",
                ),
            )
        before = {use.key: use for use in source_imports.uses} if source_imports is not None else {}
        dev = _dev_names(self.source, self.packed)
        for use in packed_imports.uses:
            previous = before.get(use.key)
            if use.error is None:
                if previous is not None and previous.target is not None and use.target is not None:
                    self._import_version(use, previous, root_path)
                continue
            if use.guarded:
                if previous is not None and previous.error is None:
                    self._guarded_lost(use, previous, root_path, dev)
                continue
            if use.page is not None and (previous is None or previous.error is not None):
                continue  # a page's script may run without node integration: only what packing broke counts
            if previous is not None and previous.error is None:
                self._import_lost(use, previous, root_path, dev)
            else:
                self._unresolvable(use, root_path, dev)

    def _import_version(self, use: ImportUse, previous: ImportUse, root_path: str) -> None:
        got, expected = use.target, previous.target
        assert got is not None and expected is not None
        name = package_of(use.specifier) or got.name
        if got.label == expected.label or (root_path, name) in self.reported:
            return
        self.add(
            root_path,
            name,
            Finding(
                "archive-version-collapsed",
                Severity.ERROR,
                f"`{use.specifier}` imported by {use.file}{_run_by(use)} loads {got.label} in the packed app "
                f"({relative(self.packed.graph, got.path)}) but {expected.label} in the source",
                _ref(self.packed.graph, self.packed.root),
                request=use.specifier,
                from_=use.file,
                fix=_COLLAPSED_FIX.format(name=name),
                line=use.line,
                column=use.column,
            ),
        )

    def _guarded_lost(self, use: ImportUse, previous: ImportUse, root_path: str, dev: set[str]) -> None:
        """A guarded import the source resolves to the project's own files (a workspace package the
        app does not declare, reached through its link) and the packed app does not: packing lost
        code of the project itself, a warning since the code catches the failure. One the source
        finds in node_modules is a probe (``try { require('electron-reloader') }``), fine either way."""
        name = package_of(use.specifier)
        own = previous.resolved is not None and "node_modules/" not in previous.resolved
        if name is None or not own or name in dev or (root_path, name) in self.reported:
            return
        self.add(
            root_path,
            name,
            Finding(
                "archive-missing-package",
                Severity.WARNING,
                f"`{use.specifier}` imported by {use.file}{_run_by(use)} resolves in the source ({previous.resolved}) "
                f"but not in the packed app ({use.error}); the code catches the failure, and runs without it",
                _ref(self.packed.graph, self.packed.root),
                request=use.specifier,
                from_=use.file,
                fix=f"if the app needs it, declare `{name}` in dependencies so that it is packed (a workspace "
                "package too: the packer packs the declared dependencies)",
                line=use.line,
                column=use.column,
            ),
        )

    def _import_lost(self, use: ImportUse, previous: ImportUse, root_path: str, dev: set[str]) -> None:
        name = package_of(use.specifier)
        if name is not None and (root_path, name) in self.reported:
            return
        ref = _ref(self.packed.graph, self.packed.root)
        if name is None:
            finding = Finding(
                "unresolvable-import",
                Severity.ERROR,
                f"`{use.specifier}` imported by {use.file}{_run_by(use)} resolves in the source ({previous.resolved}) "
                "but not in "
                f"the packed app ({use.error}): the file was not packed",
                ref,
                request=use.specifier,
                from_=use.file,
                fix="include it in the packed files (electron-builder `files`)",
                line=use.line,
                column=use.column,
            )
        else:
            is_dev = name in dev
            finding = Finding(
                "archive-missing-package",
                Severity.WARNING if is_dev else Severity.ERROR,
                f"`{use.specifier}` imported by {use.file}{_run_by(use)} resolves in the source ({previous.resolved}) "
                "but is not "
                f"in the packed app" + (f": `{name}` is a devDependency, which packers leave out" if is_dev else ""),
                ref,
                request=use.specifier,
                from_=use.file,
                fix=f"move `{name}` to dependencies if the packaged app runs this code"
                if is_dev
                else f"declare `{name}` in dependencies so that it is packed",
                line=use.line,
                column=use.column,
            )
        self.add(root_path, name or use.specifier, finding)

    def _unresolvable(self, use: ImportUse, root_path: str, dev: set[str]) -> None:
        name = package_of(use.specifier)
        if name is not None and (root_path, name) in self.reported:
            return
        is_dev = name is not None and name in dev
        self.add(
            root_path,
            name or use.specifier,
            Finding(
                "unresolvable-import",
                Severity.WARNING if is_dev else Severity.ERROR,
                f"`{use.specifier}` imported by {use.file} does not resolve in the packed app ({use.error})"
                + (f": `{name}` is a devDependency, which packers leave out" if is_dev else ""),
                _ref(self.packed.graph, self.packed.root),
                request=use.specifier,
                from_=use.file,
                fix=f"move `{name}` to dependencies if the packaged app runs this code, or guard the import"
                if is_dev
                else "declare and pack what it imports, or fix the specifier",
                line=use.line,
                column=use.column,
            ),
        )

    # -- the packed app on its own --------------------------------------------------------------
    def self_check(self) -> None:
        packed = self.packed.graph
        source_labels = {item.label for item in self.source.graph.instances} if self.with_source else set()
        for edge in packed.edges:
            if edge.kind in (DependencyKind.DEV, DependencyKind.PEER) or is_electron_module(edge.name):
                continue
            ref = _ref(packed, edge.source)
            if (ref.path, edge.name) in self.reported:
                continue
            if edge.target is None:
                if edge.optional or edge.kind is DependencyKind.OPTIONAL or edge.name.startswith("@types/"):
                    continue  # a @types package is declarations only: nothing loads it
                if edge.source.is_project and self._not_imported(edge.name):
                    continue
                names = None if edge.source.is_project else self._names_in_code(edge.source)
                unused = names is not None and edge.name not in names
                self.add(
                    ref.path,
                    edge.name,
                    Finding(
                        "missing-dependency",
                        Severity.WARNING if unused else Severity.ERROR,
                        f"`{edge.source.label}` depends on `{edge.name}@{edge.spec}`, which does not resolve from "
                        f"{_where(packed, edge.source)} in the packed app"
                        + (
                            "; its code, from its entry points, never imports it, so nothing fails today"
                            if unused
                            else ""
                        ),
                        ref,
                        request=edge.name,
                        fix=_MISSING_FIX
                        if edge.source.is_project
                        else (_UNUSED_FIX if unused else _DEPENDENCY_FIX).format(
                            name=edge.name, dependent=edge.source.name
                        ),
                    ),
                )
            elif satisfies(edge.target.version, edge.spec) is False and edge.source.label not in source_labels:
                self.add(
                    ref.path,
                    edge.name,
                    Finding(
                        "version-mismatch",
                        Severity.ERROR,
                        f"in the packed app `{edge.source.label}` gets `{edge.target.label}` "
                        f"({relative(packed, edge.target.path)}) for `{edge.name}@{edge.spec}`, outside its range",
                        ref,
                        request=edge.name,
                        fix="run with --source PROJECT to compare with the source: a packer that moves nested "
                        "node_modules onto the top level does this (seed 004); "
                        + _COLLAPSED_FIX.format(name=edge.name),
                    ),
                )


def compare_archive(source: Side, packed: Side) -> list[Finding]:
    """Findings for a packed app whose dependencies resolve otherwise than in its source."""
    comparison = _Comparison(source, packed)
    comparison.edges()
    comparison.self_check()
    comparison.imports()
    comparison.unimported_note()
    return list(comparison.findings.values())


def self_check_archive(packed: Side) -> list[Finding]:
    """Without a source: every declared dependency resolvable, at a version its range accepts."""
    comparison = _Comparison(None, packed)
    comparison.self_check()
    comparison.imports()
    comparison.unimported_note()
    return list(comparison.findings.values())
