"""Is a locked package installable on this machine? The ``os``/``cpu``/``libc`` conditions a
lockfile records, matched as the managers match them (npm-install-checks): a package is skipped
when a listed value excludes this machine, and every manager skips such an optional package."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Mapping, Sequence

__all__ = ["installable_here", "this_machine"]

_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64", "i386": "ia32", "i686": "ia32"}


def this_machine() -> dict[str, str]:
    """node's ``process.platform``, ``process.arch`` and the libc family of this machine."""
    machine = platform.machine().lower()
    libc = ""
    if sys.platform == "linux":
        libc = "glibc" if platform.libc_ver()[0] == "glibc" else "musl" if _musl() else ""
    return {"os": sys.platform, "cpu": _ARCH.get(machine, machine), "libc": libc}


def _musl() -> bool:
    try:
        return any(name.startswith("ld-musl") for name in os.listdir("/lib"))
    except OSError:
        return False


def _allows(values: Sequence[str], current: str) -> bool:
    if not values or not current:
        return True
    if f"!{current}" in values:
        return False
    positive = [value for value in values if not value.startswith("!")]
    return not positive or current in positive or "any" in positive


def installable_here(conditions: Mapping[str, Sequence[str]], machine: Mapping[str, str] | None = None) -> bool:
    machine = machine or this_machine()
    return all(_allows(conditions.get(key, ()), machine.get(key, "")) for key in ("os", "cpu", "libc"))
