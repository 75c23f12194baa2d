"""vite and rollup configs: ``resolve.alias`` / ``alias`` (``@rollup/plugin-alias`` entries), read
statically (these configs are ES modules, often TypeScript)."""

from __future__ import annotations

import posixpath

from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.jsread import UNKNOWN, static_properties
from nmdoctor.project.resolution.model import ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["is_unbuild_config", "is_vite_config", "read_vite"]


# Configs of tools and frameworks that set aliases the same way (an ``alias`` object or list):
# vite/vitest/rollup, and the webpack wrappers and frameworks that pass one on (craco,
# react-app-rewired, vue-cli, Next, Nuxt, SvelteKit ``kit.alias``, Astro, Quasar), and rsbuild and
# rslib (``resolve.alias``, formerly ``source.alias``; ``plugins``, ``tools.rspack.plugins``).
_PREFIXES = (
    "vite.config.",
    "rsbuild.config.",
    "rslib.config.",
    "vitest.config.",
    "rollup.config.",
    "craco.config.",
    "config-overrides.",
    "vue.config.",
    "next.config.",
    "nuxt.config.",
    "svelte.config.",
    "astro.config.",
    "quasar.config.",
)


def is_vite_config(name: str) -> bool:
    return (name.startswith(_PREFIXES) or name == "config-overrides.js") and name.endswith(_EXTENSIONS)


_EXTENSIONS = (".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")


def is_unbuild_config(name: str, source: bytes) -> bool:
    """unbuild's config: ``build.config.*`` (its default name) or any ``*build.config.*`` that
    calls ``defineBuildConfig`` (one passed with ``unbuild DIR --config FILE``). Its ``alias`` and
    ``rollup.alias`` (``@rollup/plugin-alias`` entries) map the imports of the files it builds."""
    if not name.endswith(_EXTENSIONS) or not name.rsplit(".", 1)[0].endswith("build.config"):
        return False
    return name.startswith("build.config.") or b"defineBuildConfig" in source


def read_vite(fs: FileSystem, path: str, tool: str | None = None) -> ResolutionConfig:
    config = ResolutionConfig()
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return ResolutionConfig(unread=[path])
    base = posixpath.basename(path)
    if tool is None:
        tool = "vite resolve.alias" if base.startswith(("vite", "vitest")) else f"{base.split('.')[0]} alias"
    for key, value in static_properties(source, path, frozenset({"alias", "entries", "plugins"})):
        if key == "plugins":
            if value != []:
                config.plugins.append(path)
            continue
        if value is UNKNOWN:
            config.unread.append(path)
            continue
        if key == "alias" and isinstance(value, dict) and "entries" in value:
            continue  # ``alias: {entries: [...]}`` (@rollup/plugin-alias options): its entries are read on their own
        config.aliases += alias_table(value, tool, path, posixpath.dirname(path), dollar_exact=False)
    return config
