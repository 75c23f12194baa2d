"""Run nmdoctor on a hostile tree as a separate process under a memory and a time cap.

Every run must end with exit 0, 1 or 2, no traceback, a one-line message on exit 2, no raw control
character on standard output, and the scanned tree exactly as it was (nmdoctor only reads).
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NMDOCTOR = str(Path(sys.executable).with_name("nmdoctor"))
MEMORY_BYTES = 3 << 30  # address space: the interpreter, tree-sitter's grammars, and the input
CPU_SECONDS = 60
WALL_SECONDS = 90
_PR_CAPBSET_DROP = 24
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def _drop_capabilities() -> None:
    """Empty the capability bounding set: root then execs with no capabilities at all, so file
    permissions apply to it as to anyone (the inheritable set is empty already)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in range(64):
        libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0)


def _caps(unprivileged: bool) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if unprivileged:
            _drop_capabilities()

    return apply


def state(root: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under ``root`` (links not followed): kind, size, modification time, link target."""
    found: dict[str, tuple[object, ...]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            target = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
            found[os.path.relpath(path, root)] = (stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, target)
    return found


def run(args: list[str], *, cwd: Path, watch: Path | None = None, unprivileged: bool = False) -> Run:
    """``nmdoctor ARGS`` in ``cwd`` under the caps; asserts the rules every hostile run must keep."""
    watched = watch or cwd
    before = state(watched)
    env = {**os.environ, "NMDOCTOR_NO_PROGRESS": "1", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    process = subprocess.run(
        [NMDOCTOR, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=WALL_SECONDS,
        preexec_fn=_caps(unprivileged),
        check=False,
    )
    result = Run(
        process.returncode,
        process.stdout.decode("utf-8", "surrogateescape"),
        process.stderr.decode("utf-8", "surrogateescape"),
    )
    label = f"nmdoctor {' '.join(args)}"
    assert result.returncode in (0, 1, 2), (label, result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, (label, result.stderr[-3000:])
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (label, result.stderr[-2000:])
    assert not _RAW_CONTROL.search(result.stdout), (label, result.stdout[:2000])
    assert not _RAW_CONTROL.search(result.stderr), (label, result.stderr[:2000])
    assert state(watched) == before, label
    return result
