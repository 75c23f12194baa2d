"""Gatsby site configs: the module folders ``gatsby-plugin-pnpm`` adds to the webpack config that
builds the site.

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

from nmdoctor.project.resolution.jsread import static_properties
from nmdoctor.project.resolution.model import ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["CONFIG_NAMES", "read_gatsby"]

CONFIG_NAMES = frozenset({"gatsby-config.js", "gatsby-config.cjs", "gatsby-config.mjs", "gatsby-config.ts"})
_PLUGIN = "gatsby-plugin-pnpm"
_TOOL = "gatsby-plugin-pnpm webpack resolve.modules"


def _plugin_options(plugins: Any) -> dict[str, Any] | None:
    """The options of gatsby-plugin-pnpm in a ``plugins`` list (``{}`` when named by string alone),
    or None when the list does not name it."""
    for item in plugins if isinstance(plugins, list) else []:
        if item == _PLUGIN:
            return {}
        if isinstance(item, dict) and item.get("resolve") == _PLUGIN:
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
    folders = [node_modules, _dependencies_folder(fs, node_modules, "gatsby"), f"{node_modules}/.pnpm/node_modules"]
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
