"""Writes the in-memory case trees of tests/data/resolve_cases.py to disk and back."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from nmdoctor.vfs import Dir, MemoryFS, Symlink
from tests.data.resolve_cases import Case

MEMORY_ROOT = "/work/proj"


def _content(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    return json.dumps(value).encode()


def memory_tree(case: Case) -> MemoryFS:
    fs = MemoryFS.from_mapping({f"{MEMORY_ROOT}/{path}": value for path, value in case.tree.items()})
    fs.add_dir(MEMORY_ROOT)
    return fs


def write_tree(case: Case, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for relative, value in case.tree.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, Symlink):
            os.symlink(value.target, target)
        elif isinstance(value, Dir):
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.write_bytes(_content(value))


def request_for(case: Case, root: str) -> str:
    return case.request.replace("{root}", root)


def expected_for(case: Case, root: str) -> tuple[str | None, str | None]:
    """(resolved, error) as the batch contract spells them."""
    if case.expected.startswith(("ERR_", "MODULE_NOT_FOUND")):
        return None, case.expected
    if case.expected.startswith("node:"):
        return case.expected, None
    return f"{root}/{case.expected}", None
