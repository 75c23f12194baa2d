"""How many bytes each installed package folder holds on disk.

A package's own files only: nested ``node_modules`` folders are other instances and are counted
there. Links are not followed (pnpm links its dependencies into the store folder beside the package,
not inside it), so every byte is counted once.
"""

from __future__ import annotations

import os

from nmdoctor.model.graph import DependencyGraph

__all__ = ["folder_size", "package_sizes"]


def folder_size(path: str) -> int | None:
    """Bytes in the regular files under ``path`` (not in ``node_modules``); None if unreadable."""
    total = 0
    pending = [path]
    readable = False
    while pending:
        folder = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        readable = True
        with entries:
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "node_modules":
                            pending.append(entry.path)
                    elif entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
                except OSError:
                    continue
    return total if readable else None


def package_sizes(graph: DependencyGraph) -> dict[str, int | None]:
    """Size of every non-root instance, by its path (None where the folder is not on this disk)."""
    return {item.path: folder_size(item.path) for item in graph.instances if not (item.is_project or item.is_workspace)}
