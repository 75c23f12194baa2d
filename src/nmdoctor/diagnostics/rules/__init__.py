"""The checks, by family; importing this package registers them all."""

from nmdoctor.diagnostics.rules import (
    drift,
    duplicates,
    links,
    node_versions,
    resolution,
    strings,
    undeclared,
    webpack_symlinks,
    workspace_links,
)

__all__ = [
    "drift",
    "duplicates",
    "links",
    "node_versions",
    "resolution",
    "strings",
    "undeclared",
    "webpack_symlinks",
    "workspace_links",
]
