"""Gatsby site configs: the module folders ``gatsby-plugin-pnpm`` adds to the webpack config that
builds the site, the aliases ``gatsby-plugin-alias-imports`` adds, and the ``resolve`` section a
site's ``gatsby-node`` hands to ``actions.setWebpackConfig`` in its ``onCreateWebpackConfig``.

The plugin (1.2.10, ``dist/gatsby-node.js`` ``onCreateWebpackConfig``) puts in front of webpack's
``resolve.modules`` and ``resolveLoader.modules``: ``<projectPath>/node_modules``, the folder of
gatsby's own dependencies, ``<projectPath>/node_modules/.pnpm/node_modules`` (pnpm's hidden
hoisting), and for each ``include`` entry the folder of that package's dependencies (a name) or the
folder itself (a path starting with ``.`` or ``/``). A package's folder of dependencies is the last
``node_modules`` of its real path (``walkBack``): for pnpm, ``.pnpm/<entry>/node_modules``.
``projectPath`` and relative paths are taken from the process's folder: the site's, where
``gatsby build`` runs; an ``include`` path from ``projectPath``."""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.jsread import UNKNOWN, static_properties
from nmdoctor.project.resolution.model import ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["CONFIG_NAMES", "NODE_NAMES", "read_gatsby", "read_gatsby_node"]

CONFIG_NAMES = frozenset({"gatsby-config.js", "gatsby-config.cjs", "gatsby-config.mjs", "gatsby-config.ts"})
NODE_NAMES = frozenset({"gatsby-node.js", "gatsby-node.cjs", "gatsby-node.mjs", "gatsby-node.ts"})
_PLUGIN = "gatsby-plugin-pnpm"
_TOOL = "gatsby-plugin-pnpm webpack resolve.modules"
_ALIAS_PLUGIN = "gatsby-plugin-alias-imports"


def _plugin_options(plugins: Any, plugin: str = _PLUGIN) -> dict[str, Any] | None:
    """The options of ``plugin`` in a ``plugins`` list (``{}`` when named by string alone), or None
    when the list does not name it."""
    for item in plugins if isinstance(plugins, list) else []:
        if item == plugin:
            return {}
        if isinstance(item, dict) and item.get("resolve") == plugin:
            options = item.get("options")
            return options if isinstance(options, dict) else {}
    return None


def _dependencies_folder(fs: FileSystem, node_modules: str, name: str) -> str | None:
    """The last ``node_modules`` of the real path of ``node_modules/<name>`` (the plugin's
    ``getPkgNodeModules`` with ``strict``, its default)."""
    try:
        real = fs.realpath(f"{node_modules}/{name}")
    except FileSystemError:
        return None
    head, found, _tail = real.rpartition("/node_modules/")
    return head + "/node_modules" if found else None


def read_gatsby(fs: FileSystem, path: str) -> ResolutionConfig:
    config = ResolutionConfig()
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return config
    if _ALIAS_PLUGIN.encode() in source:
        _read_alias_plugin(config, source, path)
    if _PLUGIN.encode() not in source:
        return config
    options = None
    for _key, value in static_properties(source, path, frozenset({"plugins"})):
        options = _plugin_options(value)
        if options is not None:
            break
    if options is None:
        return config
    site = posixpath.dirname(path)
    project = options.get("projectPath")
    root = posixpath.normpath(posixpath.join(site, project)) if isinstance(project, str) else site
    node_modules = f"{root}/node_modules"
    gatsby = _dependencies_folder(fs, node_modules, "gatsby")
    folders = [node_modules, gatsby, f"{node_modules}/.pnpm/node_modules"]
    if gatsby is None:  # nothing installed (check --lockfile): the dependency graph tells gatsby's dependencies
        config.folders.append(ModuleFolder(f"{node_modules}/gatsby", _TOOL, path, dependencies_of="gatsby"))
    include = options.get("include")
    for entry in include if isinstance(include, list) else []:
        if not isinstance(entry, str):
            continue
        # a name is a package, else (as a path starting with `.` or `/`) a folder of the project
        found = None if entry.startswith((".", "/")) else _dependencies_folder(fs, node_modules, entry)
        folders.append(found or posixpath.normpath(posixpath.join(root, entry)))
    for folder in folders:
        if folder is not None:
            config.folders.append(ModuleFolder(folder, _TOOL, path))
    return config


def _read_alias_plugin(config: ResolutionConfig, source: bytes, path: str) -> None:
    """gatsby-plugin-alias-imports' ``options.alias`` (webpack ``resolve.alias`` entries, added as
    they are; a target relative to the site's folder, where gatsby runs)."""
    for _key, value in static_properties(source, path, frozenset({"plugins"})):
        options = _plugin_options(value, _ALIAS_PLUGIN)
        if options is None:
            continue
        alias = options.get("alias")
        config.aliases += alias_table(alias, f"{_ALIAS_PLUGIN} alias", path, posixpath.dirname(path))
        if alias is UNKNOWN:
            config.unread.append(path)
        return


def read_gatsby_node(fs: FileSystem, path: str) -> ResolutionConfig:
    """The ``resolve`` section (``alias``, ``modules``) a gatsby-node file gives
    ``actions.setWebpackConfig``, which gatsby merges into the webpack config of the site; read
    statically (the hook is a function gatsby calls), a value it computes as unknown."""
    from nmdoctor.project.resolution.webpack import add_resolve

    config = ResolutionConfig()
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return config
    if b"setWebpackConfig" not in source:
        return config
    for _key, value in static_properties(source, path, frozenset({"resolve"})):
        if not isinstance(value, dict) or not ("alias" in value or "modules" in value):
            continue
        modules, alias = value.get("modules"), value.get("alias")
        if modules is UNKNOWN or alias is UNKNOWN or (isinstance(modules, list) and UNKNOWN in modules):
            config.unread.append(path)
        add_resolve(config, modules, alias, path, "gatsby-node webpack")
    return config
