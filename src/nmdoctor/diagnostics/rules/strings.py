"""Modules named by string in tool configs that the tool cannot find from where it looks (seed 002)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.diagnostics.rules._angular_builders import angular_builder_findings
from nmdoctor.diagnostics.rules._babel_roots import BABEL_CONFIG_READERS, babel_config_unread
from nmdoctor.diagnostics.rules._dead_configs import unrun_webpack_config
from nmdoctor.diagnostics.rules._declared import declared_above, declared_names
from nmdoctor.diagnostics.rules._lookup import InstalledLookup, pnpm_node_path_folder
from nmdoctor.diagnostics.rules._wrapper_modules import wrapper_modules
from nmdoctor.diagnostics.rules.pnp_undeclared import FolderLookup, is_pnp, pnp_folder_lookup
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.paths import relative
from nmdoctor.project.install_settings import pnpm_public_hoists
from nmdoctor.resolve.node.cjs import node_modules_paths
from nmdoctor.sources.config_refs import (
    ConfigRef,
    Tool,
    config_refs,
    is_config_file,
    is_webpack_config,
    package_json_refs,
)
from nmdoctor.sources.loader_options import LoaderOptions, loader_options, merged
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

if TYPE_CHECKING:
    from nmdoctor.resolve.webpack.resolver import BundlerResolution

__all__ = ["hoisted_loaders", "string_module_reference", "webpack_config_files"]

# Folders of a build-wrapper package where it keeps the webpack config it runs against the app.
_WRAPPER_FOLDERS = ("", "config", "configs", "lib", "build", "scripts", "dist", "src")
_WEBPACK_NAMES = frozenset({"webpack", "webpack-cli", "@rspack/core", "react-scripts"})
# The packages that load each kind of config (Next.js reads .babelrc with its own compiled babel).
# When none is anywhere in the tree, nothing loads the config today: a dead config is a note, not
# a certain failure. webpack loaders are left out (Next.js and others run a compiled webpack).
_LOADED_BY = {
    Tool.BABEL_PRESET: ("@babel/core", "babel-core", "next"),
    Tool.BABEL_PLUGIN: ("@babel/core", "babel-core", "next"),
    Tool.ESLINT_PLUGIN: ("eslint",),
    Tool.ESLINT_CONFIG: ("eslint",),
    Tool.ESLINT_PARSER: ("eslint",),
    Tool.JEST: ("jest", "jest-cli", "@jest/core"),
    Tool.JEST_ENVIRONMENT: ("jest", "jest-cli", "@jest/core"),
    Tool.POSTCSS_PLUGIN: ("postcss",),
}


# The tools whose lookup of what a config names reads NODE_PATH: require.resolve from the config's
# folder (postcss-load-config, eslintrc's module resolver; babel 7, after import.meta.resolve when
# called asynchronously), and jest-resolve, which adds NODE_PATH's folders itself. webpack's
# resolveLoader does not read it.
_REQUIRED_BY = frozenset(
    {Tool.POSTCSS_PLUGIN, Tool.ESLINT_PLUGIN, Tool.ESLINT_CONFIG, Tool.ESLINT_PARSER, Tool.JEST, Tool.JEST_ENVIRONMENT}
)
_BABEL = frozenset({Tool.BABEL_PRESET, Tool.BABEL_PLUGIN})
_ESLINT_TOOLS = frozenset({Tool.ESLINT_PLUGIN, Tool.ESLINT_CONFIG, Tool.ESLINT_PARSER})


def _reads_node_path(graph: DependencyGraph, tool: Tool) -> bool:
    """Whether the tool's lookup reads NODE_PATH. For babel, when every @babel/core in the tree is
    7 and does not depend on `resolve` (the early 7 releases looked up with resolve.sync, which does
    not read it; later ones end with require.resolve)."""
    if tool in _REQUIRED_BY:
        return True
    if tool not in _BABEL:
        return False
    cores = graph.instances_of("@babel/core")
    return bool(cores) and all(
        item.version.startswith("7.") and all(name != "resolve" for name, _spec in item.manifest.dependencies)
        for item in cores
    )


def _folder_lookup(fs: FileSystem, directory: str, name: str, lookup: InstalledLookup) -> tuple[str | None, list[str]]:
    """The package folder of ``name`` seen from ``directory`` (node_modules walk; the lockfile's
    layout when only the lockfile is read), and where it looked."""
    looked = []
    for node_modules in node_modules_paths(directory):
        candidate = f"{node_modules}/{name}"
        looked.append(node_modules)
        stat = fs.stat(candidate + "/package.json")
        if (stat is not None and stat.kind is Kind.FILE) or candidate in lookup.folders:
            return candidate, looked
    return lookup.folder(directory, name), looked


def _loader_found(
    fs: FileSystem, context: str, name: str, lookup: InstalledLookup, settings: LoaderOptions | None = None
) -> bool:
    """Whether webpack's resolveLoader (its defaults, with what the configs' ``resolveLoader`` sets)
    finds the loader from ``context``; when only the lockfile is read, whether its layout puts the
    package there."""
    request = _loader_request(name)
    if _loader_resolution(fs, context, request, settings).ok:
        return True
    parts = request.split("/")
    package = "/".join(parts[:2]) if request.startswith("@") else parts[0]
    folder = lookup.folder(context, package)
    if folder is None:
        return False
    # placed there by the lockfile's layout (today's, or one migrate plans from it) but not
    # installed: no files, or only the manifest the lockfile recorded; the layout's word is the answer
    try:
        return list(fs.listdir(folder)) in ([], ["package.json"])
    except FileSystemError:
        return True


def _loader_request(name: str) -> str:
    """The module a loader entry asks for: its options (``?...``) and inline chain left out."""
    return name.split("?", 1)[0].split("!")[-1]


def _loader_resolution(fs: FileSystem, context: str, request: str, settings: LoaderOptions | None) -> BundlerResolution:
    """webpack's resolveLoader (its defaults, or with what the configs set) asked ``request`` from ``context``."""
    from nmdoctor.resolve.webpack.options import webpack_loader_defaults  # only a loader config needs it
    from nmdoctor.resolve.webpack.resolver import BundlerResolver

    options = webpack_loader_defaults() if settings is None else settings.bundler_options()
    return BundlerResolver(fs, options).resolve(request, context)


