"""The real bun, pinned, from the npm registry: its binary ships inside ``@oven/bun-linux-x64``,
installed with npm into tests/node_tools/bun (once; later runs reuse it)."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path

BUN_VERSION = "1.4.5"
FOLDER = Path(__file__).resolve().parents[1] / "node_tools" / "bun"
BINARY = FOLDER / "node_modules" / "@oven" / "bun-linux-x64" / "bin" / "bun"


def bun_binary() -> Path | None:
    """The pinned bun, installed on first use; None where it cannot be had (another platform,
    no npm, no registry)."""
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        return None
    if not BINARY.exists():
        if shutil.which("npm") is None:
            return None
        FOLDER.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(FOLDER),
                f"@oven/bun-linux-x64@{BUN_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0 or not BINARY.exists():
            return None
    return BINARY


def bun_install(binary: Path, dest: Path, registry: str, *linker: str) -> None:
    """``bun install`` in ``dest`` from ``registry``, with its own cache and HOME."""
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "bun_"))}
    env.update(
        {"HOME": str(dest.parent / f".home-{dest.name}"), "BUN_INSTALL_CACHE_DIR": str(dest.parent / ".bun-cache")}
    )
    result = subprocess.run(
        [str(binary), "install", f"--registry={registry}", "--ignore-scripts", *linker],
        cwd=dest,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bun install failed in {dest}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
