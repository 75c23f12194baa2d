"""vite and rollup configs: ``resolve.alias`` / ``alias`` (``@rollup/plugin-alias`` entries), read
statically (these configs are ES modules, often TypeScript)."""

from __future__ import annotations

import posixpath

from nmdoctor.project.resolution.aliases import alias_table
from nmdoctor.project.resolution.jsread import UNKNOWN, static_properties
from nmdoctor.project.resolution.model import ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["is_vite_config", "read_vite"]


def is_vite_config(name: str) -> bool:
    return name.startswith(("vite.config.", "vitest.config.", "rollup.config.")) and name.endswith(
        (".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")
    )


def read_vite(fs: FileSystem, path: str) -> ResolutionConfig:
    config = ResolutionConfig()
    try:
        source = fs.read_bytes(path)
    except FileSystemError:
        return ResolutionConfig(unread=[path])
    tool = "rollup alias" if posixpath.basename(path).startswith("rollup") else "vite resolve.alias"
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
