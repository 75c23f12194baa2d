"""Yarn ``resolutions`` selectors pnpm refuses.

pnpm 10 applies the root package.json's ``resolutions`` as overrides, but reads each key as one of
its own selectors: a package name, ``name@range``, or ``parent>name`` with one parent. Yarn's path
selectors (``**/name``, ``parent/name``, ``a/b/name``) stop the install before anything is written
(pnpm 10.34.8 and 9.15: ``ERR_PNPM_INVALID_SELECTOR Cannot parse the "**/lint" selector``; pnpm 8:
``ERR_PNPM_INVALID_OVERRIDES_SELECTOR``), ``pnpm import`` too. The fix is the key pnpm reads for the
same packages: ``name`` for ``**/name``, ``parent>name`` for ``parent/name``; a longer path has no
pnpm equivalent, and the narrowest selector pnpm reads is offered.
"""

from __future__ import annotations

import re

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["PNPM_TARGETS", "refused_selectors"]

PNPM_TARGETS = frozenset({"pnpm", "pnpm-hoisted"})
_NAME = re.compile(r"(?:@[^/@\s]+/)?[^/@\s*]+")


def _names(selector: str) -> list[str] | None:
    """The package names of a yarn path selector (``**`` kept); None for a key pnpm reads."""
    parts = selector.split("/")
    names: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.startswith("@") and index + 1 < len(parts):
            names.append(f"{part}/{parts[index + 1]}")
            index += 2
        else:
            names.append(part)
            index += 1
    if len(names) < 2 or not all(name == "**" or _NAME.fullmatch(name) for name in names) or names[-1] == "**":
        return None  # one name, which pnpm reads, or not a path of package names yarn would match
    return names


def _pnpm_selector(names: list[str]) -> tuple[str, bool]:
    """The pnpm key for the same packages, and whether it selects exactly them."""
    target = names[-1]
    parents = [name for name in names[:-1] if name != "**"]
    if not parents:
        return target, True  # **/name: every copy
    exact = len(parents) == 1 and names[-2] != "**"
    return f"{parents[-1]}>{target}", exact


def refused_selectors(graph: DependencyGraph, fs: FileSystem, target: str, layout: str) -> list[Finding]:
    """One error per ``resolutions`` key of the root package.json that pnpm cannot parse."""
    raw = next((root.manifest.raw for root in graph.roots if root.is_project), None)
    if target not in PNPM_TARGETS or not isinstance(raw, dict) or not isinstance(raw.get("resolutions"), dict):
        return []
    try:
        text = fs.read_bytes(f"{graph.project}/package.json")
    except FileSystemError:
        text = b""
    project = next(root for root in graph.roots if root.is_project)
    findings = []
    for selector, version in raw["resolutions"].items():
        names = _names(str(selector))
        if names is None or not isinstance(version, str):
            continue
        key, exact = _pnpm_selector(names)
        if exact:
            fix = f'rename "{selector}" to "{key}" in "resolutions" of package.json (the same packages)'
        else:
            fix = (
                f'replace "{selector}" in "resolutions" of package.json with a key pnpm reads: "{key}" '
                f'(every {names[-1]} directly under {key.partition(">")[0]}) or "{names[-1]}" (every copy)'
            )
        line, column = json_string_position(text, str(selector), "resolutions")
        findings.append(
            Finding(
                "unsupported-override-selector",
                Severity.ERROR,
                f'under {layout}, pnpm refuses the "resolutions" key "{selector}" ({version}) and installs nothing '
                "(ERR_PNPM_INVALID_SELECTOR: pnpm reads `name` or `parent>name`, not yarn's paths)",
                PackageRef(project.name, project.version, "."),
                request=names[-1],
                from_="package.json",
                line=line or None,
                column=column or None,
                fix=fix,
            )
        )
    return findings
