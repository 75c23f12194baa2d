"""Is a locked package installable on this machine? The ``os``/``cpu``/``libc`` conditions a
lockfile records, matched as the managers match them (npm-install-checks): a package is skipped
when a listed value excludes this machine, and every manager skips such an optional package. pnpm
and npm also skip an optional package whose ``engines.node`` the installing node (the one on PATH)
does not satisfy (npm v2/v3 lockfiles record it; v1 and yarn.lock v1 do not)."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Protocol

__all__ = [
    "installable_here",
    "installable_on",
    "keep_node_versions",
    "node_here",
    "platforms_from_name",
    "this_machine",
]

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


def installable_on(conditions: Mapping[str, Sequence[str]], supported: Mapping[str, Sequence[str]]) -> bool:
    """Whether yarn installs a package with ``conditions`` for one of the ``supported`` platforms
    (``supportedArchitectures``: each field is matched on its own, as yarn matches them)."""
    return all(
        any(_allows(conditions.get(key, ()), value) for value in supported.get(key) or ("",))
        for key in ("os", "cpu", "libc")
    )


_FIELDS = ("os", "cpu", "libc")
# The name tokens pnpm 11 reads a platform from (config/package-is-installable,
# inferPlatformFromPackageName, in pnpm 11.29.0).
_BY_TOKEN: dict[str, dict[str, str]] = {
    "os": {
        "aix": "aix",
        "android": "android",
        "darwin": "darwin",
        "macos": "darwin",
        "osx": "darwin",
        "freebsd": "freebsd",
        "linux": "linux",
        "netbsd": "netbsd",
        "openbsd": "openbsd",
        "openharmony": "openharmony",
        "sunos": "sunos",
        "win32": "win32",
        "windows": "win32",
    },
    "cpu": {
        "arm": "arm",
        "armv6": "arm",
        "armv7": "arm",
        "arm64": "arm64",
        "aarch64": "arm64",
        "ia32": "ia32",
        "loong64": "loong64",
        "mips64el": "mips64el",
        "ppc64": "ppc64",
        "ppc64le": "ppc64",
        "riscv64": "riscv64",
        "s390x": "s390x",
        "x64": "x64",
        "amd64": "x64",
        "wasm32": "wasm32",
    },
    "libc": {"glibc": "glibc", "gnu": "glibc", "gnueabihf": "glibc", "musl": "musl", "musleabihf": "musl"},
}


def platforms_from_name(
    name: str, platforms: Mapping[str, Sequence[str]], *, libc: bool = True
) -> dict[str, tuple[str, ...]]:
    """The conditions pnpm 11 checks for an optional package: the ones it declares, the missing
    ones read from its name (``effectivePlatform``, pnpm 11.29.0; from 11.6.0, narrowed in 11.28.12
    to names with a cpu or libc token besides the os one when nothing is declared):
    ``sherif-linux-x64-musl``, which declares only os and cpu, is skipped on glibc. pnpm 10 reads
    the declared fields alone. Without ``libc``, the name's libc token is not read (yarn 1 checks
    os and cpu only)."""
    declared = {key: tuple(platforms[key]) for key in _FIELDS if platforms.get(key) is not None}
    if len(declared) == len(_FIELDS):
        return declared
    bare = name.split("/", 1)[1] if name.startswith("@") and "/" in name else name
    tokens = re.split(r"[-_.]", bare.lower())
    inferred = {
        key: found
        for key, table in _BY_TOKEN.items()
        if (libc or key != "libc")
        and (found := tuple(dict.fromkeys(table[token] for token in tokens if token in table)))
    }
    if not inferred or (not declared and not ("os" in inferred and ("cpu" in inferred or "libc" in inferred))):
        return declared
    return {
        key: declared[key] if key in declared else inferred[key]
        for key in _FIELDS
        if key in declared or key in inferred
    }


class _VersionStore(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


_NODE_VERSIONS: list[_VersionStore] = []  # where `node --version` answers are kept between runs


def keep_node_versions(store: _VersionStore) -> None:
    """Keep what ``node --version`` answered in ``store`` (the user cache), keyed by the binary's
    path, size, inode and modification time: a run after the first does not start node again."""
    _NODE_VERSIONS[:] = [store]
    node_here.cache_clear()


@cache
def node_here() -> str | None:
    """The version of the ``node`` on PATH (``20.20.2``), or None without one."""
    node = shutil.which("node")
    if node is None:
        return None
    key = None
    if _NODE_VERSIONS:
        try:
            real = os.path.realpath(node)
            found = os.stat(real)
        except OSError:
            pass
        else:
            from nmdoctor.kept import cache_key  # only a kept answer needs it (and hashlib with it)

            key = cache_key("node-version", real, found.st_size, found.st_ino, found.st_mtime_ns)
            kept = _NODE_VERSIONS[0].get(key)
            if kept is not None and _VERSION.fullmatch(kept.decode("ascii", "replace")):
                return kept.decode("ascii")
    try:
        done = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    found_version = _VERSION.fullmatch(done.stdout.strip())
    if found_version is None:
        return None
    if key is not None:
        _NODE_VERSIONS[0].put(key, found_version.group(1).encode("ascii"))
    return found_version.group(1)


_VERSION = re.compile(r"v?(\d+\.\d+\.\d+)")
