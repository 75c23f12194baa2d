"""Finding a project's resolution configs and answering, per source file, which of them apply."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from nmdoctor.project.resolution import babel, gatsby, jest, tsconfig, vite, webpack, webpacker
from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.model import Alias, Decision, ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.vfs.documents import read_json

__all__ = ["ProjectResolution", "configs_in"]

_DECLARING = ("dependencies", "devDependencies", "peerDependencies")
# Names Next.js maps to copies inside `next` itself (its webpack and Turbopack aliases), for any
# package that uses `next`: they never need installing. `styled-jsx` and `styled-jsx/style` (exact
# keys, `styled-jsx$` in its webpack config) go to the styled-jsx `next` depends on, the copy its
# require hook also serves: an app's `import ... from 'styled-jsx'` needs no declaration.
_NEXT_ALIASES = {
    "server-only": "next/dist/compiled/server-only",
    "client-only": "next/dist/compiled/client-only",
    "styled-jsx": "next's own styled-jsx",
    "styled-jsx/style": "next's own styled-jsx/style",
}
# Requests Next.js routes to its own compiled copies while it loads next.config (the require hook
# `loadWebpackHook` installs before requiring the config; the same list in next 13.4 and 15.5):
# a config's `require('webpack')` loads next's webpack, though no `webpack` is installed. Plain
# node running the file throws. An ES module config (`.mjs`) does not go through the hook.
_NEXT_CONFIG_HOOK = (
    "webpack",
    "webpack/package",
    "webpack/package.json",
    *(
        f"webpack/lib/{module}{suffix}"
        for module in (
            "webpack",
            "node/NodeEnvironmentPlugin",
            "BasicEvaluatedExpression",
            "node/NodeTargetPlugin",
            "node/NodeTemplatePlugin",
            "LibraryTemplatePlugin",
            "SingleEntryPlugin",
            "optimize/LimitChunkCountPlugin",
            "webworker/WebWorkerTemplatePlugin",
            "ExternalsPlugin",
            "web/FetchCompileWasmTemplatePlugin",
            "web/FetchCompileWasmPlugin",
            "web/FetchCompileAsyncWasmPlugin",
            "ModuleFilenameHelpers",
            "GraphHelpers",
        )
        for suffix in ("", ".js")
    ),
    "webpack/lib/NormalModule",
    "webpack-sources",
    "webpack-sources/lib",
    "webpack-sources/lib/index",
    "webpack-sources/lib/index.js",
    "@babel/runtime",
    "@babel/runtime/package.json",
)
_NEXT_CONFIG_FILES = ("next.config.js", "next.config.cjs", "next.config.ts")

# Where projects keep webpack configs besides their root.
_WEBPACK_FOLDERS = (
    "",
    "config",
    "configs",
    "webpack",
    ".webpack",
    "build",
    "scripts",
    "tools",
    "internals/webpack",
    "config/webpack",
    "build/webpack",
    ".storybook",
)


_UNBUILD_SUFFIXES = tuple(f"build.config.{ext}" for ext in ("js", "cjs", "mjs", "ts", "mts", "cts"))


def _read(fs: FileSystem, path: str) -> bytes:
    try:
        return fs.read_bytes(path)
    except FileSystemError:
        return b""


def _listdir(fs: FileSystem, folder: str) -> list[str]:
    try:
        return list(fs.listdir(folder))
    except FileSystemError:
        return []


def _env_node_path(fs: FileSystem, folder: str, names: list[str]) -> ResolutionConfig:
    """``NODE_PATH=src`` in a .env file (create-react-app and node itself search it)."""
    config = ResolutionConfig()
    for name in names:
        if name != ".env" and not name.startswith(".env."):
            continue
        try:
            text = fs.read_bytes(f"{folder}/{name}").decode("utf-8", errors="replace")
        except FileSystemError:
            continue
        for line in text.splitlines():
            key, _, value = line.strip().partition("=")
            if key.strip() == "NODE_PATH":
                for entry in value.strip().strip("'\"").split(":"):
                    if entry:
                        path = posixpath.normpath(posixpath.join(folder, entry))
                        config.folders.append(ModuleFolder(path, "NODE_PATH", f"{folder}/{name}"))
    return config


# What Docusaurus's webpack config maps for a site's code (@docusaurus/core, lib/webpack/aliases
# and base config, v2 and v3): the theme components (@theme/..., as swizzled or as the theme
# ships them), the site folder, the generated files, and one alias per client export of
# @docusaurus/core (@docusaurus/Link ...). Other @docusaurus/* names are packages. A site declares
# @docusaurus/core; a plugin or theme package declares what its theme components use instead: the
# types of these aliases (@docusaurus/module-type-aliases, "for plugin and theme authors") or
# @docusaurus/theme-common. Its theme folder is compiled by the site's webpack, with the aliases.
_DOCUSAURUS_USERS = ("@docusaurus/core", "@docusaurus/module-type-aliases", "@docusaurus/theme-common")
_DOCUSAURUS_PREFIXES = ("@theme", "@theme-original", "@theme-init", "@site", "@generated")
_DOCUSAURUS_EXPORTS = (
    "BrowserOnly",
    "ComponentCreator",
    "ErrorBoundary",
    "ExecutionEnvironment",
    "Head",
    "Interpolate",
    "isInternalUrl",
    "Link",
    "Noop",
    "renderRoutes",
    "router",
    "Translate",
    "constants",
    "useBaseUrl",
    "useBrokenLinks",
    "useDocusaurusContext",
    "useGlobalData",
    "useIsBrowser",
    "useIsomorphicLayoutEffect",
    "useRouteContext",
)


def _docusaurus_aliases(where: str) -> list[Alias]:
    tool = "Docusaurus webpack alias"
    return [Alias(prefix, "prefix", "?", tool, where) for prefix in _DOCUSAURUS_PREFIXES] + [
        Alias(f"@docusaurus/{name}", "exact", "@docusaurus/core/lib/client/exports", tool, where)
        for name in _DOCUSAURUS_EXPORTS
    ]


_DENO_CONFIGS = ("deno.json", "deno.jsonc")


# An import map kept on its own (``deno run --import-map=import_map.json``, a page's
# ``<script type="importmap" src=...>``): a JSON file of that name with only the map's keys.
_IMPORT_MAP_NAMES = frozenset({"import_map.json", "import-map.json", "importmap.json", "imports.json"})
_IMPORT_MAP_KEYS = frozenset({"imports", "scopes", "integrity"})


def _import_map(fs: FileSystem, path: str) -> list[Alias]:
    """The keys of an import map file (react-hook-form's scripts/README/Imports.json, which its
    Deno scripts run with): Deno or the browser, not node, resolves its folder's imports by it."""
    from nmdoctor.project.resolution.jsonc import loads_jsonc

    try:
        data = loads_jsonc(fs.read_bytes(path).decode("utf-8", errors="replace"))
    except (FileSystemError, ValueError):
        return []
    if not isinstance(data, dict) or not isinstance(data.get("imports"), dict) or not set(data) <= _IMPORT_MAP_KEYS:
        return []
    return _deno_imports(fs, path, source="import map")


