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
)

__all__ = ["drift", "duplicates", "links", "node_versions", "resolution", "strings", "undeclared", "webpack_symlinks"]
