"""What node takes from the process: NODE_PATH, the global folders, the cwd, how --from is loaded."""

from __future__ import annotations

import os
import shutil

from nmdoctor.resolve import ResolveOptions
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, NodeVersion

__all__ = ["node_options", "parent_module"]

# createRequire(dir + "/") stands for "a module in dir" with this file name, and so do we.
DIRECTORY_MODULE = "noop.js"


def _global_folders() -> tuple[str, ...]:
    """``$HOME/.node_modules``, ``$HOME/.node_libraries``, ``$PREFIX/lib/node`` (Module._initPaths)."""
    folders = []
    home = os.environ.get("HOME")
    if home:
        folders += [os.path.join(home, ".node_modules"), os.path.join(home, ".node_libraries")]
    node = shutil.which("node")
    if node:
        prefix = os.path.dirname(os.path.dirname(os.path.realpath(node)))
        folders.append(os.path.join(prefix, "lib", "node"))
    return tuple(os.path.normpath(folder) for folder in folders)


def node_options(
    conditions: tuple[str, ...] = (),
    *,
    preserve_symlinks: bool = False,
    node_version: NodeVersion = DEFAULT_NODE_VERSION,
) -> ResolveOptions:
    """ResolveOptions as a ``node`` of ``node_version`` started here, with these flags, would have them."""
    node_path = os.environ.get("NODE_PATH", "")
    return ResolveOptions(
        conditions=conditions,
        preserve_symlinks=preserve_symlinks,
        node_path=tuple(entry for entry in node_path.split(os.pathsep) if entry),
        global_folders=_global_folders(),
        cwd=os.getcwd(),
        node_version=node_version,
    )


def parent_module(path: str, *, preserve_symlinks: bool) -> str:
    """The referrer as node loads it: its real path unless links are preserved.

    A folder means a module inside it.
    """
    absolute = os.path.abspath(path)
    if os.path.isdir(absolute):
        folder = absolute if preserve_symlinks else os.path.realpath(absolute)
        return os.path.join(folder, DIRECTORY_MODULE)
    if preserve_symlinks:
        return absolute
    if os.path.exists(absolute):
        return os.path.realpath(absolute)
    folder, name = os.path.split(absolute)
    return os.path.join(os.path.realpath(folder), name) if os.path.isdir(folder) else absolute
