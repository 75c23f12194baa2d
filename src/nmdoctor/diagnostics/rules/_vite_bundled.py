"""A module that vite (or vitest) configs import by a relative path: vite bundles the config with
esbuild before it runs it, and the module is bundled with it. A bare import the bundle leaves
external is resolved with vite's resolver from the module's own folder; where that finds nothing,
vite (5 and 6, `bundleConfigFile`: `{ path: undefined, external: true }`, read in its source)
keeps the bare name in the bundle, which it writes beside the config (an ES config as
``vite.config.ts.timestamp-<n>.mjs``; a CommonJS one compiled under the config's own file name), and
node then resolves the name from the config's folder. posthog-js's
packages/rrweb/vite.config.default.ts imports `vite` from a folder without a package.json; each
rrweb package's vite.config.ts imports it, and declares `vite` itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from nmdoctor.sources.imports import ImportKind, ImportSite
from nmdoctor.sources.reach import relative_reach
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["vite_bundled_modules"]

# the config names vite and vitest look for by default in the folder they run from
_VITE_CONFIG = re.compile(r"^(?:vite|vitest)\.(?:config|workspace)\.[cm]?[jt]s$")
_IMPORTS = (ImportKind.IMPORT, ImportKind.REQUIRE, ImportKind.DYNAMIC_IMPORT, ImportKind.EXPORT_FROM)
# what esbuild tries for a relative import in a config (its default resolveExtensions)
_SUFFIXES = (
    "",
    ".tsx",
    ".ts",
    ".jsx",
    ".js",
    ".css",
    ".json",
    ".mts",
    ".mjs",
    ".cts",
    ".cjs",
    "/index.ts",
    "/index.js",
)


def _configs_in(fs: FileSystem, folder: str) -> list[str]:
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return []
    found = []
    for name in sorted(names):
        if _VITE_CONFIG.match(name):
            stat = fs.stat(f"{folder}/{name}")
            if stat is not None and stat.kind is Kind.FILE:
                found.append(f"{folder}/{name}")
    return found


def vite_bundled_modules(
    fs: FileSystem, folders: Iterable[str], imports: Callable[[str], Iterable[ImportSite]]
) -> dict[str, list[str]]:
    """For each module that the vite and vitest configs at the top of ``folders`` (the project's
    and its workspaces') import, directly or through other modules, by relative paths: the configs
    that bundle it. A config vite loads itself is never in the map: its imports resolve from its
    own folder."""
    configs = [config for folder in folders for config in _configs_in(fs, folder)]
    bundled: dict[str, list[str]] = {}
    for config in configs:
        seen = set(
            relative_reach(fs, config, imports, _IMPORTS, _SUFFIXES, lambda found: "/node_modules/" not in found)
        )
        for module in seen - {config}:
            bundled.setdefault(module, []).append(config)
    for config in configs:
        bundled.pop(config, None)
    return bundled
