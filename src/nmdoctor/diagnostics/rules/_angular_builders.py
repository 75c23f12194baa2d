"""Builders named by string in angular.json (``"builder": "@angular/build:application"``).

The Angular CLI's architect host resolves a builder ``PACKAGE:NAME`` from the workspace root: it
finds ``PACKAGE/package.json``, reads the manifest its ``builders`` field names, and looks ``NAME``
up in that manifest's ``builders`` (an entry may be another builder's name, which it follows). A
name the installed package does not list stops every command of that target with `Cannot find
builder "PACKAGE:NAME".` (Angular CLI 21.0: ng-matero's e2e target names
``@angular/build:protractor``, which @angular/build 21.0.2 does not provide).

Only an installed package is judged (its builders manifest is read from disk); a package that is
not installed, or whose manifest cannot be read, is left to the other checks.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.paths import relative
from nmdoctor.project.resolution.jsonc import loads_jsonc
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath

__all__ = ["angular_builder_findings"]


def _read_json(fs: FileSystem, path: VPath) -> Any:
    try:
        return loads_jsonc(fs.read_bytes(path))
    except (FileSystemError, ValueError, UnicodeDecodeError):
        return None


def _package_folder(fs: FileSystem, root: VPath, name: str) -> VPath | None:
    """Where node's lookup from the workspace root finds ``name/package.json``."""
    folder = root
    while True:
        candidate = posixpath.join(folder, "node_modules", name)
        if fs.stat(candidate + "/package.json") is not None:
            return candidate
        parent = posixpath.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _targets(workspace: Any) -> Iterator[tuple[str, str, str]]:
    """(project, target, builder) of every target of angular.json (``architect`` or ``targets``)."""
    projects = workspace.get("projects") if isinstance(workspace, dict) else None
    for project, body in projects.items() if isinstance(projects, dict) else ():
        if not isinstance(body, dict):
            continue
        targets = body.get("architect") or body.get("targets")
        for target, config in targets.items() if isinstance(targets, dict) else ():
            builder = config.get("builder") if isinstance(config, dict) else None
            if isinstance(builder, str):
                yield str(project), str(target), builder


def angular_builder_findings(graph: DependencyGraph, fs: FileSystem) -> Iterator[Finding]:
    """string-module-reference errors for angular.json builders the installed package lacks."""
    root = graph.project
    path = f"{root}/angular.json"
    workspace = _read_json(fs, path)
    if workspace is None:
        return
    try:
        text = fs.read_bytes(path)
    except FileSystemError:
        return
    project_node = next((item for item in graph.roots if item.is_project), None)
    for project, target, builder in _targets(workspace):
        package, _, name = builder.partition(":")
        if not package or not name:
            continue
        folder = _package_folder(fs, root, package)
        manifest = _read_json(fs, f"{folder}/package.json") if folder is not None else None
        listed = manifest.get("builders") if isinstance(manifest, dict) else None
        if folder is None or not isinstance(listed, str):
            continue
        builders = _read_json(fs, posixpath.normpath(posixpath.join(folder, listed)))
        entries = builders.get("builders") if isinstance(builders, dict) else None
        if not isinstance(entries, dict) or name in entries:
            continue
        line, column = json_string_position(text, builder)
        version = manifest.get("version") if isinstance(manifest.get("version"), str) else "?"
        names = ", ".join(sorted(str(key) for key in entries)) or "none"
        yield Finding(
            "string-module-reference",
            Severity.ERROR,
            f"`{builder}` is an Angular builder named by string in angular.json (target `{project}:{target}`); "
            f"`{package}@{version}` at {relative(graph, folder)} provides no builder `{name}` (its builders: "
            f'{names}), so the CLI stops with `Cannot find builder "{builder}"`',
            PackageRef(project_node.name, project_node.version, ".") if project_node is not None else None,
            request=builder,
            from_="angular.json",
            line=line or None,
            column=column or None,
            fix=(
                f"name a builder `{package}` provides in the `{target}` target of `{project}` in angular.json, "
                "one of another installed package, or remove that target"
            ),
        )
