"""vite and rollup configs: ``resolve.alias`` / ``alias`` (``@rollup/plugin-alias`` entries), read
statically (these configs are ES modules, often TypeScript)."""

from __future__ import annotations

import posixpath

from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.jsread import UNKNOWN, static_properties
from nmdoctor.project.resolution.model import ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["is_vite_config", "read_vite"]


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
    return (name.startswith(_PREFIXES) or name == "config-overrides.js") and name.endswith(
        (".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")
    )


def read_vite(fs: FileSystem, path: str) -> ResolutionConfig:
    config = ResolutionConfig()
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return ResolutionConfig(unread=[path])
    base = posixpath.basename(path)
    tool = "vite resolve.alias" if base.startswith(("vite", "vitest")) else f"{base.split('.')[0]} alias"
    for key, value in static_properties(source, path, frozenset({"alias", "entries", "plugins"})):
        if key == "plugins":
            if value != []:
                config.plugins.append(path)
            continue
        if value is UNKNOWN:
            config.unread.append(path)
            continue
        config.aliases += alias_table(value, tool, path, posixpath.dirname(path), dollar_exact=False)
    return config
