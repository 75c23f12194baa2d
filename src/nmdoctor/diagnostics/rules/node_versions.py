"""Findings that depend on which node runs the project: ``require()`` of an ES module, and imports
that the node versions ``engines.node`` admits resolve differently.

Both read the project's own source (and its workspaces') and resolve with the one resolver, as the
node of ``CheckContext.node_version`` (``require-of-esm``) or as each version of the rules table
(``resolve.node.versions``) the range admits (``node-version-dependent-import``). Measured with the
real binaries (tests/node_tools/old and versions): ``require()`` of a ``.mjs`` file or of a ``.js``
file under ``"type": "module"`` throws ERR_REQUIRE_ESM on 20.18.3 and 22.11.0 and loads on 20.19.0,
22.12.0 and every later version, where a module with top-level ``await`` throws
ERR_REQUIRE_ASYNC_MODULE instead.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative
from nmdoctor.model.specs import range_admits
from nmdoctor.resolve import ImportKind, ResolveOptions, Resolver
from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.node.builtins import builtin_name
from nmdoctor.resolve.node.lookup import Lookup
from nmdoctor.resolve.node.versions import (
    FFI_BUILTIN,
    IMPORTS_HASH_SLASH,
    LATEST,
    LEGACY_MAIN_BY_PATH,
    NO_LEGACY_STREAM_BUILTINS,
    REQUIRE_ESM,
    RULES,
    SQLITE_BUILTIN,
    TYPE_STRIPPING,
    NodeVersion,
    Rule,
)
from nmdoctor.sources.imports import ImportKind as SiteKind
from nmdoctor.sources.imports import ImportSite, language_for, parser_for
from nmdoctor.vfs.base import FileSystem, FileSystemError, NotRegularFile

__all__ = ["candidate_versions", "is_es_module", "node_version_dependent_import", "require_of_esm"]

# A package that bundles the project's code: a require() of an ES module there is the bundler's to
# load (webpack, vite, rollup and esbuild accept it), so only a file that node runs itself throws.
_BUNDLERS = frozenset(
    {
        "webpack",
        "vite",
        "rollup",
        "esbuild",
        "parcel",
        "next",
        "nuxt",
        "react-scripts",
        "@angular-devkit/build-angular",
        "@angular/build",
        "browserify",
        "@remix-run/dev",
        "gatsby",
        "rspack",
        "@rspack/core",
        "tsup",
        "@vercel/ncc",
        "metro",
        "react-native",
        "expo",
    }
)
# Test files a test runner with its own module loader runs (jest's runtime, vitest's vite-node).
_TEST_RUNNERS = frozenset({"jest", "vitest"})
_TEST_FILE = re.compile(r"(^|/)(tests?|__tests__|spec)/|\.(test|spec)\.[cm]?[jt]sx?$")
_LONGEST_HAND_WRITTEN_LINE = 5_000
_FUNCTIONS = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function",
        "generator_function_declaration",
        "class_static_block",
    }
)
_RESOLVED_SITES = (
    SiteKind.REQUIRE,
    SiteKind.REQUIRE_RESOLVE,
    SiteKind.IMPORT,
    SiteKind.EXPORT_FROM,
    SiteKind.DYNAMIC_IMPORT,
)


@dataclass(frozen=True, slots=True)
class _Site:
    owner: Instance
    file: str
    site: ImportSite


def _source_sites(context: CheckContext) -> Iterator[_Site]:
    """Every import site of the project's own source files (bundles and ``.d.ts`` files left out)."""
    graph, fs, sources = context.graph, context.fs, context.sources
    assert isinstance(graph, DependencyGraph)
    if fs is None or sources is None:
        return
    owners = sorted(graph.roots, key=lambda item: -len(item.path))
    roots = frozenset(owner.path for owner in owners)
    for owner in owners:
        for file in sources.files(owner.path, stop_at=roots - {owner.path}):
            if file.endswith((".d.ts", ".d.mts", ".d.cts")):
                continue
            try:
                source = fs.read_bytes(file)
                if max(map(len, source.split(b"\n"))) > _LONGEST_HAND_WRITTEN_LINE:
                    continue
                sites = sources.imports(file)
            except NotRegularFile:
                raise  # a FIFO or device among the sources: the run stops with its path (exit 2)
            except FileSystemError:
                continue
            for site in sites:
                if site.kind in _RESOLVED_SITES and not site.elsewhere:
                    yield _Site(owner, file, site)


def _resolver(context: CheckContext, version: NodeVersion) -> Resolver:
    key = f"node-resolver:{version}"
    held = context.memo.get(key)
    if isinstance(held, Resolver):
        return held
    assert context.fs is not None
    made = Resolver(context.fs, ResolveOptions(node_version=version))
    context.memo[key] = made
    return made