def _loader_settings(
    fs: FileSystem, files: list[str], cwd: str, modules: list[str] | tuple[str, ...] = ()
) -> LoaderOptions | None:
    """What the ``resolveLoader`` of the webpack configs among ``files`` sets (webpack run in ``cwd``),
    all of them together: a project's configs are merged into the one webpack runs. ``modules``: a
    build wrapper's modules that build its config, whatever their names."""
    found = []
    for file in [*files, *modules]:
        if file not in modules and not posixpath.basename(file).startswith("webpack"):
            continue
        try:
            source = fs.read_bytes(file)
        except FileSystemError:
            continue
        options = loader_options(source, file, cwd)
        if options is not None:
            found.append(options)
    return merged(found) if found else None


# eslintrc's config files in the order eslint looks for them in a folder; it reads the first it
# finds there, and package.json's `eslintConfig` only when there is none (eslint 7.25.0 on a project
# with both: .eslintrc.js's plugins, none of eslintConfig's)
_ESLINTRC_NAMES = (".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yaml", ".eslintrc.yml", ".eslintrc.json", ".eslintrc")


def _eslintrc_beside(fs: FileSystem, folder: str) -> bool:
    for name in _ESLINTRC_NAMES:
        stat = fs.stat(f"{folder}/{name}")
        if stat is not None and stat.kind is Kind.FILE:
            return True
    return False


def _config_files(fs: FileSystem, folder: str) -> list[str]:
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return []
    return [f"{folder}/{name}" for name in names if is_config_file(name)]


def webpack_config_files(fs: FileSystem, folder: str, manifest: dict[str, Any] | None) -> list[str]:
    """The webpack configs of ``folder``: those at its top, and those its scripts name with the
    configs they require."""
    files = [path for path in _config_files(fs, folder) if posixpath.basename(path).startswith("webpack")]
    return files + [path for path in _script_webpack_configs(fs, folder, manifest) if path not in files]


_WEBPACK_RUN = re.compile(r"\bwebpack(?:-dev-server|-cli)?\b")
_CONFIG_OPTION = re.compile(r"""(?:--config|(?<![\w-])-c)(?:=|\s+)(['"]?)([^\s'"&|;]+)\1""")
_RELATIVE_REQUIRE = re.compile(
    rb"""\brequire\(\s*['"](\.{1,2}/[^'"\n]+)['"]\s*\)|\bfrom\s+['"](\.{1,2}/[^'"\n]+)['"]"""
)
MAX_SCRIPT_CONFIGS = 16


def _script_webpack_configs(fs: FileSystem, folder: str, manifest: dict[str, Any] | None) -> list[str]:
    """Webpack configs outside ``folder``'s top that the scripts of its ``manifest`` name
    (``webpack --config build/webpack.client.config.js``), with the webpack configs they require
    (the base config a client and a server config merge)."""
    pending: list[str] = []
    for command in scripts_of(manifest).values():
        if not _WEBPACK_RUN.search(command):
            continue
        for match in _CONFIG_OPTION.finditer(command):
            pending.append(posixpath.normpath(posixpath.join(folder, match.group(2))))
    found: list[str] = []
    while pending and len(found) < MAX_SCRIPT_CONFIGS:
        path = pending.pop(0)
        name = posixpath.basename(path)
        if path in found or not path.startswith(folder + "/") or "/node_modules/" in path[len(folder) :]:
            continue
        stat = fs.stat(path)
        if not is_config_file(name) or stat is None or stat.kind is not Kind.FILE:
            continue
        found.append(path)
        try:
            source = fs.read_bytes(path)
        except FileSystemError:
            continue
        for match in _RELATIVE_REQUIRE.finditer(source):
            specifier = (match.group(1) or match.group(2)).decode("utf-8", "replace")
            base = posixpath.normpath(posixpath.join(posixpath.dirname(path), specifier))
            pending.extend(
                candidate
                for candidate in (base, base + ".js", base + ".ts")
                if is_config_file(posixpath.basename(candidate))
            )
    return found


def _holders(graph: DependencyGraph, name: str) -> str:
    instances = [item for item in graph.instances_of(name) if not (item.is_project or item.is_workspace)]
    if not instances:
        return f"`{name}` is not installed anywhere in this tree"
    parts = []
    for instance in instances[:3]:
        users = sorted({edge.source.label for edge in graph.dependents(instance)})
        by = f", a dependency of {', '.join(users)}" if users else ""
        parts.append(f"{instance.label} is installed at {relative(graph, instance.path)}{by}")
    return "; ".join(parts)


def _fixes(graph: DependencyGraph, owner: Instance, name: str, ref: ConfigRef, in_wrapper: bool) -> str:
    instances = graph.instances_of(name)
    if not instances:  # never suggest installing a name the tree and lockfile do not hold
        return (
            f"`{name}` is in neither node_modules nor the lockfile: remove `{ref.name}` from the config, "
            "or name a module this tree holds"
        )
    version = f"^{instances[0].version}" if instances and instances[0].version else "*"
    manifest = "package.json" if owner.is_project else f"{relative(graph, owner.path)}/package.json"
    fixes = [f'declare it: "{name}": "{version}" in the devDependencies of {manifest}']
    if ref.tool is Tool.WEBPACK_LOADER:
        where = "in that package's config (its maintainers)" if in_wrapper else "in the config"
        fixes.append(f"name it by path: loader: require.resolve('{name}') {where}")
    if graph.layout.startswith("pnpm"):
        fixes.append(
            f"or, with pnpm, public-hoist-pattern[]={name} in .npmrc (publicHoistPattern in pnpm-workspace.yaml)"
        )
    return "; ".join(fixes)


