"""Files a package's scripts run with node as the argument of a package's executable.

``"start": "cross-env SOCKET=true node ./scripts/watch.js"``: the shell runs ``cross-env`` from
``node_modules/.bin``, which under pnpm's isolated layout is a shim that puts
``node_modules/.pnpm/node_modules`` on ``NODE_PATH`` before it starts the package; the package starts
``node``, which inherits that environment, so the file's ``require`` finds what pnpm hoists there
(real pnpm 10.34.8: the same file run by ``"node ./scripts/watch.js"`` does not). Only a file every
script that runs it runs that way counts: one script starting it with ``node`` itself is enough for
the require to fail.
"""

from __future__ import annotations

import posixpath

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.scripts import bins_of, simple_commands

__all__ = ["shim_running"]

_SUFFIXES = ("", ".js", ".cjs", "/index.js")


def _node_runs(words: list[str], start: int, owner: Instance, file: str) -> bool:
    """Do ``words[start:]`` start ``node`` (its options first) on ``file``?"""
    if start >= len(words) or words[start] != "node":
        return False
    for word in words[start + 1 :]:
        if word.startswith("-"):
            continue
        target = posixpath.normpath(posixpath.join(owner.path, word))
        return any(target + suffix == file for suffix in _SUFFIXES)
    return False


def shim_running(graph: DependencyGraph, owner: Instance, file: str) -> str | None:
    """The executable (of a package ``owner`` declares) whose command starts ``node`` on ``file``,
    when every script of ``owner`` that runs ``file`` does so through one; None otherwise (no script
    runs it, or one runs it with ``node`` itself)."""
    if not file.startswith(owner.path + "/"):
        return None
    bins = {name for edge in graph.edges_from(owner) if edge.target is not None for name in bins_of(edge.target)}
    wrapper: str | None = None
    for command in scripts_of(owner.manifest.raw).values():
        for words in simple_commands(command):
            if _node_runs(words, 0, owner, file):
                return None
            if words[0] not in bins:
                continue
            for index in range(1, len(words)):
                if _node_runs(words, index, owner, file):
                    wrapper = words[0]
                    break
    return wrapper