def is_es_module(lookup: Lookup, path: str) -> bool:
    """Does node load the file at ``path`` as an ES module? ``.mjs``, or ``.js`` under a package.json
    whose ``"type"`` is ``"module"`` (the nearest one, not looking past ``node_modules``)."""
    if path.endswith(".mjs"):
        return True
    if not path.endswith(".js"):
        return False
    folder = posixpath.dirname(path)
    while True:
        if posixpath.basename(folder) == "node_modules":
            return False
        try:
            config = lookup.package_config(f"{folder.rstrip('/')}/package.json")
        except ResolutionError:
            return False
        if config.exists:
            return config.type == "module"
        parent = posixpath.dirname(folder)
        if parent == folder:
            return False
        folder = parent


def _has_top_level_await(fs: FileSystem, path: str) -> bool:
    """Does the module at ``path`` itself ``await`` at its top level (ERR_REQUIRE_ASYNC_MODULE)?
    Its own imports are not followed."""
    language = language_for(path)
    if language is None:
        return False
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return False
    tree = parser_for(language).parse(source)
    pending = [tree.root_node]
    while pending:
        node = pending.pop()
        if node.type in _FUNCTIONS:
            continue
        if node.type == "await_expression" or (
            node.type == "for_in_statement" and any(child.type == "await" for child in node.children)
        ):
            return True
        pending.extend(node.children)
    return False


def _loaded_by_a_tool(owner: Instance, file: str) -> bool:
    """Is ``file`` loaded by a bundler or a test runner (which load ES modules themselves) rather
    than by node? A ``.cjs`` file is node's."""
    if file.endswith(".cjs"):
        return False
    declared = {item.name for item in owner.manifest.declared(include_dev=True)}
    return bool(declared & _BUNDLERS) or bool(declared & _TEST_RUNNERS and _TEST_FILE.search(file))