def _refs_in(fs: FileSystem, file: str, section: str | None = None) -> list[ConfigRef]:
    try:
        source = fs.read_bytes(file)
    except FileSystemError:
        return []
    return config_refs(source, posixpath.basename(file), section)


def _with_local_presets(fs: FileSystem, file: str, depth: int = 0) -> Iterator[tuple[str, ConfigRef]]:
    """The names a config file gives, each with its file, and those a babel preset of the project
    names (``presets: ["./.babel-preset.js"]``): babel loads that file's presets and plugins from
    the preset file's folder, as it does a config's."""
    for ref in _refs_in(fs, file, "babel" if depth else None):
        yield file, ref
        if ref.tool is not Tool.BABEL_PRESET or not ref.name.startswith(("./", "../")) or depth >= 3:
            continue
        base = posixpath.normpath(posixpath.join(posixpath.dirname(file), ref.name))
        for candidate in (base, base + ".js", base + ".cjs"):
            stat = fs.stat(candidate)
            if stat is not None and stat.kind is Kind.FILE and candidate.endswith((".js", ".cjs")):
                yield from _with_local_presets(fs, candidate, depth + 1)
                break


def _lookup_dir(owner: Instance, file: str, ref: ConfigRef) -> str:
    """Where the tool starts looking: webpack and jest from the project, babel/eslint/postcss from the config."""
    if ref.tool in (Tool.WEBPACK_LOADER, Tool.JEST, Tool.JEST_ENVIRONMENT):
        return owner.path
    return posixpath.dirname(file)


def _tool_absent(graph: DependencyGraph, tool: Tool) -> str | None:
    """The tool's package named when no package that loads this kind of config is in the tree."""
    loaders = _LOADED_BY.get(tool)
    if loaders is None or any(graph.instances_of(name) for name in loaders):
        if tool in (Tool.BABEL_PRESET, Tool.BABEL_PLUGIN) and not any(
            graph.instances_of(name) for name in BABEL_CONFIG_READERS
        ):
            return _BABEL_READERS_ABSENT
        return None
    return loaders[0]


_BABEL_READERS_ABSENT = "a reader of babel's config files"


def _flat_config_eslint_only(graph: DependencyGraph, tool: Tool) -> bool:
    """An eslintrc config (``.eslintrc*``, package.json ``eslintConfig``) where every eslint in the
    tree is 9 or later: eslint 9 reads ``eslint.config.*`` and not this file unless
    ``ESLINT_USE_FLAT_CONFIG=false`` is set (eslint 10 never does), so nothing loads it by default."""
    if tool not in _ESLINT_TOOLS:
        return False
    majors = [instance.version.split(".", 1)[0] for instance in graph.instances_of("eslint")]
    return bool(majors) and all(major.isdigit() and int(major) >= 9 for major in majors)


# Not walked: installed packages, version control, and the folders a site serves as they are
# (public/, static/: copied to the output, not imported through loaders).
_UNWALKED = frozenset({"node_modules", ".git", ".hg", ".svn", "public", "static"})
MAX_MATCH_ENTRIES = 20_000


def _rule_unmet(fs: FileSystem, folder: str, ref: ConfigRef, *, vue_blocks: bool = False) -> bool:
    """Whether the tool loads what ``ref`` names only for files no file of the project meets: a
    webpack loader's rule ``test``, an eslintrc override's ``files`` (``ConfigRef.rule_test``)."""
    if ref.tool is not Tool.WEBPACK_LOADER and not (ref.tool in _ESLINT_TOOLS and ref.rule_test is not None):
        return False
    return not _rule_may_match(fs, folder, ref.rule_test, vue_blocks=vue_blocks)


def _rule_may_match(fs: FileSystem, folder: str, test: str | None, *, vue_blocks: bool = False) -> bool:
    """Whether a file of the project may meet a webpack rule whose ``test`` is ``test``: one of
    its files (outside node_modules, public/ and static/) matches it, or the test cannot be read, or the folder is too
    large to tell. A rule no file of the project matches is met only by files of packages (a
    url() in their CSS), which the files alone do not show. ``vue_blocks``: vue-loader 15 or later
    is installed, whose plugin runs the rules on each block of a ``.vue`` file as ``x.vue.LANG``
    (``<style lang="stylus">`` meets a ``/\\.styl(us)?$/`` rule)."""
    if test is None:
        return True
    try:
        pattern = re.compile(test)
    except re.error:
        return True
    pending, seen = [folder], 0
    while pending:
        current = pending.pop()
        try:
            names = fs.listdir(current)
        except FileSystemError:
            continue
        for name in names:
            seen += 1
            if seen > MAX_MATCH_ENTRIES:
                return True
            path = f"{current}/{name}"
            if pattern.search(path):
                return True
            if (
                vue_blocks
                and name.endswith(".vue")
                and any(pattern.search(f"{path}.{lang}") for lang in _vue_langs(fs, path))
            ):
                return True
            if name not in _UNWALKED:
                stat = fs.lstat(path)
                if stat is not None and stat.kind is Kind.DIR:
                    pending.append(path)
    return False


_VUE_BLOCK = re.compile(rb"<(style|script)\b([^>]*)>")
_LANG = re.compile(rb"""\blang\s*=\s*["']?([\w-]+)""")


def _vue_langs(fs: FileSystem, path: str) -> set[str]:
    """The languages of a .vue file's style and script blocks (vue-loader's defaults: css, js)."""
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return set()
    langs = set()
    for match in _VUE_BLOCK.finditer(source):
        lang = _LANG.search(match.group(2))
        langs.add(lang.group(1).decode() if lang else "css" if match.group(1) == b"style" else "js")
    return langs


def _vue_loader_plugin(graph: DependencyGraph) -> bool:
    """Whether vue-loader 15 or later is installed (its plugin applies the rules to .vue blocks)."""
    return any(
        item.version.split(".")[0].isdigit() and int(item.version.split(".")[0]) >= 15
        for item in graph.instances_of("vue-loader")
    )


