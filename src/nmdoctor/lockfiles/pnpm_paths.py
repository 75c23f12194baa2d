"""pnpm dep paths: parsing lockfile keys and naming their virtual-store folders (depPathToFilename)."""

from __future__ import annotations

import base64
import hashlib
import re

__all__ = ["dep_path_to_filename", "split_dep_path", "store_path"]

_UNSAFE = re.compile(r'[\\/:*?"<>|#]')
_UNSAFE_BEFORE_10 = re.compile(r'[\\/:*?"<>|]')


def _unescaped(dep_path: str, lockfile_version: str) -> str:
    if dep_path.startswith("file:"):
        return dep_path.replace(":", "+", 1)
    if dep_path.startswith("/"):
        dep_path = dep_path[1:]
    # v5 keys are name/version[_peers]: versions and peer suffixes hold no "/", names may hold "_".
    index = dep_path.rfind("/") if lockfile_version.startswith("5") else dep_path.find("@", 1)
    if index == -1:
        return dep_path
    return f"{dep_path[:index]}@{dep_path[index + 1 :]}"


def dep_path_to_filename(
    dep_path: str,
    lockfile_version: str,
    *,
    pnpm_major: int = 10,
    max_length: int = 120,
    short_prefix: bool = False,
) -> str:
    """The folder name under ``node_modules/.pnpm`` of the instance with this lockfile key.

    pnpm 10 hashes long or upper-case names with SHA-256 (32 hex characters); earlier versions with
    MD5 in base32 (26 characters), and did not escape ``#``. Versions without the
    ``virtualStoreDirMaxLength`` setting (``short_prefix``: pnpm 8 and before) kept only the first
    50 characters before the hash.
    """
    unsafe = _UNSAFE if pnpm_major >= 10 else _UNSAFE_BEFORE_10
    filename = unsafe.sub("+", _unescaped(dep_path, lockfile_version))
    if "(" in filename:
        filename = re.sub(r"\)\(|\(|\)", "_", re.sub(r"\)$", "", filename))
    if len(filename) > max_length or (filename != filename.lower() and not filename.startswith("file+")):
        if pnpm_major >= 10:
            digest = hashlib.sha256(filename.encode()).hexdigest()[:32]
            return f"{filename[: max_length - 33]}_{digest}"
        encoded = base64.b32encode(hashlib.md5(filename.encode()).digest()).decode().lower().rstrip("=")
        return f"{filename[: 50 if short_prefix else max_length - 27]}_{encoded}"
    return filename


def split_dep_path(dep_path: str, lockfile_version: str) -> tuple[str, str, str]:
    """(name, version, suffix) of a registry dep path; the suffix holds peers and patch hashes."""
    path = dep_path[1:] if dep_path.startswith("/") else dep_path
    if lockfile_version.startswith("5"):
        # "@types/babel__core/7.1.0_@babel+core@7.0.0": the peers start at the first "_" after the
        # last "/" (a peer suffix spells "/" as "+"), not at the first "_" of the name.
        slash = path.rfind("/")
        peers = path.find("_", slash + 1)
        core, suffix = (path[:peers], path[peers:]) if peers != -1 else (path, "")
        name, _, version = core.rpartition("/")
        return name, version, suffix
    paren = path.find("(")
    core, suffix = (path[:paren], path[paren:]) if paren != -1 else (path, "")
    at = core.find("@", 1)
    if at == -1:
        return core, "", suffix
    return core[:at], core[at + 1 :], suffix


def store_path(
    dep_path: str,
    name: str,
    lockfile_version: str,
    *,
    pnpm_major: int = 10,
    max_length: int = 120,
    short_prefix: bool = False,
) -> str:
    """Install location of an instance in the isolated layout, relative to the project root."""
    folder = dep_path_to_filename(
        dep_path, lockfile_version, pnpm_major=pnpm_major, max_length=max_length, short_prefix=short_prefix
    )
    return f"node_modules/.pnpm/{folder}/node_modules/{name}"
