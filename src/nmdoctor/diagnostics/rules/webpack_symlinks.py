"""webpack's ``resolve.symlinks: false`` under a layout of links (pnpm's isolated one, npm's linked).

With ``symlinks: false`` webpack (enhanced-resolve) keeps the path a module was found at instead of
its real path, and resolves that module's own imports from there. Under pnpm,
``node_modules/react-router-dom`` is a link into the virtual store, where its dependencies are its
siblings; seen from the link's path they are looked up in ``node_modules/react-router-dom/node_modules``
and the project's ``node_modules``, which hold only what the project declares. Every import of a
dependency the project does not declare itself then fails (pterodactyl's panel: 196 modules not
found by webpack 4 under pnpm 10, none under yarn). ``check`` judges the layout installed (or the
one its lockfile makes), ``migrate`` the planned one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator

import tree_sitter

from nmdoctor.diagnostics.catalog import finding
from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._lookup import InstalledLookup
from nmdoctor.diagnostics.rules.pnp_undeclared import is_pnp
from nmdoctor.diagnostics.rules.strings import webpack_config_files
from nmdoctor.diagnostics.rules.undeclared import package_folder
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.lockfiles.to_graph import UNPLACED
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.paths import relative
from nmdoctor.sources.imports import language_for, parser_for
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["symlinks_off", "webpack_symlinks_findings", "webpack_symlinks_off"]

# vue.config.js's chainWebpack: ``config.resolve.symlinks(false)``
_CHAIN_CONFIGS = ("vue.config.js", "vue.config.cjs", "vue.config.mjs", "vue.config.ts")


def _key(pair: tree_sitter.Node) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    text = (key.text or b"").decode("utf-8", "replace")
    return text.strip("'\"") if key.type in ("property_identifier", "string", "identifier") else None


def symlinks_off(source: bytes, path: str) -> int | None:
    """The line (1-based) where a webpack config sets ``resolve: {symlinks: false}`` (or a webpack-chain
    config calls ``.resolve.symlinks(false)``), or None."""
    language = language_for(path) or "javascript"
    tree = parser_for(language).parse(source)
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "pair" and _key(node) == "symlinks":
            value = node.child_by_field_name("value")
            holder = node.parent.parent if node.parent is not None else None
            if (
                value is not None
                and value.type == "false"
                and holder is not None
                and holder.type == "pair"
                and _key(holder) == "resolve"
            ):
                return node.start_point[0] + 1
        elif node.type == "call_expression":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if (
                function is not None
                and function.type == "member_expression"
                and (function.child_by_field_name("property") or function).text == b"symlinks"
                and ((function.child_by_field_name("object") or function).text or b"").endswith(b".resolve")
                and arguments is not None
                and [child.type for child in arguments.named_children] == ["false"]
            ):
                return node.start_point[0] + 1
        stack.extend(node.named_children)
    return None


def _configs(fs: FileSystem, owner: Instance) -> list[str]:
    try:
        manifest = manifest_json(fs, owner.path)
    except FileSystemError:
        manifest = None
    files = webpack_config_files(fs, owner.path, manifest)
    for name in _CHAIN_CONFIGS:
        stat = fs.stat(f"{owner.path}/{name}")
        if stat is not None and stat.kind is Kind.FILE:
            files.append(f"{owner.path}/{name}")
    return files


# whether webpack finds a package from a folder: (folder it looks from, the link's real folder, name)
Finder = Callable[[str, str, str], bool]


def _unreachable(planned: DependencyGraph, found: Finder, owner: Instance) -> Iterator[tuple[str, str]]:
    """(dependency, its dependency) pairs where the owner's dependency is a link and one of its own
    resolved dependencies is not found from the link's path: what webpack fails on with
    ``symlinks: false``."""
    # runtime dependencies first: they are what a bundle imports
    edges = sorted(planned.edges_from(owner), key=lambda item: (item.kind is not DependencyKind.PROD, item.name))
    for edge in edges:
        target = edge.target
        link = f"{owner.path}/node_modules/{edge.name}"
        if target is None or target.path == link:
            continue  # unresolved, or a folder whose real path is its path
        for inner in sorted(planned.edges_from(target), key=lambda item: item.name):
            if inner.target is not None and not found(link, target.path, inner.name):
                yield edge.name, inner.name
                break


def _on_disk(fs: FileSystem) -> Finder:
    """Found by the files themselves (links followed as the filesystem follows them)."""
    return lambda folder, real, name: package_folder(fs, f"{folder}/index.js", name) is not None


def _in_layout(lookup: InstalledLookup) -> Finder:
    """Found in the installed tree or, nothing installed, in the layout the lockfile makes: a link's
    own ``node_modules`` is its real folder's (a workspace's nested dependencies), then the folders
    above the link."""
    return lambda folder, real, name: (
        f"{real}/node_modules/{name}" in lookup.folders or lookup.folder(folder, name) is not None
    )


def webpack_symlinks_findings(
    planned: DependencyGraph, planned_fs: FileSystem, fs: FileSystem, layout: str
) -> list[Finding]:
    """One error per webpack config of the project or a workspace that turns ``resolve.symlinks``
    off, when the planned layout links a dependency whose own dependencies are then out of reach."""
    return _findings(planned, _on_disk(planned_fs), fs, layout)


def _symlinks_off_in(fs: FileSystem, file: str) -> int | None:
    try:
        source = fs.read_bytes(file)
    except FileSystemError:
        return None
    return symlinks_off(source, file) if b"symlinks" in source else None  # parsed only where it can be


def _findings(planned: DependencyGraph, found: Finder, fs: FileSystem, layout: str) -> list[Finding]:
    findings = []
    for owner in planned.roots:
        configs = [(file, line) for file in _configs(fs, owner) if (line := _symlinks_off_in(fs, file)) is not None]
        broken = list(_unreachable(planned, found, owner)) if configs else []
        for file, line in configs if broken else ():
            examples = ", ".join(f"`{package}` depends on `{dependency}`" for package, dependency in broken[:3])
            config = relative(planned, file) if file.startswith(planned.project) else posixpath.basename(file)
            findings.append(
                finding(
                    "webpack-symlinks-off",
                    f"under {layout}, {config} sets resolve.symlinks: false: webpack resolves each package's"
                    " imports from the link it was found at, where the layout puts none of its dependencies;"
                    f" {len(broken)} of the dependencies of {owner.label} depend on packages it does not declare"
                    f" ({examples}, ...), and webpack does not find them",
                    fix="remove `symlinks: false` from resolve (webpack must follow the links to find each package's"
                    " dependencies); or keep a hoisted layout (node-linker=hoisted in .npmrc)",
                    package=PackageRef(owner.name, owner.version, relative(planned, owner.path)),
                    from_=relative(planned, file),
                    line=line,
                )
            )
    return findings


@check("webpack-symlinks-off", Severity.ERROR)
def webpack_symlinks_off(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A webpack config sets `resolve.symlinks: false` (or calls `config.resolve.symlinks(false)`), and
    the layout installs packages as links: pnpm's isolated layout, npm's linked one (`check` judges
    the install, or the layout its lockfile makes; `nmdoctor migrate --to pnpm` or `--to npm-linked`
    the planned one).
    ## Why it matters
    webpack then resolves each package's imports from the path of the link it found the package at,
    not from the package's real folder. pnpm puts a package's dependencies beside its real folder in
    `node_modules/.pnpm`; from the link they are looked up only in the project's `node_modules`, which
    holds what the project declares. Every import of an undeclared dependency of a dependency fails:
    `Module not found: Error: Can't resolve 'react-router'`.
    ## How to fix
    Remove `symlinks: false` (it is meant for `npm link`ed packages; webpack must follow pnpm's links),
    or keep a hoisted layout (`node-linker=hoisted` in `.npmrc`)."""
    graph = context.graph
    fs = context.fs
    if fs is None or is_pnp(context) or not isinstance(graph, DependencyGraph):
        return  # under Plug'n'Play webpack resolves through yarn's runtime, not through links
    if any(f"/{UNPLACED}/" in instance.path for instance in graph.instances):
        return  # a lockfile whose packages nmdoctor does not place: no links to judge
    yield from _findings(graph, _in_layout(InstalledLookup(fs, graph)), fs, graph.layout)
