"""Which lockfile a project has, and reading it by its kind."""

from __future__ import annotations

from typing import Any

from nmdoctor.lockfiles.bun import read_bun_lockfile
from nmdoctor.lockfiles.model import Lockfile, LockfileError
from nmdoctor.lockfiles.npm import read_npm_lockfile
from nmdoctor.lockfiles.pnpm import read_pnpm_lockfile
from nmdoctor.lockfiles.yarn import read_yarn_lockfile
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath
from nmdoctor.vfs.limits import load_json

__all__ = ["LOCKFILE_NAMES", "find_lockfile", "read_lockfile"]

# npm-shrinkwrap.json wins over package-lock.json, as in npm.
LOCKFILE_NAMES = ("npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock")
_PREFERRED = {"pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "npm": "package-lock.json", "bun": "bun.lock"}


def find_lockfile(fs: FileSystem, project: VPath, layout: str = "unknown") -> VPath | None:
    """The project's lockfile; when several exist, the one of the manager that wrote the tree."""
    present = []
    for name in LOCKFILE_NAMES:
        stat = fs.stat(f"{project}/{name}")
        if stat is not None and stat.kind is Kind.FILE:
            present.append(name)
    if not present:
        return None
    manager = layout.split("-", 1)[0]
    preferred = _PREFERRED.get(manager)
    if preferred in present and not (manager == "npm" and "npm-shrinkwrap.json" in present):
        return f"{project}/{preferred}"
    return f"{project}/{present[0]}"


def read_lockfile(fs: FileSystem, path: VPath, root_manifest: dict[str, Any] | None = None) -> Lockfile:
    try:
        text = fs.read_bytes(path).decode("utf-8-sig")
    except FileSystemError as error:
        raise LockfileError(f"{path}: cannot read ({error})") from None
    except UnicodeDecodeError:
        raise LockfileError(f"{path}: not UTF-8 text") from None
    name = path.rpartition("/")[2]
    if name.endswith(".json"):
        return read_npm_lockfile(text, path, root_manifest)
    if name == "pnpm-lock.yaml":
        return read_pnpm_lockfile(text, path)
    if name == "yarn.lock":
        return read_yarn_lockfile(text, path, root_manifest)
    if name == "bun.lock":
        return read_bun_lockfile(text, path, root_manifest)
    raise LockfileError(f"{path}: not a lockfile nmdoctor knows")


def manifest_json(fs: FileSystem, project: VPath) -> dict[str, Any] | None:
    try:
        data = load_json(fs.read_bytes(f"{project}/package.json"))
    except (FileSystemError, ValueError):
        return None
    return data if isinstance(data, dict) else None
