"""A check's findings kept between runs: a run on a project where nothing changed answers at once.

The run that found them went through a ``vfs.trace.TraceFS``: every question it asked of the
project's files (stats, listings, each file's bytes by digest, the files each scan of installed
code read, the folders it added up) is kept beside the findings. A later run with the same key
asks them all again (``vfs.trace.still_true``) and prints the kept findings only when every
answer is the same; one changed answer and it runs in full (its other caches still help).

The key holds what is not a file of the project: nmdoctor's version and code, the options that
choose the findings, the node the project is judged as, the node on PATH, this machine's platform,
and the ``NMDOCTOR_`` settings of the environment. A run that read something no trace follows (a
config evaluated by node) is not kept.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import cache
from typing import Any, Protocol

from nmdoctor import __version__
from nmdoctor.kept import cache_key, code_digest
from nmdoctor.vfs.trace import Trace, still_true

__all__ = ["RESULT_FORMAT", "ResultStore", "keep_result", "kept_result", "result_key"]

RESULT_FORMAT = 1  # bump when what an entry holds changes
_MAGIC = b"nmdoctor-check-result\0"
_QUIET_SETTINGS = frozenset({"NMDOCTOR_NO_PROGRESS", "NMDOCTOR_CACHE_DIR"})  # they change no finding


class ResultStore(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


@cache
def _code() -> str:
    """The digest of every module and data file of nmdoctor (an edited checkout is keyed apart)."""
    import nmdoctor

    paths: list[str] = []
    for top in nmdoctor.__path__:
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            paths.append(folder)
            paths.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".json"))
    return code_digest(tuple(paths))


def result_key(project: str, options: tuple[object, ...], node_version: str) -> str:
    """The key of a check of ``project`` (a real path) with ``options`` judged as ``node_version``."""
    from nmdoctor.lockfiles.platform import node_here, this_machine

    settings = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name.startswith("NMDOCTOR_") and name not in _QUIET_SETTINGS
    )
    machine = sorted(this_machine().items())
    return cache_key(
        __version__, RESULT_FORMAT, sys.version, _code(), project, options, node_version, machine, node_here(), settings
    )


def kept_result(store: ResultStore, key: str) -> Any:
    """The result kept under ``key`` when every question its run asked gets the same answer now;
    None otherwise (a damaged or foreign entry included)."""
    data = store.get(key)
    if data is None or not data.startswith(_MAGIC):
        return None
    try:
        entry = marshal.loads(data[len(_MAGIC) :])
        if type(entry) is not dict or not still_true(entry["trace"]):
            return None
        return entry["result"]
    except Exception:  # a damaged entry is a miss, whatever it raises
        return None


def keep_result(store: ResultStore, key: str, trace: Trace, result: Any) -> None:
    """Keep ``result`` (plain data) with the questions ``trace`` noted (not when it is untraceable)."""
    if trace.untraceable:
        return
    try:
        data = marshal.dumps({"trace": trace.data(), "result": result})
    except ValueError:  # something marshal does not hold: not kept
        return
    store.put(key, _MAGIC + data)
