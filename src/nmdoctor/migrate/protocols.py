"""Dependency specs the target manager refuses: pnpm's ``workspace:`` and ``catalog:`` under npm
and yarn 1.

npm 11 stops the install (``EUNSUPPORTEDPROTOCOL Unsupported URL Type "workspace:"``, the same for
``catalog:``) and yarn 1.22 too (``Couldn't find any versions for "swr" that matches
"workspace:*"``, or the registry's "not found"), whatever the layout. Such an edge is not "no
longer found": nothing is installed at all, and declaring the name (it is declared) would not
help. The fix is the spec the target reads:

- ``workspace:`` naming a workspace: its version, as pnpm writes it when it publishes
  (``*`` -> ``1.2.3``, ``^`` -> ``^1.2.3``, ``~`` -> ``~1.2.3``, a range -> that range); npm and
  yarn 1 link a workspace whose version the range matches;
- ``workspace:`` naming the project itself: from the project, nothing (node finds a package's own
  name from inside it through its ``exports``); from a workspace, a link to the project's folder
  (npm: ``file:<path>``, yarn 1: ``link:<path>``, both a symlink);
- ``catalog:``: the catalog's range from pnpm-workspace.yaml.
"""

from __future__ import annotations

import posixpath

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.overrides import pnpm_catalogs
from nmdoctor.model.paths import relative
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["REFUSING_TARGETS", "refused_specs"]

# target -> (manager, why it stops; {protocol}, {name} and {spec} filled in)
REFUSING_TARGETS = {
    "npm": ("npm", 'EUNSUPPORTEDPROTOCOL Unsupported URL Type "{protocol}": {spec}'),
    "nested": ("npm", 'EUNSUPPORTEDPROTOCOL Unsupported URL Type "{protocol}": {spec}'),
    "npm-linked": ("npm", 'EUNSUPPORTEDPROTOCOL Unsupported URL Type "{protocol}": {spec}'),
    # yarn 1 asks the registry for a version matching the spec: "Couldn't find any versions for
    # "swr" that matches "workspace:*"", or "not found" for a name the registry does not know
    "yarn": ("yarn 1", 'it asks the registry for a version of "{name}" matching "{spec}": none does'),
}
_PROTOCOLS = ("workspace:", "catalog:")
_FIELDS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")


def _catalogs(fs: FileSystem, project: str) -> dict[str, dict[str, str]]:
    try:
        return pnpm_catalogs(load_yaml(fs.read_bytes(f"{project}/pnpm-workspace.yaml")))
    except (FileSystemError, YAMLError):
        return {}


def _published_range(spec: str, version: str) -> str | None:
    """pnpm's rewrite of ``workspace:<rest>`` on publish."""
    rest = spec[len("workspace:") :]
    if rest in ("*", ""):
        return version or None
    if rest in ("^", "~"):
        return f"{rest}{version}" if version else None
    if "@" in rest or rest.startswith((".", "/")):
        return None  # an alias or a path: no single range to offer
    return rest


def _workspace_fix(
    graph: DependencyGraph, source: Instance, name: str, spec: str, field: str, manager: str
) -> str | None:
    file = f"{relative(graph, source.path)}/package.json".removeprefix("./")
    target = next((item for item in graph.roots if item.name == name and (item.is_project or item.is_workspace)), None)
    if target is None:
        return None
    if target.is_project:
        if source.is_project:
            if "exports" not in (target.manifest.raw if isinstance(target.manifest.raw, dict) else {}):
                return None
            return (
                f'remove "{name}" from {field} in {file}: node finds the package\'s own name from inside it '
                'through its "exports"'
            )
        path = posixpath.relpath(graph.project, source.path)
        link = f"file:{path}" if manager == "npm" else f"link:{path}"
        return f'replace "{spec}" with "{link}" for "{name}" in {file} (a link to the project\'s folder)'
    published = _published_range(spec, target.version)
    if published is None:
        return None
    return f'replace "{spec}" with "{published}" for "{name}" in {file} ({manager} links the workspace it matches)'


def _catalog_fix(catalogs: dict[str, dict[str, str]], source_file: str, name: str, spec: str) -> str | None:
    catalog = spec[len("catalog:") :] or "default"
    found = catalogs.get(catalog, {}).get(name)
    if found is None:
        return None
    return (
        f'replace "{spec}" with "{found}" for "{name}" in {source_file} '
        "(the range of its catalog in pnpm-workspace.yaml)"
    )


def refused_specs(graph: DependencyGraph, fs: FileSystem, target: str, layout: str) -> list[Finding]:
    """One error per ``workspace:``/``catalog:`` spec in the project's and the workspaces'
    package.json files, where ``target``'s manager refuses them (none for other targets)."""
    if target not in REFUSING_TARGETS:
        return []
    manager, words = REFUSING_TARGETS[target]
    catalogs: dict[str, dict[str, str]] | None = None
    findings = []
    for source in graph.roots:
        raw = source.manifest.raw
        if not isinstance(raw, dict):
            continue
        where = relative(graph, source.path)
        file = f"{where}/package.json".removeprefix("./")
        try:
            text = fs.read_bytes(f"{source.path}/package.json")
        except FileSystemError:
            text = b""
        for field in _FIELDS:
            entries = raw.get(field)
            if not isinstance(entries, dict):
                continue
            for name, spec in entries.items():
                if not isinstance(spec, str) or not spec.startswith(_PROTOCOLS):
                    continue
                protocol = spec[: spec.index(":") + 1]
                if protocol == "catalog:":
                    if catalogs is None:
                        catalogs = _catalogs(fs, graph.project)
                    fix = _catalog_fix(catalogs, file, name, spec)
                else:
                    fix = _workspace_fix(graph, source, name, spec, field, manager)
                line, column = json_string_position(text, name, field)
                findings.append(
                    Finding(
                        "unsupported-dependency-protocol",
                        Severity.ERROR,
                        f'under {layout}, {manager} refuses "{name}": "{spec}" in {field} and installs nothing '
                        f"({words.format(protocol=protocol, spec=spec, name=name)})",
                        PackageRef(source.name, source.version, where),
                        request=name,
                        from_=file,
                        line=line or None,
                        column=column or None,
                        fix=fix,
                    )
                )
    return findings