def _finding(
    graph: DependencyGraph,
    owner: Instance,
    file: str,
    ref: ConfigRef,
    module: str,
    looked: list[str],
    wrapper: str,
    *,
    unmet_rule: bool = False,
    loader_settings: LoaderOptions | None = None,
    hidden: str | None = None,
    babelrc_unread: bool = False,
    computed_test: bool = False,
    unrun: bool = False,
) -> Finding:
    context = f" (a config of {wrapper}, run with {owner.label} as webpack's context)" if wrapper else ""
    looked_text = ", ".join(relative(graph, item) for item in looked[:2])
    named = f"`{ref.name}`" + (f" (package `{module}`)" if module != ref.name else "")
    absent = _tool_absent(graph, ref.tool)
    dead = f"; no `{absent}` is installed in this tree, so nothing loads this config today" if absent else ""
    fix = f"nothing in this tree loads {relative(graph, file)}: remove it if {absent} is no longer used"
    if absent == _BABEL_READERS_ABSENT:
        dead = (
            "; @babel/core is here only for tools that call it with their own options: no babel-loader, "
            "@babel/cli, babel-jest or other reader of babel's config files is installed in this tree, so "
            "nothing loads this config today"
        )
        fix = (
            f"nothing in this tree loads {relative(graph, file)}: remove it if babel's config files are no longer used"
        )
    if not absent and babelrc_unread and posixpath.basename(file).startswith("babel.config."):
        where = relative(graph, owner.path)
        dead = (
            f"; babel reads a babel.config only from its root, the folder it runs from: {where} depends on "
            "nothing that runs babel, none of its scripts runs babel and no jest project is rooted there, so "
            "nothing loads this file today"
        )
        fix = f"nothing in this tree loads {relative(graph, file)}: remove it if no tool runs babel in {where}"
    elif not absent and babelrc_unread:
        where = relative(graph, owner.path)
        dead = (
            f"; babel reads a .babelrc only inside the package it runs from (its root) or one babelrcRoots names: "
            f"{where} depends on nothing that runs babel and no babel.config of the project names babelrcRoots, "
            "so nothing loads this file today"
        )
        fix = f"nothing in this tree loads {relative(graph, file)}: remove it if no tool runs babel in {where}"
    elif not absent and unmet_rule and ref.tool in _ESLINT_TOOLS:
        dead = (
            f" (cannot be decided: it is named in an override, which eslint loads only for the files its `files` "
            f"globs match, and no file of the project matches /{ref.rule_test}/)"
        )
        fix = _fixes(graph, owner, module, ref, bool(wrapper))
    elif not absent and unmet_rule:
        dead = (
            f" (cannot be decided: no file of the project matches the rule's test /{ref.rule_test}/, and webpack "
            "resolves a loader only for a module its rule matches)"
        )
        fix = _fixes(graph, owner, module, ref, bool(wrapper))
    elif not absent and unrun:
        dead = (
            f" (cannot be decided: nothing here runs webpack with {relative(graph, file)}: {owner.label} declares "
            "no webpack CLI, and no script, git hook or CI workflow runs webpack or names the file)"
        )
        fix = f"if something runs webpack with {relative(graph, file)}: " + _fixes(
            graph, owner, module, ref, bool(wrapper)
        )
    elif not absent and computed_test:
        dead = (
            " (cannot be decided: the wrapper builds the rule's test when it runs, and webpack resolves a loader "
            "only for a module its rule matches)"
        )
        fix = "if a file of the project meets that rule: " + _fixes(graph, owner, module, ref, bool(wrapper))
    elif not absent and loader_settings is not None and not loader_settings.complete:
        where = f"{relative(graph, loader_settings.file)}:{loader_settings.line}"
        dead = (
            f" (cannot be decided: {where} sets webpack's resolveLoader with values only known when the config "
            "runs, and the loader may be found there)"
        )
        fix = f"if no folder or alias of that resolveLoader holds `{ref.name}`: " + _fixes(
            graph, owner, module, ref, bool(wrapper)
        )
    elif not absent and _flat_config_eslint_only(graph, ref.tool):
        dead = (
            "; only eslint 9 or later is in this tree, which reads eslint.config.* and not this file unless "
            "ESLINT_USE_FLAT_CONFIG=false is set"
        )
        fix = (
            f"eslint 9 does not read {relative(graph, file)} by default: move its settings to an eslint.config.js "
            "that imports what it names, or remove it"
        )
    severity = Severity.INFO if dead else Severity.ERROR
    module_type = ref.tool is Tool.WEBPACK_LOADER and ref.name in _WEBPACK_MODULE_TYPES
    module_type = module_type and not graph.instances_of(module)
    if not dead and module_type:
        # a module type written as a loader: webpack resolves it as a package only for a module the
        # rule matches, and fails the build at the first; a config that builds has met none so far
        severity = Severity.WARNING
        dead = (
            f"; `{ref.name}` is a webpack module type, not a loader: webpack throws \"Can't resolve "
            f"'{ref.name}'\" as soon as a module this rule matches is imported, so the build works only while "
            "none is"
        )
    if module_type:
        fix = (
            f"replace the loader (and its options) with `type: '{ref.name}'` in the rule; webpack 5 names the "
            "files it writes with the rule's `generator: {{ filename }}`"
        )
    if not dead and hidden is not None:
        severity = Severity.WARNING
        dead = (
            f"; it finds it only through NODE_PATH: pnpm hoists it to {relative(graph, hidden)} and its shims in "
            "node_modules/.bin put that folder on NODE_PATH, which the tool's require reads when a shim starts it"
        )
    return Finding(
        "string-module-reference",
        severity,
        f"{named} is a {ref.tool.value} named by string in {relative(graph, file)}{context}; the tool looks in "
        f"{looked_text}, ... and does not find it; {_holders(graph, module)}{dead}",
        PackageRef(owner.name, owner.version, relative(graph, owner.path)),
        request=ref.name,
        from_=relative(graph, file),
        line=ref.line or None,
        column=ref.column or None,
        fix=fix if severity is Severity.INFO or module_type else _fixes(graph, owner, module, ref, bool(wrapper)),
    )


