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
    ambiguous_escapes: bool = False,
    trailing_escapes: bool | None = None,
) -> str:
    """The folder name under ``node_modules/.pnpm`` of the instance with this lockfile key.

    pnpm 10 hashes long or upper-case names with SHA-256 (32 hex characters); earlier versions with
    MD5 in base32 (26 characters), and did not escape ``#``. Versions without the
    ``virtualStoreDirMaxLength`` setting (``short_prefix``: pnpm 8 and before) kept only the first
    50 characters before the hash.

    ``ambiguous_escapes`` (pnpm 11.28.5 and later): a key whose location holds a character the name
    escapes to ``+`` (a git commit after ``#``, a ``+`` or ``:`` in a URL) is hashed whatever its
    length, from the key itself, so that no two keys share a folder; ``trailing_escapes`` (pnpm
    11.28.0 and later; by default as ``ambiguous_escapes``): a name ending in dots or spaces has them
    escaped to ``+`` and is hashed: ``gitpkg@git+https://host/repo#<commit>`` is installed at
    ``gitpkg@git+https+++host+repo+<commit>`` by pnpm 11.28.4 and at its first 87 characters and
    ``_<sha256 of the key>`` by 11.28.5 and 11.29.0.
    """
    unsafe = _UNSAFE if pnpm_major >= 10 else _UNSAFE_BEFORE_10
    filename = unsafe.sub("+", _unescaped(dep_path, lockfile_version))
    if "(" in filename:
        filename = re.sub(r"\)\(|\(|\)", "_", re.sub(r"\)$", "", filename))
    hash_input, forced = filename, False
    if ambiguous_escapes and _escapes_ambiguously(dep_path):
        hash_input, forced = dep_path, True
    if ambiguous_escapes if trailing_escapes is None else trailing_escapes:
        stripped = filename.rstrip(". ")
        if len(stripped) < len(filename):
            filename, forced = stripped + "+" * (len(filename) - len(stripped)), True
    if forced or len(filename) > max_length or (filename != filename.lower() and not filename.startswith("file+")):
        if pnpm_major >= 10:
            digest = hashlib.sha256(hash_input.encode()).hexdigest()[:32]
            return f"{filename[: max_length - 33]}_{digest}"
        encoded = base64.b32encode(hashlib.md5(filename.encode()).digest()).decode().lower().rstrip("=")
        return f"{filename[: 50 if short_prefix else max_length - 27]}_{encoded}"
    return filename


_RESERVED_PREFIXES = frozenset(
    (
        *("bitbucket", "catalog", "custom", "file", "git", "github", "gitlab", "http", "https"),
        *("jsr", "link", "npm", "runtime", "ssh", "workspace"),
    )
)
_REGISTRY_NAME = re.compile(r"^[A-Za-z][\w.-]*$")
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def _escapes_ambiguously(dep_path: str) -> bool:
    """pnpm 11.28.5's hasAmbiguousEscape: the version of the key is a location (``scheme:...``, not a
    named registry's ``name:1.2.3``) holding a character that escapes to ``+``."""
    package_id = dep_path.split("(", 1)[0]
    package_id = package_id[1:] if package_id.startswith("/") else package_id
    is_file = package_id.startswith("file:")
    separator = package_id.find("@", 1)
    if not is_file and separator == -1:
        return False
    version = package_id if is_file else package_id[separator + 1 :]
    scheme_end = version.find(":")
    if scheme_end == -1:
        return False
    scheme = version[:scheme_end]
    named_registry = scheme not in _RESERVED_PREFIXES and _REGISTRY_NAME.match(scheme) is not None
    if named_registry and _SEMVER.match(version[scheme_end + 1 :]):
        return False  # a named registry's version
    location = version[scheme_end + 1 :]
    location = location[2:] if location.startswith("//") else location
    return re.search(r'[+\\:*?"<>|#]', location) is not None


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
    ambiguous_escapes: bool = False,
    trailing_escapes: bool | None = None,
) -> str:
    """Install location of an instance in the isolated layout, relative to the project root."""
    folder = dep_path_to_filename(
        dep_path,
        lockfile_version,
        pnpm_major=pnpm_major,
        max_length=max_length,
        short_prefix=short_prefix,
        ambiguous_escapes=ambiguous_escapes,
        trailing_escapes=trailing_escapes,
    )
    return f"node_modules/.pnpm/{folder}/node_modules/{name}"
