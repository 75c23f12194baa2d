"""Workspace packages of a project: npm/yarn ``workspaces`` globs and ``pnpm-workspace.yaml``."""

from __future__ import annotations

import fnmatch

from nmdoctor.model.manifest import Manifest
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath

__all__ = ["WorkspaceError", "own_lockfile_folders", "workspace_folders"]

_SKIP = frozenset({"node_modules", ".git"})


class WorkspaceError(ValueError):
    """The workspaces of the project cannot be read: ``workspaces`` is not a list, or a glob leaves the project."""


def _is_dir(fs: FileSystem, path: VPath) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.DIR


def _expand(fs: FileSystem, root: VPath, pattern: str) -> list[VPath]:
    """Folders under ``root`` matching a workspace glob (``*``, ``**``, ``?``, ``[...]``)."""
    parts = [part for part in pattern.strip().strip("/").split("/") if part not in ("", ".")]
    if pattern.strip().startswith("/") or ".." in parts:
        # npm and pnpm take workspace globs inside the project; walking "../../**" would read the disk.
        raise WorkspaceError(f"workspace pattern {pattern!r} leaves the project")
    current = [root]
    for index, part in enumerate(parts):
        following: list[VPath] = []
        for folder in current:
            if part == "**":
                following.extend(_descendants(fs, folder))
            elif any(char in part for char in "*?["):
                try:
                    names = fs.listdir(folder)
                except FileSystemError:
                    continue
                following.extend(
                    f"{folder}/{name}"
                    for name in names
                    if name not in _SKIP and fnmatch.fnmatchcase(name, part) and _is_dir(fs, f"{folder}/{name}")
                )
            elif _is_dir(fs, f"{folder}/{part}"):
                following.append(f"{folder}/{part}")
        current = following
        del index
    return current


def _descendants(fs: FileSystem, folder: VPath, depth: int = 0) -> list[VPath]:
    found = [folder]
    if depth > 8:
        return found
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return found
    for name in names:
        if name in _SKIP or name.startswith("."):
            continue
        child = f"{folder}/{name}"
        stat = fs.lstat(child)
        if stat is not None and stat.kind is Kind.DIR:  # "**" does not descend through links (as glob)
            found.extend(_descendants(fs, child, depth + 1))
    return found


def _pnpm_patterns(fs: FileSystem, project: VPath) -> list[str]:
    try:
        raw = fs.read_bytes(f"{project}/pnpm-workspace.yaml")
    except FileSystemError:
        return []
    from nmdoctor.yamlio import YAMLError, load_yaml  # only pnpm workspaces pay for the YAML reader

    try:
        data = load_yaml(raw)
    except YAMLError as error:  # pnpm refuses to install with it; ignoring it would drop the workspaces
        first = str(error).splitlines()[0] if str(error) else "not valid YAML"
        raise WorkspaceError(f"{project}/pnpm-workspace.yaml: not valid YAML ({first})") from None
    packages = data.get("packages") if isinstance(data, dict) else None
    if packages is not None and not isinstance(packages, list):
        # pnpm 10.34.8 stops: "packages field is not an array"
        raise WorkspaceError(f'{project}/pnpm-workspace.yaml: "packages" is not a list of globs')
    return [item for item in packages or () if isinstance(item, str)]


def workspace_folders(fs: FileSystem, project: VPath, manifest: Manifest) -> list[VPath]:
    """Folders of the project's workspace packages (each with a package.json), sorted."""
    declared = manifest.raw.get("workspaces") if isinstance(manifest.raw, dict) else None
    if isinstance(declared, dict):  # yarn's {"packages": [...], "nohoist": [...]}
        declared = declared.get("packages", [])
    if declared is not None and not isinstance(declared, list):
        raise WorkspaceError(f'{project}/package.json: "workspaces" is not a list of globs')
    patterns = list(manifest.workspaces) + _pnpm_patterns(fs, project)
    included: set[VPath] = set()
    excluded: set[VPath] = set()
    for pattern in patterns:
        negated = pattern.startswith("!")
        try:
            expanded = _expand(fs, project, pattern.lstrip("!"))
        except WorkspaceError as error:
            where = "pnpm-workspace.yaml" if pattern not in manifest.workspaces else "package.json"
            raise WorkspaceError(f"{project}/{where}: {error}") from None
        for folder in expanded:
            (excluded if negated else included).add(folder)
    result = []
    for folder in sorted(included - excluded):
        if folder == project:
            continue
        stat = fs.stat(f"{folder}/package.json")
        if stat is not None and stat.kind is Kind.FILE:
            result.append(folder)
    return result


def own_lockfile_folders(fs: FileSystem, project: VPath, manifest: Manifest) -> list[VPath]:
    """The workspace packages pnpm installed from a lockfile of their own (``shared-workspace-lockfile
    =false``): each has its own ``pnpm-lock.yaml`` and its own store, ``node_modules/.pnpm`` with the
    ``node_modules/.modules.yaml`` pnpm writes only at the root of an install (pnpm 9.15.9: a shared
    install leaves a workspace package's node_modules with links and no .modules.yaml). That
    lockfile, and the package's own ``pnpm.overrides``, govern what is installed there; the root's
    do not. A folder whose lockfile cannot be read is not one (a broken workspace raises nothing)."""
    try:
        folders = workspace_folders(fs, project, manifest)
    except WorkspaceError:
        return []
    own = [folder for folder in folders if fs.stat(f"{folder}/pnpm-lock.yaml") is not None]
    return [folder for folder in own if fs.stat(f"{folder}/node_modules/.modules.yaml") is not None]
