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
import re

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.scripts import bins_of, simple_commands

__all__ = ["bin_run_by_dependents", "shim_running"]

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


# a test of the package: its runner loads it, not the package's executables
_TEST_FILE = re.compile(r"(^|/)(tests?|__tests__|__mocks__|spec|e2e)/|\.(test|spec)\.[cm]?[jt]sx?$")


def bin_run_by_dependents(graph: DependencyGraph, owner: Instance, file: str) -> tuple[Instance, str] | None:
    """A package that declares ``owner`` and a script of it that starts an executable of ``owner``
    (vant's ``"build": "vant-cli build"``, @vant/cli a workspace it declares), when ``file`` is code of
    ``owner`` (not a test): the shell finds the executable in ``node_modules/.bin``, under pnpm a shim
    that puts ``node_modules/.pnpm/node_modules`` on ``NODE_PATH`` for the node it starts, and the
    executable runs ``owner``'s code in that node (real pnpm 10.34.8: a ``require``, or one made by
    ``createRequire``, of a name pnpm hoists there works through the dependent's script and fails
    with node started on the executable by hand). None when no such script exists."""
    if not file.startswith(owner.path + "/") or _TEST_FILE.search(file[len(owner.path) + 1 :]):
        return None
    bins = bins_of(owner)
    if not bins:
        return None
    for edge in graph.dependents(owner):
        for command in scripts_of(edge.source.manifest.raw).values():
            for words in simple_commands(command):
                if words and words[0] in bins:
                    return edge.source, words[0]
    return None
