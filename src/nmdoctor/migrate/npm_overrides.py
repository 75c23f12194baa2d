"""npm's ``overrides``, and yarn's ``resolutions``, under pnpm.

pnpm reads no ``overrides`` field of package.json (pnpm 10.34.8, 11.29.0 and 12.26.0 record none of
its entries in pnpm-lock.yaml): only ``pnpm.overrides`` (pnpm 10), yarn's ``resolutions`` (pnpm
10) and ``overrides:`` in pnpm-workspace.yaml (all three). An npm override that forces a package
out of the range its dependent declares is then undone: the dependent gets a version its own range
admits. The fix is the same override where pnpm reads it, with pnpm's key: ``name``, or
``parent>name`` for an entry nested under a parent (pnpm takes one parent; a deeper npm path keeps
its last two names). Yarn's ``resolutions``, which pnpm 10 applies, pnpm 11.29.0 and 12.26.0 ignore
as well: the same warning, unless ``packageManager`` pins pnpm 10 or earlier (yarn path keys are
``unsupported-override-selector``, in ``selectors.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.migrate.selectors import PNPM_TARGETS, pins_pnpm_10_or_earlier
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.overrides import split_selector
from nmdoctor.model.paths import relative
from nmdoctor.model.specs import satisfies
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["unread_npm_overrides"]


def _entries(overrides: dict[str, Any], parents: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each npm override as (its path of keys, its spec); ``"."`` is the spec of the key above."""
    for key, value in overrides.items():
        if key == ".":
            continue
        path = (*parents, str(key))
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            if isinstance(value.get("."), str):
                yield path, value["."]
            yield from _entries(value, path)


def _yarn_entries(resolutions: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], str]]:
    """yarn ``resolutions`` keys pnpm 10 reads as they are (a name, ``a>b``), as paths of keys."""
    for key, value in resolutions.items():
        if (
            isinstance(value, str)
            and not value.startswith("patch:")
            and "/" not in str(key).lstrip("@").partition("/")[2]
        ):
            yield tuple(str(key).split(">")), value


def unread_npm_overrides(graph: DependencyGraph, fs: FileSystem, target: str, layout: str) -> list[Finding]:
    """A warning per npm override, and per yarn resolution where pnpm 11 and later may install,
    that today forces a dependency out of its declared range."""
    project = next((root for root in graph.roots if root.is_project), None)
    raw = project.manifest.raw if project is not None else None
    if target not in PNPM_TARGETS or not isinstance(raw, dict):
        return []
    assert project is not None
    entries: list[tuple[str, tuple[str, ...], str]] = []
    if isinstance(raw.get("overrides"), dict):
        entries += [("overrides", path, spec) for path, spec in _entries(raw["overrides"])]
    if isinstance(raw.get("resolutions"), dict) and not pins_pnpm_10_or_earlier(raw):
        entries += [("resolutions", path, spec) for path, spec in _yarn_entries(raw["resolutions"])]
    if not entries:
        return []
    try:
        text = fs.read_bytes(f"{graph.project}/package.json")
    except FileSystemError:
        text = b""
    findings = []
    for field, path, spec in entries:
        name = split_selector(path[-1])[0]
        parent = split_selector(path[-2])[0] if len(path) > 1 else None
        forced = sorted(
            {
                (edge.source.label, edge.spec, edge.target.version)
                for edge in graph.edges
                if edge.name == name
                and edge.target is not None
                and (parent is None or edge.source.name == parent)
                and satisfies(edge.target.version, edge.spec) is False
            }
        )
        if not forced or spec.startswith("$"):
            continue
        source, declared, version = forced[0]
        others = f" (and {len(forced) - 1} more)" if len(forced) > 1 else ""
        key = path[-1] if len(path) == 1 else f"{path[-2]}>{path[-1]}"
        line, column = json_string_position(text, path[-1] if field == "overrides" else ">".join(path), field)
        why = (
            'pnpm does not read npm\'s "overrides" (pnpm 10, 11 and 12)'
            if field == "overrides"
            else 'pnpm 11 and later ignore yarn\'s "resolutions" (pnpm 10 applies it)'
        )
        findings.append(
            Finding(
                "resolution-changed",
                Severity.WARNING,
                f"under {layout}, {why}: `{source}` would get "
                f'a version of `{name}` its range "{declared}" admits instead of {version}, which the override '
                f"forces today{others}",
                PackageRef(project.name, project.version, relative(graph, project.path)),
                request=name,
                from_="package.json",
                line=line or None,
                column=column or None,
                fix=f"add `{json.dumps(key)}: {json.dumps(spec)}` under `overrides:` in pnpm-workspace.yaml "
                "(pnpm's key for the same override)",
            )
        )
    return findings