def _deno_imports(fs: FileSystem, path: str, *, source: str = "deno.json imports") -> list[Alias]:
    """The import map of a Deno project (``imports`` of deno.json, or the file its ``importMap``
    names): Deno, not node, runs its files, and a key answers its specifier (``"std/"`` every
    ``std/...``)."""
    from nmdoctor.project.resolution.jsonc import loads_jsonc

    try:
        data = loads_jsonc(fs.read_bytes(path).decode("utf-8", errors="replace"))
    except (FileSystemError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    where = path
    imports = data.get("imports")
    linked = data.get("importMap")
    if not isinstance(imports, dict) and isinstance(linked, str) and not linked.startswith(("http:", "https:")):
        where = posixpath.normpath(posixpath.join(posixpath.dirname(path), linked))
        try:
            imports = loads_jsonc(fs.read_bytes(where).decode("utf-8", errors="replace"))
        except (FileSystemError, ValueError):
            return []
        imports = imports.get("imports") if isinstance(imports, dict) else None
    if not isinstance(imports, dict):
        return []
    # A key mapped to a jsr: or npm: package answers its subpaths too (`@std/testing/mock`).
    return [
        Alias(
            key,
            "prefix" if key.endswith("/") or str(target).startswith(("jsr:", "npm:")) else "exact",
            str(target),
            source,
            where,
        )
        for key, target in imports.items()
        if isinstance(key, str) and key
    ]


def configs_in(
    fs: FileSystem, folder: str, *, on_disk: bool, workspaces: Mapping[str, str] | None = None
) -> ResolutionConfig:
    """Every resolution config kept in ``folder`` (and, for webpack, its usual config subfolders);
    ``workspaces`` (name -> folder) answers a tsconfig ``extends`` of a workspace package."""
    config = ResolutionConfig()
    names = _listdir(fs, folder)
    for name in sorted(names):
        if tsconfig.is_tsconfig(name):
            config.merge(tsconfig.read_tsconfig(fs, f"{folder}/{name}", workspaces))
    for sub in _WEBPACK_FOLDERS:
        where = f"{folder}/{sub}" if sub else folder
        for name in sorted(_listdir(fs, where) if sub else names):
            if webpack.is_webpack_config(name) or (not sub and webpack.is_rspack_config(name)):
                config.merge(webpack.read_webpack(fs, f"{where}/{name}", on_disk=on_disk))
    for name in sorted(names):
        path = f"{folder}/{name}"
        if name in jest.CONFIG_NAMES:
            config.merge(jest.read_jest_file(fs, path, on_disk=on_disk))
        elif vite.is_vite_config(name):
            config.merge(vite.read_vite(fs, path))
        elif name.endswith(_UNBUILD_SUFFIXES) and vite.is_unbuild_config(name, _read(fs, path)):
            config.merge(vite.read_vite(fs, path, "unbuild alias"))
        elif name in babel.CONFIG_NAMES:
            config.merge(babel.read_babel_file(fs, path, on_disk=on_disk))
        elif name in gatsby.CONFIG_NAMES:
            config.merge(gatsby.read_gatsby(fs, path))
        elif name in gatsby.NODE_NAMES:
            config.merge(gatsby.read_gatsby_node(fs, path))
        elif name in _DENO_CONFIGS or (name.startswith("deno.") and name.endswith((".json", ".jsonc"))):
            config.aliases.extend(_deno_imports(fs, path))
        elif name.lower() in _IMPORT_MAP_NAMES:
            config.aliases.extend(_import_map(fs, path))
    if "package.json" in names:
        manifest = read_json(fs, f"{folder}/package.json")
        if isinstance(manifest, dict):
            section = jest.jest_section(manifest.get("jest"))
            if section:
                config.merge(jest.read_jest(section, f"{folder}/package.json", folder))
            if manifest.get("babel") is not None:
                config.merge(babel.read_babel(manifest.get("babel"), f"{folder}/package.json"))
            where = f"{folder}/package.json"
            if any(isinstance(manifest.get(key), dict) and "next" in manifest[key] for key in _DECLARING):
                for key, target in _NEXT_ALIASES.items():
                    config.aliases.append(Alias(key, "exact", target, "Next.js built-in alias", where))
                for key in _NEXT_CONFIG_HOOK:
                    config.aliases.append(
                        Alias(
                            key,
                            "exact",
                            "next/dist/compiled/webpack",
                            "Next.js require hook for its config",
                            where,
                            files=_NEXT_CONFIG_FILES,
                        )
                    )
            if any(
                isinstance(manifest.get(key), dict) and not set(_DOCUSAURUS_USERS).isdisjoint(manifest[key])
                for key in _DECLARING
            ):
                config.aliases += _docusaurus_aliases(where)
            if any(
                isinstance(manifest.get(key), dict) and not set(webpacker.WRAPPERS).isdisjoint(manifest[key])
                for key in _DECLARING
            ):
                config.merge(webpacker.read_webpacker(fs, folder))
            module_aliases = manifest.get("_moduleAliases")
            if isinstance(module_aliases, dict):  # the module-alias package's table
                config.aliases += alias_table(module_aliases, "module-alias _moduleAliases", where, folder)
    config.merge(_env_node_path(fs, folder, names))
    return config


class ProjectResolution:
    """The resolution configs of a project, read once per folder; a file is judged with the configs
    of its own folder and of every folder above it up to the project root."""

    def __init__(
        self, fs: FileSystem, root: str, *, on_disk: bool, workspaces: Mapping[str, str] | None = None
    ) -> None:
        self.fs = fs
        self.root = root
        self.on_disk = on_disk
        self.workspaces = dict(workspaces or {})
        self._folders: dict[str, ResolutionConfig] = {}

    def folder(self, folder: str) -> ResolutionConfig:
        if folder not in self._folders:
            self._folders[folder] = configs_in(self.fs, folder, on_disk=self.on_disk, workspaces=self.workspaces)
        return self._folders[folder]

    def for_file(self, file: str) -> ResolutionConfig:
        merged = ResolutionConfig()
        directory = posixpath.dirname(file)
        while True:
            merged.merge(self.folder(directory))
            if directory == self.root or not directory.startswith(self.root + "/"):
                return merged
            directory = posixpath.dirname(directory)

    def decide(self, specifier: str, file: str) -> Decision | None:
        return self.for_file(file).decide(self.fs, specifier, file)
