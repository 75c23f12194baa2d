"""The folders node searches for a package from a given folder (NODE_MODULES_PATHS of the CommonJS
loader), apart from the resolver: reading an installed tree needs this and none of the resolver."""

from __future__ import annotations

from nmdoctor.vfs._walk import normalize

__all__ = ["node_modules_paths"]


def node_modules_paths(start: str) -> list[str]:
    """NODE_MODULES_PATHS(START): every ancestor's node_modules, never ``node_modules/node_modules``."""
    start = normalize(start) if start else "/"
    if start == "/":
        return ["/node_modules"]
    paths = []
    parts = start.split("/")
    for index in range(len(parts) - 1, 0, -1):
        if parts[index] == "node_modules":
            continue
        paths.append("/".join(parts[: index + 1]) + "/node_modules")
    paths.append("/node_modules")
    return paths
