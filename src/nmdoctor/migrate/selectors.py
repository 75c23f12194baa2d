"""Yarn ``resolutions`` selectors pnpm does not read.

pnpm 10 applies the root package.json's ``resolutions`` as overrides, but reads each key as one of
its own selectors: a package name, ``name@range``, or ``parent>name`` with one parent. Yarn's path
selectors (``**/name``, ``parent/name``, ``a/b/name``) stop the install before anything is written
(pnpm 10.34.8 and 9.15: ``ERR_PNPM_INVALID_SELECTOR Cannot parse the "**/lint" selector``; pnpm 8:
``ERR_PNPM_INVALID_OVERRIDES_SELECTOR``), ``pnpm import`` too. pnpm 11.29.0 and 12.26.0 ignore
package.json's ``resolutions`` altogether (no error, no override). Which pnpm a switch installs is
not in the files unless ``packageManager`` pins it, so the finding is an error only then.

The fix works for every one of them: the entry under ``overrides:`` in pnpm-workspace.yaml (read by
pnpm 10.34.8, 11.29.0 and 12.26.0), with the key pnpm reads for the same packages: ``name`` for
``**/name``, ``parent>name`` for ``parent/name``; a longer path has no pnpm equivalent, and the
narrowest selector pnpm reads is offered.
"""

from __future__ import annotations

import json
import re

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["PNPM_TARGETS", "pins_pnpm_10_or_earlier", "refused_selectors"]

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


def pins_pnpm_10_or_earlier(raw: dict[str, object]) -> bool:
    """Whether package.json pins pnpm 10 or earlier (``packageManager``, else
    ``devEngines.packageManager``, which pnpm 12 also installs as): the pnpm that applies package.json's
    ``resolutions``, where 11 and later ignore them."""
    declared = declared_package_manager(raw, dev_engines=True)
    return declared is not None and declared[0] == "pnpm" and declared[1] is not None and declared[1] <= 10


def refused_selectors(graph: DependencyGraph, fs: FileSystem, target: str, layout: str) -> list[Finding]:
    """One finding per ``resolutions`` key of the root package.json written as a yarn path: an error
    where package.json pins pnpm 10 or older (which stops), a warning otherwise (the pnpm a switch
    installs may be 11 or later, which drops the override without a word)."""
    raw = next((root.manifest.raw for root in graph.roots if root.is_project), None)
    if target not in PNPM_TARGETS or not isinstance(raw, dict) or not isinstance(raw.get("resolutions"), dict):
        return []
    try:
        text = fs.read_bytes(f"{graph.project}/package.json")
    except FileSystemError:
        text = b""
    project = next(root for root in graph.roots if root.is_project)
    stops = pins_pnpm_10_or_earlier(raw)
    findings = []
    for selector, version in raw["resolutions"].items():
        names = _names(str(selector))
        if names is None or not isinstance(version, str):
            continue
        key, exact = _pnpm_selector(names)
        entry = f"`{json.dumps(key)}: {json.dumps(version)}` under `overrides:` in pnpm-workspace.yaml"
        if exact:
            fix = f'remove "{selector}" from "resolutions" in package.json and add {entry} (the same packages)'
        else:
            fix = (
                f'remove "{selector}" from "resolutions" in package.json and add {entry} (every {names[-1]} '
                f"directly under {key.partition('>')[0]}; `{json.dumps(names[-1])}` for every copy)"
            )
        line, column = json_string_position(text, str(selector), "resolutions")
        findings.append(
            Finding(
                "unsupported-override-selector",
                Severity.ERROR if stops else Severity.WARNING,
                f'under {layout}, the "resolutions" key "{selector}" ({version}) is a yarn path pnpm does not read: '
                "pnpm 10 and earlier stop the install (ERR_PNPM_INVALID_SELECTOR: pnpm reads `name` or "
                "`parent>name`), pnpm 11 and later ignore package.json's resolutions and install without it",
                PackageRef(project.name, project.version, "."),
                request=names[-1],
                from_="package.json",
                line=line or None,
                column=column or None,
                fix=fix,
            )
        )
    return findings