# webpack 5's module types (``Rule.type``), which a scaffold may write as ``loader:`` (the
# @grafana/create-plugin template's ``loader: 'asset/resource'``)
_WEBPACK_MODULE_TYPES = frozenset(
    {
        "asset",
        "asset/resource",
        "asset/inline",
        "asset/source",
        "javascript/auto",
        "javascript/esm",
        "javascript/dynamic",
    }
)


@check("string-module-reference", Severity.ERROR)
def string_module_reference(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    A tool config names a module by string (a webpack loader, a babel preset or plugin, an eslint
    plugin or shareable config, a jest preset/transform/environment, a postcss plugin), and the tool
    cannot find it from where it looks: webpack resolves loaders from its context (the project's
    folder), not from the package whose config names them; babel from the config file's folder.
    Short names are expanded as each tool does, and a subpath names a file of the package
    (eslint `extends: 'prettier/react'` is `eslint-config-prettier/react`); jest's `setupFiles`,
    `setupFilesAfterEnv`, `snapshotSerializers`, `reporters` and the like load modules too. An
    Angular builder in angular.json (`@angular/build:application`) must be listed in the builders
    manifest of the installed package that the workspace root finds.
    ## Why it matters
    The build fails: "Module not found: Can't resolve 'css-loader'". It typically starts when a
    build-wrapper package takes over the webpack config (its loaders are its own dependencies) and
    the project moves to pnpm, whose isolated layout no longer hoists them into the project's
    node_modules.
    ## How to fix
    Declare the package in the project; or name it by path in the config (`require.resolve('x')`);
    with pnpm, a `public-hoist-pattern` entry for it in `.npmrc`."""
    graph = context.graph
    fs = context.fs
    if not isinstance(graph, DependencyGraph) or fs is None:
        return
    # Under Yarn Plug'n'Play the tools resolve through yarn's runtime, not node_modules.
    pnp = pnp_folder_lookup(context)
    if pnp is not None:
        from nmdoctor.vfs.pnpfs import PnpFS

        fs = PnpFS(fs)  # packages' files are inside the cache zips
    installed = InstalledLookup(fs, graph)
    lookup = pnp or (lambda directory, name: _folder_lookup(fs, directory, name, installed))
    vue_blocks = _vue_loader_plugin(graph)
    for owner in graph.roots:
        manifest = manifest_json(fs, owner.path)
        files = _config_files(fs, owner.path)
        files += [path for path in _script_webpack_configs(fs, owner.path, manifest) if path not in files]
        settings = _loader_settings(fs, files, owner.path)
        first_eslintrc = _eslintrc_of(fs, owner.path, None)
        for config in files:
            if posixpath.basename(config) in _ESLINTRC_NAMES and config != first_eslintrc:
                continue  # eslint reads only the first eslintrc of a folder (.eslintrc.js before .eslintrc.yml)
            for file, ref in _with_local_presets(fs, config):
                module = ref.module
                if module is None:
                    continue
                found, looked = lookup(_lookup_dir(owner, file, ref), module)
                if ref.tool is Tool.WEBPACK_LOADER and pnp is None:
                    found = owner.path if _loader_found(fs, owner.path, ref.name, installed, settings) else None
                if found is None and ref.tool is Tool.JEST_ENVIRONMENT:
                    found = _from_jest_config(graph, lookup, module)
                if found is None:
                    unmet = _rule_unmet(fs, owner.path, ref, vue_blocks=vue_blocks)
                    hidden = (
                        pnpm_node_path_folder(fs, graph, installed, module)
                        if _reads_node_path(graph, ref.tool)
                        else None
                    )
                    unread = ref.tool in _BABEL and babel_config_unread(fs, graph, owner, config)
                    unrun = ref.tool is Tool.WEBPACK_LOADER and unrun_webpack_config(fs, graph, owner, file)
                    yield _finding(
                        graph,
                        owner,
                        file,
                        ref,
                        module,
                        looked,
                        "",
                        unmet_rule=unmet,
                        loader_settings=settings if ref.tool is Tool.WEBPACK_LOADER else None,
                        hidden=hidden,
                        babelrc_unread=unread,
                        unrun=unrun,
                    )
        try:
            manifest_text: bytes | None = fs.read_bytes(owner.path + "/package.json")
        except FileSystemError:
            manifest_text = None
        shadowed = _eslintrc_beside(fs, owner.path)
        for ref in package_json_refs(manifest, manifest_text) if manifest is not None else ():
            module = ref.module
            if module is None or (ref.tool is Tool.JEST_ENVIRONMENT and _from_jest_config(graph, lookup, module)):
                continue
            if shadowed and ref.tool in _ESLINT_TOOLS:
                continue  # eslint reads the .eslintrc.* beside it instead
            if lookup(owner.path, module)[0] is None:
                yield _finding(
                    graph,
                    owner,
                    owner.path + "/package.json",
                    ref,
                    module,
                    lookup(owner.path, module)[1],
                    "",
                    unmet_rule=_rule_unmet(fs, owner.path, ref),
                    hidden=pnpm_node_path_folder(fs, graph, installed, module)
                    if _reads_node_path(graph, ref.tool)
                    else None,
                )
    yield from _wrapper_configs(graph, fs, installed, pnp)
    if pnp is None and context.fs is not None:
        yield from angular_builder_findings(graph, context.fs)


def hoisted_loaders(context: CheckContext) -> Iterator[Finding]:
    """phantom-dependency warnings for webpack loaders named by string that webpack finds from the
    project only because a package the project does not declare was hoisted into its node_modules
    (seed 002 before the move to pnpm: the build wrapper's css-loader, hoisted by npm). Loaders the
    config's resolveLoader finds elsewhere, rules no file meets, and packages the project or the
    monorepo root declares are left out. Under Yarn Plug'n'Play nothing is hoisted."""
    graph = context.graph
    fs = context.fs
    if not isinstance(graph, DependencyGraph) or fs is None or is_pnp(context):
        return
    installed = InstalledLookup(fs, graph)
    yield from _hoisted_babel_names(graph, fs, installed)
    yield from _hoisted_eslint_names(graph, fs, installed)
    if not any(graph.instances_of(name) for name in ("webpack", "@rspack/core")):
        return  # nothing in this tree runs a webpack config
    vue_blocks = _vue_loader_plugin(graph)
    ancestors = {owner.path: declared_names(owner.manifest) for owner in graph.roots}
    for owner in graph.roots:
        manifest = manifest_json(fs, owner.path)
        files = [path for path in _config_files(fs, owner.path) if is_webpack_config(posixpath.basename(path))]
        files += [path for path in _script_webpack_configs(fs, owner.path, manifest) if path not in files]
        groups = [("", files, [])] + [(item.label, group, built) for item, group, built in _wrappers(graph, fs, owner)]
        for wrapper, group, modules in groups:
            settings = _loader_settings(fs, group, owner.path, modules)  # the configs of one run, merged
            for file, ref in _wrapper_refs(fs, group, modules):
                module = ref.module
                if ref.tool is not Tool.WEBPACK_LOADER or module is None:
                    continue
                if file in modules and ref.rule_test is None:
                    continue  # a test the wrapper builds when it runs: whether webpack resolves it is unknown
                if module == owner.name or module in ancestors[owner.path]:
                    continue
                if not wrapper and unrun_webpack_config(fs, graph, owner, file):
                    continue  # nothing runs webpack with it: nothing works by accident either
                folder, _looked = _folder_lookup(fs, owner.path, module, installed)
                if folder is None or declared_above(ancestors, owner.path, module, folder):
                    continue
                if not _loaded_from(fs, owner.path, ref.name, folder, installed, settings):
                    continue  # found elsewhere (the config's resolveLoader), or undecided
                if not _rule_may_match(fs, owner.path, ref.rule_test, vue_blocks=vue_blocks):
                    continue  # webpack never resolves it
                yield _hoisted_finding(graph, owner, file, ref, module, folder, installed, wrapper)


def _babel_configs(fs: FileSystem, folder: str) -> list[str]:
    """The babel config files at the top of ``folder`` (babel.config.*, .babelrc*)."""
    return [
        path for path in _config_files(fs, folder) if posixpath.basename(path).startswith((".babelrc", "babel.config."))
    ]


def _hoisted_babel_names(graph: DependencyGraph, fs: FileSystem, installed: InstalledLookup) -> Iterator[Finding]:
    """phantom-dependency warnings for babel presets and plugins named by string (in babel.config.*,
    .babelrc*, package.json's ``babel``, or a preset file of the project those name by path) that
    babel finds from the config's folder only because a package the project does not declare was
    hoisted there: babel resolves each normalised name with node's resolution from that folder
    (``@babel/react`` is ``@babel/preset-react``), so pnpm's isolated layout breaks it. Left out:
    names the owner or an enclosing package declares, names found nowhere (string-module-reference
    reports those), and configs nothing loads today (no reader of babel's config files in the tree,
    or a workspace's config no babel run reads)."""
    if _tool_absent(graph, Tool.BABEL_PRESET) is not None:
        return  # nothing in this tree reads babel's config files: nothing works by accident either
    ancestors = {owner.path: declared_names(owner.manifest) for owner in graph.roots}
    for owner in graph.roots:
        sites = [
            pair
            for config in _babel_configs(fs, owner.path)
            if not babel_config_unread(fs, graph, owner, config)
            for pair in _with_local_presets(fs, config)
        ]
        manifest = manifest_json(fs, owner.path)
        # package.json's `babel` is a relative config, read as a .babelrc beside it is
        babelrc = f"{owner.path}/.babelrc"
        if (
            manifest is not None
            and manifest.get("babel") is not None
            and not babel_config_unread(fs, graph, owner, babelrc)
        ):
            try:
                text: bytes | None = fs.read_bytes(owner.path + "/package.json")
            except FileSystemError:
                text = None
            sites += [
                (owner.path + "/package.json", ref) for ref in package_json_refs({"babel": manifest["babel"]}, text)
            ]
        seen: set[tuple[str, int, int, str]] = set()
        for file, ref in sites:
            module = ref.module
            if ref.tool not in _BABEL or module is None or module == owner.name or module in ancestors[owner.path]:
                continue
            if (file, ref.line, ref.column, ref.name) in seen:
                continue
            seen.add((file, ref.line, ref.column, ref.name))
            folder, _looked = _folder_lookup(fs, posixpath.dirname(file), module, installed)
            if folder is None or declared_above(ancestors, owner.path, module, folder):
                continue
            yield _hoisted_finding(graph, owner, file, ref, module, folder, installed, "")


# eslint's flat config files: eslint 8.57 (from 8.21) runs with one when it finds it, and ignores the eslintrc
_FLAT_CONFIGS = ("eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts")
# The eslint majors whose eslintrc loader (@eslint/eslintrc, 7.32.0 and 8.57.1 read) resolves a
# config's `extends`, `plugins` and `parser` from the config file's folder: eslint 6 resolves
# plugins from the folder it runs in, eslint 9 reads an eslintrc only with ESLINT_USE_FLAT_CONFIG=false.
_CONFIG_RELATIVE_MAJORS = frozenset({7, 8})


def _major(instance: Instance | None) -> int | None:
    head = instance.version.split(".", 1)[0] if instance is not None and instance.version else ""
    return int(head) if head.isdigit() else None


def _eslint_runs(
    graph: DependencyGraph, fs: FileSystem, owner: Instance, ancestors: dict[str, set[str]], installed: InstalledLookup
) -> bool | None:
    """Whether an eslint run that reads ``owner``'s eslintrc resolves its plugins from the config's
    folder; None when no run reads it with eslint 7 or 8. Two runs count: eslint declared by the
    owner or an enclosing package (its CLI, ``next lint`` and vue-cli's lint use it with eslint's
    defaults: plugins from the config's folder), and react-scripts 4 or later declared by the owner,
    whose eslint-webpack-plugin reads the eslintrc but resolves plugins from react-scripts' own
    ``config`` folder (``resolvePluginsRelativeTo: __dirname`` in react-scripts 4.0.3 and 5.0.1;
    react-scripts 3 reads no eslintrc unless EXTEND_ESLINT=true), or a script of the owner passes
    eslint's --resolve-plugins-relative-to. The eslint of each run is the one
    node finds from where it starts; every one must be 7 or 8."""
    runs: list[tuple[str, bool]] = []
    if any("eslint" in names for path, names in ancestors.items() if (owner.path + "/").startswith(path + "/")):
        # a script that passes --resolve-plugins-relative-to resolves the plugins from where it says
        moved = any("--resolve-plugins-relative-to" in command for command in scripts_of(owner.manifest.raw).values())
        runs.append((owner.path, not moved))
    scripts = next((edge.target for edge in graph.edges_from(owner) if edge.name == "react-scripts"), None)
    if scripts is not None and (_major(scripts) or 0) >= 4:
        runs.append((scripts.path, False))
    for start, _plugins_here in runs:
        folder = _folder_lookup(fs, start, "eslint", installed)[0]
        if folder is None or _major(installed.instance_at(folder)) not in _CONFIG_RELATIVE_MAJORS:
            return None
    return any(plugins_here for _start, plugins_here in runs) if runs else None


def _flat_config_above(fs: FileSystem, graph: DependencyGraph, folder: str) -> bool:
    """An eslint.config.* in ``folder`` or a folder above it up to the project: eslint 8.57 runs
    with it (it looks up from where it runs) and reads no eslintrc."""
    current = folder
    while True:
        for name in _FLAT_CONFIGS:
            stat = fs.stat(f"{current}/{name}")
            if stat is not None and stat.kind is Kind.FILE:
                return True
        if current == graph.project or "/" not in current.strip("/"):
            return False
        current = posixpath.dirname(current)


def _eslintrc_of(fs: FileSystem, folder: str, manifest: dict[str, Any] | None) -> str | None:
    """The eslintrc eslint reads in ``folder``: the first of its names it finds there (in its order),
    else package.json when it has ``eslintConfig``."""
    for name in _ESLINTRC_NAMES:
        stat = fs.stat(f"{folder}/{name}")
        if stat is not None and stat.kind is Kind.FILE:
            return f"{folder}/{name}"
    if manifest is not None and isinstance(manifest.get("eslintConfig"), dict):
        return f"{folder}/package.json"
    return None


def _eslintrc_refs(fs: FileSystem, file: str, manifest: dict[str, Any] | None) -> list[ConfigRef]:
    if not file.endswith("/package.json"):
        return _refs_in(fs, file)
    try:
        text: bytes | None = fs.read_bytes(file)
    except FileSystemError:
        text = None
    return list(package_json_refs({"eslintConfig": manifest["eslintConfig"]}, text)) if manifest else []


def _plugin_kind(ref: ConfigRef) -> bool:
    """A plugin (``plugins``, or ``extends: plugin:x/y``), which eslint resolves from its plugin folder."""
    return ref.tool is Tool.ESLINT_PLUGIN or (ref.tool is Tool.ESLINT_CONFIG and ref.name.startswith("plugin:"))


def _hoisted_eslint_names(graph: DependencyGraph, fs: FileSystem, installed: InstalledLookup) -> Iterator[Finding]:
    """phantom-dependency warnings for the shareable configs, plugins and parsers an eslintrc of the
    project names (.eslintrc.js/.cjs/.json, .eslintrc, package.json's ``eslintConfig``) that eslint
    finds from the config's folder only because a package the owner does not declare was hoisted
    there (``extends: "react-app"`` with react-scripts' eslint-config-react-app at the top of
    node_modules). eslint 7 and 8 resolve each normalised name (``airbnb`` is eslint-config-airbnb,
    ``plugin:react/recommended`` and ``react`` are eslint-plugin-react, ``@s`` is @s/eslint-config)
    with node's resolution from the config file's folder; a parser is taken as written. Left out:
    configs nothing reads with eslint 7 or 8 (see ``_eslint_runs``; a flat config beside or above),
    plugins under a run that resolves them elsewhere (react-scripts), an override's names no file
    meets, names the owner or an enclosing package declares, names pnpm's public-hoist-pattern puts
    at the top by design, and names found nowhere (string-module-reference reports those)."""
    ancestors = {owner.path: declared_names(owner.manifest) for owner in graph.roots}
    root = next((item for item in graph.roots if item.path == graph.project), None)
    root_manifest = root.manifest.raw if root is not None and isinstance(root.manifest.raw, dict) else None
    for owner in graph.roots:
        plugins_here = _eslint_runs(graph, fs, owner, ancestors, installed)
        if plugins_here is None or _flat_config_above(fs, graph, owner.path):
            continue
        manifest = manifest_json(fs, owner.path)
        file = _eslintrc_of(fs, owner.path, manifest)
        if file is None:
            continue
        for ref in _eslintrc_refs(fs, file, manifest):
            module = ref.module
            if ref.tool not in _ESLINT_TOOLS or module is None or module == owner.name:
                continue
            if module in ancestors[owner.path] or (_plugin_kind(ref) and not plugins_here):
                continue
            if not _rule_may_match(fs, owner.path, ref.rule_test):
                continue  # an override no file of the project meets: eslint never loads it
            folder, _looked = _folder_lookup(fs, posixpath.dirname(file), module, installed)
            if folder is None or declared_above(ancestors, owner.path, module, folder):
                continue
            if graph.layout.startswith("pnpm") and pnpm_public_hoists(fs, graph.project, root_manifest, module):
                continue  # pnpm's public-hoist-pattern puts it there by design
            yield _hoisted_finding(graph, owner, file, ref, module, folder, installed, "")


def _loaded_from(
    fs: FileSystem, context: str, name: str, folder: str, installed: InstalledLookup, settings: LoaderOptions | None
) -> bool:
    """Whether webpack loads the loader ``name`` from the package folder ``folder`` (the config's
    resolveLoader first, when it sets one; read fully, or the answer is unknown: False)."""
    if settings is not None and not settings.complete:
        return False
    result = _loader_resolution(fs, context, _loader_request(name), settings)
    if result.ok and result.resolved:
        try:
            return result.resolved.startswith(fs.realpath(folder) + "/")
        except FileSystemError:
            return False
    return settings is None and _loader_found(fs, context, name, installed)  # the lockfile's layout


def _hoisted_finding(
    graph: DependencyGraph,
    owner: Instance,
    file: str,
    ref: ConfigRef,
    module: str,
    folder: str,
    installed: InstalledLookup,
    wrapper: str,
) -> Finding:
    instance = installed.instance_at(folder)
    users = sorted({edge.source.label for edge in graph.dependents(instance)}) if instance else []
    brought = f", a dependency of {', '.join(users)}" if users else ""
    context = f" (a config of {wrapper}, run with {owner.label} as webpack's context)" if wrapper else ""
    named = f"`{ref.name}`" + (f" (package `{module}`)" if module != ref.name else "")
    manifest = "package.json" if owner.is_project else f"{relative(graph, owner.path)}/package.json"
    version = f"^{instance.version}" if instance is not None and instance.version else "*"
    where = "in that package's config (its maintainers)" if wrapper else "in the config"
    start = "the project" if owner.is_project else relative(graph, owner.path)
    tool, fix = "webpack", f"; or name it by path: loader: require.resolve('{module}') {where}"
    if ref.tool in _BABEL or ref.tool in _ESLINT_TOOLS:
        # babel and eslint resolve the name from the config's folder: a require.resolve there finds the same copy
        folder_of = relative(graph, posixpath.dirname(file))
        tool, fix = ("babel" if ref.tool in _BABEL else "eslint"), ""
        start = "the config's folder" if folder_of in ("", ".") else folder_of
    article = "an" if ref.tool.value[0] in "aeiou" else "a"
    breaks = "eslint's config loading" if ref.tool in _ESLINT_TOOLS else "the build"
    return Finding(
        "phantom-dependency",
        Severity.WARNING,
        f"{named} is {article} {ref.tool.value} named by string in {relative(graph, file)}{context}; {tool} finds it "
        f"from {start} only through hoisting: `{owner.label}` does not declare it (installed at "
        f"{relative(graph, folder)}{brought}); pnpm's isolated layout, or a change in what is hoisted, breaks "
        f"{breaks}",
        PackageRef(owner.name, owner.version, relative(graph, owner.path)),
        request=ref.name,
        from_=relative(graph, file),
        line=ref.line or None,
        column=ref.column or None,
        fix=f'declare it: "{module}": "{version}" in the devDependencies of {manifest}{fix}',
    )


def _from_jest_config(graph: DependencyGraph, lookup: FolderLookup, module: str) -> str | None:
    """Where jest finds a test environment it does not find from the project: jest-resolve looks
    for `jest-environment-<name>` (then `<name>`) from the project, then with jest-config's own
    `require.resolve`, from where jest-config is installed (jest-environment-node is its own
    dependency: `testEnvironment: "node"` works under pnpm's isolated layout)."""
    for jest_config in graph.instances_of("jest-config"):
        found = lookup(jest_config.path, module)[0]
        if found is not None:
            return found
    return None


def _wrapper_configs(
    graph: DependencyGraph, fs: FileSystem, installed: InstalledLookup, pnp: FolderLookup | None = None
) -> Iterator[Finding]:
    """webpack configs shipped by the project's direct dependencies that bring webpack with them: the
    wrapper runs webpack in the project's folder, so their string loaders are looked up there."""
    vue_blocks = _vue_loader_plugin(graph)
    for owner in graph.roots:
        for wrapper, files, modules in _wrappers(graph, fs, owner):
            settings = _loader_settings(fs, files, owner.path, modules)
            for file, ref in _wrapper_refs(fs, files, modules):
                module = ref.module
                if ref.tool is not Tool.WEBPACK_LOADER or module is None:
                    continue
                if pnp is not None:
                    found, looked = pnp(owner.path, module)
                    if found is None:
                        yield _finding(graph, owner, file, ref, module, looked, wrapper.label)
                    continue
                if _loader_found(fs, owner.path, ref.name, installed, settings):
                    continue
                _found, looked = _folder_lookup(fs, owner.path, module, installed)
                # a rule built in a module of the wrapper: met only if a file of the project matches its test
                built = file in modules
                yield _finding(
                    graph,
                    owner,
                    file,
                    ref,
                    module,
                    looked,
                    wrapper.label,
                    loader_settings=settings,
                    unmet_rule=built and not _rule_may_match(fs, owner.path, ref.rule_test, vue_blocks=vue_blocks),
                    computed_test=built and ref.rule_test is None,
                )


def _wrapper_refs(fs: FileSystem, files: list[str], modules: list[str]) -> Iterator[tuple[str, ConfigRef]]:
    """The loaders a wrapper's webpack configs and rule-building modules name, with their file."""
    for file in files:
        yield from ((file, ref) for ref in _refs_in(fs, file))
    for file in modules:
        yield from ((file, ref) for ref in _refs_in(fs, file, "webpack"))


def _wrappers(
    graph: DependencyGraph, fs: FileSystem, owner: Instance
) -> Iterator[tuple[Instance, list[str], list[str]]]:
    """``owner``'s build wrappers (direct dependencies that bring webpack) with their webpack configs
    and the other modules that build their rules (``wrapper_modules``)."""
    for edge in graph.edges_from(owner):
        wrapper = edge.target
        if wrapper is None or wrapper.is_workspace:
            continue
        if not {item.name for item in wrapper.manifest.declared(include_dev=False)} & _WEBPACK_NAMES:
            continue
        files = [
            file
            for sub in _WRAPPER_FOLDERS
            for file in _config_files(fs, f"{wrapper.path}/{sub}" if sub else wrapper.path)
            if posixpath.basename(file).startswith("webpack")
        ]
        modules = [path for path in wrapper_modules(fs, wrapper) if path not in files]
        if files or modules:
            yield wrapper, files, modules
