"""Which lockfile a project has, and reading it by its kind."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from nmdoctor.inspect.workspaces import WorkspaceError, workspace_folders
from nmdoctor.lockfiles.model import Lockfile, LockfileError
from nmdoctor.model.manifest import declared_package_manager, manifest_from_json
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath
from nmdoctor.vfs.limits import load_json

# Each reader is imported when a lockfile of its kind is read: an npm project does not load the
# YAML reader, pnpm's store naming or yarn's parser.

__all__ = ["LOCKFILE_MANAGERS", "LOCKFILE_NAMES", "find_lockfile", "read_lockfile", "yarnrc_package_extensions"]

# Each lockfile's manager; in order of precedence (npm-shrinkwrap.json wins over
# package-lock.json, as in npm).
LOCKFILE_MANAGERS = {
    "npm-shrinkwrap.json": "npm",
    "package-lock.json": "npm",
    "pnpm-lock.yaml": "pnpm",
    "yarn.lock": "yarn",
    "bun.lock": "bun",
}
LOCKFILE_NAMES = tuple(LOCKFILE_MANAGERS)
_LOCKFILE_VERSION = re.compile(r"^lockfileVersion:\s*['\"]?([\d.]+)", re.MULTILINE)
_PREFERRED = {"pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "npm": "package-lock.json", "bun": "bun.lock"}


def find_lockfile(fs: FileSystem, project: VPath, layout: str = "unknown") -> VPath | None:
    """The project's lockfile; when several exist, the one of the manager that wrote the tree, else
    (nothing installed, or a tree no manager marks) the one of the manager package.json's
    ``packageManager`` names (pmndrs/zustand keeps a package-lock.json beside the pnpm-lock.yaml
    of its ``pnpm@11.3.0``)."""
    present = []
    for name in LOCKFILE_NAMES:
        stat = fs.stat(f"{project}/{name}")
        if stat is not None and stat.kind is Kind.FILE:
            present.append(name)
    if not present:
        return None
    manager = layout.split("-", 1)[0]
    if manager not in _PREFERRED and len(present) > 1:
        manager = _declared_manager(fs, project) or manager
    preferred = _PREFERRED.get(manager)
    if preferred in present and not (manager == "npm" and "npm-shrinkwrap.json" in present):
        return f"{project}/{preferred}"
    return f"{project}/{present[0]}"


def _declared_manager(fs: FileSystem, project: VPath) -> str | None:
    """The manager the root package.json's ``packageManager`` names (``pnpm@11.3.0``: pnpm), else
    the ``npmClient`` of lerna.json, with which ``lerna bootstrap`` installs (serverless-lerna-yarn-
    starter: `"npmClient": "yarn"`, a yarn.lock kept up to date beside a stale package-lock.json)."""
    declared = declared_package_manager(manifest_json(fs, project))
    if declared is not None:
        return declared[0]
    try:
        lerna = load_json(fs.read_bytes(f"{project}/lerna.json"))
    except (FileSystemError, ValueError):
        return None
    client = lerna.get("npmClient") if isinstance(lerna, dict) else None
    return client if client in _PREFERRED else None


def read_lockfile(fs: FileSystem, path: VPath, root_manifest: dict[str, Any] | None = None) -> Lockfile:
    try:
        text = fs.read_bytes(path).decode("utf-8-sig")
    except FileSystemError as error:
        raise LockfileError(f"{path}: cannot read ({error})") from None
    except UnicodeDecodeError:
        raise LockfileError(f"{path}: not UTF-8 text") from None
    name = path.rpartition("/")[2]
    if name.endswith(".json"):
        from nmdoctor.lockfiles.npm import read_npm_lockfile

        return read_npm_lockfile(text, path, root_manifest)
    if name == "pnpm-lock.yaml":
        from nmdoctor.lockfiles.pnpm import main_document, read_pnpm_lockfile
        from nmdoctor.lockfiles.pnpm_modules import store_naming

        text = main_document(text)
        version = _LOCKFILE_VERSION.search(text)
        naming = store_naming(fs, path.rpartition("/")[0], version.group(1) if version else "9.0", root_manifest)
        return read_pnpm_lockfile(text, path, naming=naming)
    if name == "yarn.lock":
        from nmdoctor.lockfiles.yarn import read_yarn_lockfile

        project = path.rpartition("/")[0]
        if "__metadata:" in text:
            yarnrc = _yarnrc(fs, project)
            return read_yarn_lockfile(
                text, path, root_manifest, catalogs=_catalogs(yarnrc), package_extensions=_package_extensions(yarnrc)
            )
        workspaces = _workspace_manifests(fs, project, root_manifest) if root_manifest is not None else None
        return _copied_folder_names(fs, project, read_yarn_lockfile(text, path, root_manifest, workspaces))
    if name == "bun.lock":
        from nmdoctor.lockfiles.bun import read_bun_lockfile

        return read_bun_lockfile(text, path, root_manifest)
    raise LockfileError(f"{path}: not a lockfile nmdoctor knows")


def _copied_folder_names(fs: FileSystem, project: VPath, lock: Lockfile) -> Lockfile:
    """yarn 1 installs a ``file:`` folder as a copy of it, under the dependency's name but with the
    folder's package.json, its name included (real yarn 1.22.22: ``"w": "file:./vendor/v"`` puts
    v's package.json at node_modules/w); yarn.lock records only the dependency's name."""
    for package in lock.packages.values():
        if package.directory is None:
            continue
        found = manifest_json(fs, posixpath.normpath(f"{project}/{package.directory}"))
        name = found.get("name") if found is not None else None
        if isinstance(name, str) and name:
            package.name = name
    return lock


def manifest_json(fs: FileSystem, project: VPath) -> dict[str, Any] | None:
    try:
        data = load_json(fs.read_bytes(f"{project}/package.json"))
    except (FileSystemError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _workspace_manifests(fs: FileSystem, project: VPath, root_manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """folder relative to the project -> package.json of each workspace (yarn 1 does not lock them)."""
    found = {}
    try:
        folders = workspace_folders(fs, project, manifest_from_json(root_manifest))
    except WorkspaceError as error:  # "workspaces": 5, or a glob that leaves the project: FILE: problem
        raise LockfileError(str(error)) from None
    for folder in folders:
        data = manifest_json(fs, folder)
        if data is not None:
            found[folder[len(project) + 1 :]] = data
    return found


def _yarnrc(fs: FileSystem, project: VPath) -> dict[str, Any]:
    """The project's ``.yarnrc.yml`` (empty when absent or unreadable)."""
    from nmdoctor.yamlio import YAMLError, load_yaml

    try:
        data = load_yaml(fs.read_bytes(f"{project}/.yarnrc.yml").decode("utf-8-sig"))
    except (FileSystemError, UnicodeDecodeError, YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _catalogs(yarnrc: dict[str, Any]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    named = yarnrc.get("catalogs") if isinstance(yarnrc.get("catalogs"), dict) else {}
    for name, entries in [("", yarnrc.get("catalog")), *named.items()]:
        if isinstance(entries, dict):
            found[str(name)] = {str(key): str(value) for key, value in entries.items()}
    return found


def yarnrc_package_extensions(fs: FileSystem, project: VPath) -> dict[str, Any]:
    """The ``packageExtensions`` of the project's ``.yarnrc.yml`` (selector -> extension)."""
    return _package_extensions(_yarnrc(fs, project))


def _package_extensions(yarnrc: dict[str, Any]) -> dict[str, Any]:
    extensions = yarnrc.get("packageExtensions")
    return {str(key): value for key, value in extensions.items()} if isinstance(extensions, dict) else {}
