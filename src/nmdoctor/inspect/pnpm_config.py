"""The project's own pnpm settings that change what pnpm installs: ``packageExtensions``.

pnpm reads them from ``pnpm-workspace.yaml`` (pnpm 10) and from the ``pnpm`` field of the root
package.json; the planner applies their peer fields (linkers.pnpm_peers).
"""

from __future__ import annotations

from typing import Any

from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.vfs.limits import load_json
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["package_extensions"]


def _read(fs: FileSystem, path: VPath, *, yaml: bool) -> Any:
    try:
        raw = fs.read_bytes(path)
    except FileSystemError:
        return None
    try:
        return load_yaml(raw) if yaml else load_json(raw.decode("utf-8-sig"))
    except (YAMLError, ValueError, UnicodeDecodeError):
        return None


def _extensions(value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        return {}
    return {str(selector): dict(entry) for selector, entry in value.items() if isinstance(entry, dict)}


def package_extensions(fs: FileSystem, project: VPath) -> dict[str, dict[str, Any]]:
    """selector ("name@range") -> extension, from package.json ``pnpm.packageExtensions`` and
    ``pnpm-workspace.yaml`` ``packageExtensions`` (the latter wins for the same selector)."""
    manifest = _read(fs, f"{project}/package.json", yaml=False)
    pnpm_field = manifest.get("pnpm") if isinstance(manifest, dict) else None
    found = _extensions(pnpm_field.get("packageExtensions") if isinstance(pnpm_field, dict) else None)
    workspace = _read(fs, f"{project}/pnpm-workspace.yaml", yaml=True)
    found.update(_extensions(workspace.get("packageExtensions") if isinstance(workspace, dict) else None))
    return found
