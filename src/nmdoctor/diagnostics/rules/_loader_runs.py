"""Files a package's scripts load in the process of a module runner started from a pnpm shim.

``"build": "vite build && esno ./build/script/postBuild.ts"``: the shell runs ``esno`` from
``node_modules/.bin``, which under pnpm's isolated layout is a shim that puts
``node_modules/.pnpm/node_modules`` on ``NODE_PATH`` before it starts the runner. The runner loads
the file in its own process and, in a package that is not ``"type": "module"``, compiles it to
CommonJS, so its ``import``s become ``require``s, which read ``NODE_PATH``; so do those of every
module the file imports by a relative path (real pnpm 10.34.9 and esno 4.8.0: postBuild.ts and the
buildConf.ts it imports find the hoisted chalk and fs-extra through the shim, and fail with
"Cannot find module 'fs-extra'" when the runner is started without it).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.scripts import bins_of, simple_commands
from nmdoctor.sources.imports import ImportKind, ImportSite
from nmdoctor.sources.reach import relative_reach
from nmdoctor.vfs.base import FileSystem, first_file

__all__ = ["loader_running"]

# executables that load the file they are given in their own process, with node's CommonJS loader
# for a file of a package that is not "type": "module" (esmo and vite-node are left out: the first
# loads ES modules, the second resolves with vite; so is jiti, whose own resolver may not read
# NODE_PATH). ts-node-dev (and its `tsnd`) runs the file with ts-node's hook in a child it forks
# with the parent's environment (1.1.8's lib/index.js: `fork(..., { env: process.env })`), so the
# shim's NODE_PATH reaches the child's require.
_LOADERS = frozenset({"esno", "tsx", "ts-node", "babel-node", "ts-node-dev", "tsnd"})
_SUFFIXES = ("", ".ts", ".tsx", ".cts", ".js", ".jsx", ".cjs", "/index.ts", "/index.js")
# imports a CommonJS compile turns into ``require`` calls
_REQUIRED_KINDS = frozenset({ImportKind.IMPORT, ImportKind.EXPORT_FROM, ImportKind.REQUIRE})


# the runners' own executables, for a package read from a lockfile that records none (pnpm's
# lockfile says only `hasBin: true`)
_LOADER_BINS = {
    "esno": "esno",
    "tsx": "tsx",
    "ts-node": "ts-node",
    "@babel/node": "babel-node",
    "ts-node-dev": "ts-node-dev",
}


def _bins(instance: Instance) -> frozenset[str]:
    """The package's executables; for a runner whose manifest names none (a lockfile records no
    `bin`: pnpm's says `hasBin: true`, yarn 1's nothing, and migrate's planned tree carries what the
    lockfile gave), the runner's own name, which every release of these packages links."""
    found = bins_of(instance)
    if found or instance.name not in _LOADER_BINS:
        return found
    return frozenset({_LOADER_BINS[instance.name]})


def _entries(fs: FileSystem, graph: DependencyGraph, owner: Instance) -> dict[str, str]:
    """The files the scripts of ``owner`` hand to a runner of ``_LOADERS`` (one of its declared
    packages' executables), each with that runner."""
    runners = {
        name for edge in graph.edges_from(owner) if edge.target is not None for name in _bins(edge.target)
    } & _LOADERS
    found: dict[str, str] = {}
    if not runners:
        return found
    for command in scripts_of(owner.manifest.raw).values():
        folder = owner.path  # where the shell is: `cd mock && ts-node-dev mock-server.ts` moves it
        for words in simple_commands(command):
            if words[0] == "cd" and len(words) == 2 and not words[1].startswith(("-", "$", "~")):
                folder = posixpath.normpath(posixpath.join(folder, words[1]))
                continue
            if words[0] not in runners:
                continue
            target = next((word for word in words[1:] if not word.startswith("-")), None)
            if target is None:
                continue
            entry = first_file(fs, posixpath.normpath(posixpath.join(folder, target)), _SUFFIXES)
            if entry is not None and entry.startswith(owner.path + "/"):
                found.setdefault(entry, words[0])
    return found


def loader_running(
    fs: FileSystem,
    graph: DependencyGraph,
    owner: Instance,
    file: str,
    imports: Callable[[str], Iterable[ImportSite]],
) -> str | None:
    """The runner (``esno``, ``tsx``, ...) a script of ``owner`` starts on a file that is ``file`` or
    imports it by relative paths, so that ``file`` is loaded in that runner's process; None when no
    script does. ``imports`` gives a file's import sites."""
    inside = owner.path + "/"
    for entry, runner in _entries(fs, graph, owner).items():
        reached = relative_reach(fs, entry, imports, _REQUIRED_KINDS, _SUFFIXES, lambda found: found.startswith(inside))
        if file in reached:
            return runner
    return None
