"""Yarn 4's ``patch:`` specs under pnpm.

``yarn patch-commit -s`` writes a patched dependency as ``"lib":
"patch:lib@npm%3A1.0.0#~/.yarn/patches/lib-npm-1.0.0-<hash>.patch"`` (in ``dependencies`` for a
direct dependency, in ``resolutions`` for a transitive one). pnpm reads no such protocol: pnpm
10.34.8 takes the spec for a folder path and links one that does not exist (``pnpm import``
succeeds, node then throws ``Cannot find module 'lib'``), pnpm 12.26.0 refuses it
(``ERR_PNPM_UNSUPPORTED_PROTOCOL``). In ``resolutions`` the same spec breaks every copy under pnpm 10
and is dropped, with the patch, by pnpm 11 and later (which ignore ``resolutions``).

pnpm's own way reads yarn's patch file as it is: the plain version in package.json and the file
under ``patchedDependencies`` in pnpm-workspace.yaml (real pnpm 10.34.8 installs the patched code).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.migrate.selectors import PNPM_TARGETS, pins_pnpm_10_or_earlier
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import manifest_file, relative
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["locked_version", "patch_parts", "unread_patches"]

_FIELDS = ("dependencies", "devDependencies", "optionalDependencies")
# patch:<name>@<url-encoded inner spec>#<one patch file>
_PATCH = re.compile(r"patch:((?:@[^/@]+/)?[^/@]+)@([^#]+)#([^&:#]+\.patch)")
_EXACT = re.compile(r"\d+\.\d+\.\d+(?:[-+][\w.+-]*)?")


def patch_parts(spec: str, locked: str | None) -> tuple[str, str, str, str] | None:
    """(name, the spec pnpm reads, the patchedDependencies key, the patch file from the project),
    or None for a ``patch:`` spec nmdoctor does not take apart (several files, a lockfile suffix)."""
    found = _PATCH.fullmatch(spec)
    if found is None:
        return None
    name, inner, file = found.group(1), unquote(found.group(2)), found.group(3)
    inner = inner.removeprefix("npm:")
    if inner.startswith(("patch:", "file:", "link:", "git", "http")):
        return None
    version = inner if _EXACT.fullmatch(inner) else locked
    key = f"{name}@{version}" if version else name
    return name, inner, key, file.removeprefix("~/").removeprefix("./")


def locked_version(graph: DependencyGraph, source: Instance, name: str) -> str | None:
    edge = next((edge for edge in graph.edges_from(source) if edge.name == name), None)
    return edge.target.version if edge is not None and edge.target is not None else None


def _read(fs: FileSystem, path: str) -> bytes:
    try:
        return fs.read_bytes(path)
    except FileSystemError:
        return b""


def unread_patches(graph: DependencyGraph, fs: FileSystem, target: str, layout: str) -> list[Finding]:
    """One finding per ``patch:`` spec of the project's and the workspaces' dependencies (errors)
    and of the root's ``resolutions`` (errors where ``packageManager`` pins pnpm 10 or earlier,
    warnings otherwise)."""
    if target not in PNPM_TARGETS:
        return []
    findings = []
    for source in graph.roots:
        raw: Any = source.manifest.raw
        if not isinstance(raw, dict):
            continue
        file = manifest_file(graph, source.path)
        text = _read(fs, f"{source.path}/package.json")
        ref = PackageRef(source.name, source.version, relative(graph, source.path))
        for field in _FIELDS:
            entries = raw.get(field)
            for name, spec in entries.items() if isinstance(entries, dict) else ():
                if not isinstance(spec, str) or not spec.startswith("patch:"):
                    continue
                parts = patch_parts(spec, locked_version(graph, source, name))
                line, column = json_string_position(text, name, field)
                why = (
                    "pnpm 10 links a folder of that name, which does not exist (node throws Cannot find module), "
                    "pnpm 12 refuses it (ERR_PNPM_UNSUPPORTED_PROTOCOL)"
                )
                fix = None
                if parts is not None:
                    _name, inner, key, patch = parts
                    fix = (
                        f'replace "{spec}" with "{inner}" for "{name}" in {file} and add `{key}: {patch}` under '
                        "`patchedDependencies:` in pnpm-workspace.yaml (pnpm applies yarn's patch file as it is)"
                    )
                findings.append(
                    Finding(
                        "unsupported-dependency-protocol",
                        Severity.ERROR,
                        f'under {layout}, pnpm does not read yarn\'s patch: protocol of "{name}" in {field}: {why}',
                        ref,
                        request=name,
                        from_=file,
                        line=line or None,
                        column=column or None,
                        fix=fix,
                    )
                )
        if not source.is_project or not isinstance(raw.get("resolutions"), dict):
            continue
        severity = Severity.ERROR if pins_pnpm_10_or_earlier(raw) else Severity.WARNING
        for selector, spec in raw["resolutions"].items():
            if not isinstance(spec, str) or not spec.startswith("patch:"):
                continue
            parts = patch_parts(spec, None)
            line, column = json_string_position(text, str(selector), "resolutions")
            fix = None
            if parts is not None:
                name, _inner, key, patch = parts
                fix = (
                    f'remove "{selector}" from "resolutions" in package.json and add `{key}: {patch}` under '
                    "`patchedDependencies:` in pnpm-workspace.yaml (pnpm applies yarn's patch file as it is)"
                )
            findings.append(
                Finding(
                    "unsupported-dependency-protocol",
                    severity,
                    f'under {layout}, the "resolutions" entry "{selector}" patches with yarn\'s patch: protocol, '
                    "which pnpm does not read: pnpm 10 and earlier link a folder of that name, which does not "
                    "exist, pnpm 11 and later ignore package.json's resolutions and install it unpatched",
                    ref,
                    request=str(selector),
                    from_=file,
                    line=line or None,
                    column=column or None,
                    fix=fix,
                )
            )
    return findings
