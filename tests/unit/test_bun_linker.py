"""Which linker ``bun install`` uses, read from the files (the install tests check each against real
bun 1.4.5: tests/installs/test_bun_installs.py)."""

from __future__ import annotations

from typing import Any

import pytest

from nmdoctor.project.install_settings import bun_linker
from nmdoctor.vfs import MemoryFS

NEW_LOCK = '{\n  "lockfileVersion": 1,\n  "configVersion": 1,\n  "workspaces": {}\n}\n'
OLD_LOCK = '{\n  "lockfileVersion": 1,\n  "workspaces": {}\n}\n'
MONO: dict[str, Any] = {"name": "mono", "workspaces": ["packages/*"]}
SINGLE: dict[str, Any] = {"name": "app"}


@pytest.mark.parametrize(
    ("manifest", "files", "expected"),
    [
        (MONO, {"/p/bun.lock": NEW_LOCK}, "isolated"),  # bun >= 1.3.2's default for workspaces
        (SINGLE, {"/p/bun.lock": NEW_LOCK}, "hoisted"),  # ... and hoisted for one package
        (MONO, {"/p/bun.lock": OLD_LOCK}, "hoisted"),  # a lockfile from before configVersion
        ({"name": "mono", "workspaces": {"packages": ["a"]}}, {"/p/bun.lock": NEW_LOCK}, "isolated"),
        (MONO, {"/p/bun.lock": NEW_LOCK, "/p/bunfig.toml": '[install]\nlinker = "hoisted"\n'}, "hoisted"),
        (SINGLE, {"/p/bun.lock": OLD_LOCK, "/p/bunfig.toml": '[install]\nlinker = "isolated"\n'}, "isolated"),
        (
            {"name": "mono", "workspaces": {"packages": ["a"], "nodeLinker": "hoisted"}},
            {"/p/bun.lock": NEW_LOCK},
            "hoisted",
        ),
        # a linker given on the command line: the installed tree tells which
        (MONO, {"/p/bun.lock": NEW_LOCK, "/p/node_modules/x/package.json": "{}"}, "hoisted"),
        (
            SINGLE,
            {"/p/bun.lock": OLD_LOCK, "/p/node_modules/.bun/x@1.0.0/node_modules/x/package.json": "{}"},
            "isolated",
        ),
        (MONO, {"/p/bun.lock": NEW_LOCK, "/p/bunfig.toml": "not = [toml"}, "isolated"),  # unreadable: ignored
    ],
)
def test_the_linker_bun_uses(manifest: dict[str, Any], files: dict[str, str], expected: str) -> None:
    fs = MemoryFS.from_mapping({"/p/package.json": manifest, **files})
    assert bun_linker(fs, "/p", manifest) == expected