@check("require-of-esm", Severity.ERROR)
def require_of_esm(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    The project's code calls `require()` on an ES module (a `.mjs` file, or a `.js` file whose
    package.json says `"type": "module"`), and the node it is judged as cannot load it that way:
    before 20.19.0 and on 22.0-22.11 every such `require()` throws ERR_REQUIRE_ESM; from 20.19.0 and
    22.12.0 on it loads, unless the module uses top-level `await` (ERR_REQUIRE_ASYNC_MODULE). Checked
    with the real node 20.18.3, 20.19.0, 22.11.0, 22.12.0 and later releases. The node is
    `--node-version`, else the project's (volta.node, .nvmrc, .node-version, devEngines,
    engines.node), else the node on PATH; `check` prints which.
    ## Severity
    An error where the file runs under node. A note for a `require()` inside `try { } catch { }`
    (a probe that fails softly), for a file of a project a bundler builds (webpack, vite, next...)
    and for a test file of a project with jest or vitest: those load modules themselves, unless
    node runs that file (a `.cjs` file stays an error).
    ## Why it matters
    The program stops at start with ERR_REQUIRE_ESM (or ERR_REQUIRE_ASYNC_MODULE), typically after
    a dependency's major release turned it into an ES module.
    ## How to fix
    Run node 20.19+ / 22.12+ (and say so in engines.node), use `await import()` instead of
    `require()`, or keep the dependency on its last CommonJS major."""
    graph, fs = context.graph, context.fs
    assert isinstance(graph, DependencyGraph)
    if fs is None:
        return
    version = context.node_version
    resolver = _resolver(context, version)
    for item in _source_sites(context):
        if item.site.kind is not SiteKind.REQUIRE:
            continue
        result = resolver.resolve(item.site.specifier, item.file, ImportKind.REQUIRE)
        if result.resolved is None or not result.resolved.startswith("/"):
            continue
        if not is_es_module(resolver.lookup, result.resolved):
            continue
        if not version.has(REQUIRE_ESM):
            code, why = (
                "ERR_REQUIRE_ESM",
                f"node {version} cannot require() an ES module (from 20.19.0 and 22.12.0 on it can)",
            )
        elif _has_top_level_await(fs, result.resolved):
            code, why = (
                "ERR_REQUIRE_ASYNC_MODULE",
                "the module awaits at its top level, which require() cannot wait for",
            )
        else:
            continue
        soft = item.site.guarded or _loaded_by_a_tool(item.owner, item.file)
        yield finding(
            "require-of-esm",
            f"`require('{item.site.specifier}')` in {relative(graph, item.file)} loads the ES module "
            f"{relative(graph, result.resolved)}: it throws {code} ({why})",
            severity=Severity.INFO if soft else None,
            request=item.site.specifier,
            from_=relative(graph, item.file),
            line=item.site.line,
            column=item.site.column,
            fix="use `await import()` instead of require(), or run node 20.19+/22.12+ (and set engines.node to match)"
            if code == "ERR_REQUIRE_ESM"
            else "use `await import()` instead of require(), or move the top-level await into a function",
        )


def _label(version: NodeVersion) -> str:
    return f"{version.major}.{version.minor}.x" if version.patch == 999 else str(version)


def _spans(members: list[NodeVersion], admitted: list[NodeVersion]) -> str:
    """``members`` as runs of consecutive ``admitted`` versions: ``20.18.x and 22.0.0 to 22.11.x``."""
    runs: list[list[NodeVersion]] = []
    previous = -2
    for version in sorted(members):
        position = admitted.index(version)
        if position == previous + 1:
            runs[-1].append(version)
        else:
            runs.append([version])
        previous = position
    parts = [_label(run[0]) if len(run) == 1 else f"{_label(run[0])} to {_label(run[-1])}" for run in runs]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def candidate_versions() -> list[NodeVersion]:
    """The node versions between which the rules table changes: each rule's first version, the last
    version before it (``20.18.x``), and the newest release of each line (even majors only: the
    releases people run)."""
    found = set(LATEST.values())
    for rule in RULES:
        for start in rule.since:
            if start.major % 2:
                continue
            found.add(start)
            if start.minor > 0:
                found.add(NodeVersion(start.major, start.minor - 1, 999))
    return sorted(found)


def _admitted(range_: str) -> list[NodeVersion]:
    candidates = candidate_versions()
    fast = [range_admits(range_, f"{version.major}.{version.minor}.{version.patch}") for version in candidates]
    if all(answer is not None for answer in fast):  # the ranges projects write: node-semver not loaded
        return [version for version, answer in zip(candidates, fast, strict=True) if answer]
    import nodesemver  # only a range the fast path does not read needs it (its import compiles dozens of patterns)

    try:
        if nodesemver.valid_range(range_, loose=True) is None:
            return []
        return [
            version
            for version in candidate_versions()
            if nodesemver.satisfies(f"{version.major}.{version.minor}.{version.patch}", range_, loose=True)
        ]
    except (ValueError, TypeError):
        return []


def _outcome(context: CheckContext, version: NodeVersion, item: _Site, memo: dict[tuple[object, ...], str]) -> str:
    """What ``item``'s import gives on node ``version``: a path (from the project), a builtin or an
    error code. A resolution depends on the importing file's folder only, and a relative one on no
    rule of the table (only whether node may require() what it finds): ``memo`` keeps them."""
    graph = context.graph
    assert isinstance(graph, DependencyGraph)
    site = item.site
    kind = ImportKind.REQUIRE if site.kind in (SiteKind.REQUIRE, SiteKind.REQUIRE_RESOLVE) else ImportKind.IMPORT
    relative_request = site.specifier.startswith((".", "/"))
    resolving = max(LATEST.values()) if relative_request else version
    key = (posixpath.dirname(item.file), site.specifier, kind, resolving)
    found = memo.get(key)
    if found is None:
        result = _resolver(context, resolving).resolve(site.specifier, item.file, kind)
        if result.resolved is None:
            found = str(result.error)
            if kind is ImportKind.REQUIRE and site.specifier.startswith("node:") and found == "MODULE_NOT_FOUND":
                found = "ERR_UNKNOWN_BUILTIN_MODULE"  # what require() throws where require.resolve finds nothing
        elif not result.resolved.startswith("/"):
            found = result.resolved
        else:
            esm = is_es_module(_resolver(context, resolving).lookup, result.resolved)
            found = ("\0esm:" if esm else "") + relative(graph, result.resolved)
        memo[key] = found
    if found.startswith("\0esm:"):
        shown = found[len("\0esm:") :]
        if site.kind is SiteKind.REQUIRE and not version.has(REQUIRE_ESM):
            return f"ERR_REQUIRE_ESM ({shown} is an ES module)"
        return shown
    if site.kind is SiteKind.REQUIRE_RESOLVE and found == "ERR_UNKNOWN_BUILTIN_MODULE":
        return "MODULE_NOT_FOUND"
    return found


def _failed(outcome: str) -> bool:
    """Whether an outcome of ``_outcome`` is an error node throws, not a path or a builtin."""
    return _ERROR.fullmatch(outcome) is not None


_ERROR = re.compile(r"(?:ERR_[A-Z0-9_]+|MODULE_NOT_FOUND)(?: \(.*\))?", re.DOTALL)


# Rules that matter only to some imports (every other rule of the table, and any rule added later,
# is taken as mattering to all): versions that differ only in rules that do not matter to an
# import resolve it alike, so it is resolved once for them.
_BUILTIN_RULES = (SQLITE_BUILTIN, FFI_BUILTIN, NO_LEGACY_STREAM_BUILTINS)
_NARROW_RULES = frozenset({*_BUILTIN_RULES, IMPORTS_HASH_SLASH, LEGACY_MAIN_BY_PATH, TYPE_STRIPPING, REQUIRE_ESM})


def _rules_for(site: ImportSite) -> tuple[Rule, ...]:
    specifier = site.specifier
    builtin = specifier.startswith("node:") or any(
        builtin_name(specifier.split("/", 1)[0], version) is not None for version in LATEST.values()
    )
    narrow = {
        *(_BUILTIN_RULES if builtin else ()),
        *((IMPORTS_HASH_SLASH,) if specifier.startswith("#") else ()),
        *((LEGACY_MAIN_BY_PATH,) if site.kind not in (SiteKind.REQUIRE, SiteKind.REQUIRE_RESOLVE) else ()),
        *((REQUIRE_ESM,) if site.kind is SiteKind.REQUIRE else ()),
    }
    return tuple(rule for rule in RULES if rule not in _NARROW_RULES or rule in narrow)


@check("node-version-dependent-import", Severity.INFO)
def node_version_dependent_import(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    The project's `engines.node` range admits node versions that resolve one of its imports
    differently: another file (the `module-sync` condition, 20.19/22.12+), a builtin that exists
    only in some (`node:sqlite` from 22.13, the `_stream_*` modules gone in 26), `"exports"` set to
    a number or a boolean (ignored from 22), `#/` imports (valid from 24), or a `require()` of an
    ES module that throws ERR_REQUIRE_ESM before 20.19/22.12. The finding names the import and,
    for each outcome, the versions that give it (the versions where node's resolution changes, as
    the rules table of `nmdoctor resolve --node-version` knows them, and the newest release of each
    line). An import that no admitted version loads (only the error differs) is not reported: no
    range mends it.
    ## Severity
    A note: which of those versions runs the project is not in its files.
    ## Why it matters
    The project works on the node its developers run and fails, or loads other code, on another
    version its engines.node promises to support.
    ## How to fix
    Narrow engines.node to the versions that behave as intended (for example `">=20.19 <21 || >=22.12"`),
    or change the import so that every admitted version resolves it alike."""
    graph, fs = context.graph, context.fs
    assert isinstance(graph, DependencyGraph)
    if fs is None:
        return
    admitted: dict[str, tuple[str, list[NodeVersion]]] = {}
    for owner in graph.roots:
        raw = owner.manifest.raw if isinstance(owner.manifest.raw, dict) else {}
        engines = raw.get("engines")
        range_ = engines.get("node") if isinstance(engines, dict) else None
        if isinstance(range_, str) and range_.strip():
            versions = _admitted(range_.strip())
            if len(versions) > 1:
                admitted[owner.path] = (range_.strip(), versions)
    if not admitted:
        return
    # Versions on which every rule holds alike resolve alike: one resolution per class.
    memo: dict[tuple[object, ...], str] = {}
    # The classes depend on the rules that matter to a site and the admitted versions only: a few
    # combinations for all the sites of a project (each site asking every rule about every version
    # was most of a run on a project with many imports).
    partitions: dict[tuple[object, ...], list[list[NodeVersion]]] = {}
    relevant_rules: dict[tuple[str, SiteKind], tuple[Rule, ...]] = {}
    for item in _source_sites(context):
        held = admitted.get(item.owner.path)
        if held is None:
            continue
        range_, versions = held
        site_key = (item.site.specifier, item.site.kind)
        relevant = relevant_rules.get(site_key)
        if relevant is None:
            relevant = relevant_rules[site_key] = _rules_for(item.site)
        partition = partitions.get((item.owner.path, relevant))
        if partition is None:
            classes: dict[tuple[bool, ...], list[NodeVersion]] = {}
            for version in versions:
                classes.setdefault(tuple(rule.holds(version) for rule in relevant), []).append(version)
            partition = partitions[item.owner.path, relevant] = list(classes.values())
        outcomes: dict[str, list[NodeVersion]] = {}
        for members in partition:
            outcomes.setdefault(_outcome(context, members[-1], item, memo), []).extend(members)
        if len(outcomes) < 2 or all(map(_failed, outcomes)):
            # An import no admitted version loads (only the error differs) is mended by no range.
            continue
        described = "; ".join(
            f"{_spans(members, versions)}: {outcome}"
            for outcome, members in sorted(outcomes.items(), key=lambda pair: min(pair[1]))
        )
        call = "require" if item.site.kind in (SiteKind.REQUIRE, SiteKind.REQUIRE_RESOLVE) else "import"
        yield finding(
            "node-version-dependent-import",
            f"`{call}('{item.site.specifier}')` in {relative(graph, item.file)} resolves differently on the node "
            f'versions engines.node "{range_}" admits: {described}',
            request=item.site.specifier,
            from_=relative(graph, item.file),
            line=item.site.line,
            column=item.site.column,
            fix="narrow engines.node to the versions that behave as intended, or change the import so that "
            "every admitted version resolves it alike",
        )
