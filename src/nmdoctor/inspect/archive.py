"""A packed app (asar or folder) against its source: every declared dependency of every package
must resolve to the same version in both (seed 004: a nested copy flattened onto the top level)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.model.specs import satisfies
from nmdoctor.render.tree_json import relative
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["compare_archive", "native_modules_packed", "self_check_archive"]


def _key(graph: DependencyGraph, label: str, is_project: bool) -> str:
    return "<app>" if is_project else label


def compare_archive(source: DependencyGraph, packed: DependencyGraph) -> list[Finding]:
    """Edges whose target differs between the source tree and the packed app."""
    packed_edges = {(_key(packed, edge.source.label, edge.source.is_project), edge.name): edge for edge in packed.edges}
    packed_labels = {item.label for item in packed.instances}
    findings = []
    for edge in source.edges:
        if edge.kind is DependencyKind.DEV or edge.target is None:
            continue
        key = (_key(source, edge.source.label, edge.source.is_project), edge.name)
        if key[0] != "<app>" and edge.source.label not in packed_labels:
            continue  # the dependent is not packed (a dev tool's dependency): nothing loads it there
        mirror = packed_edges.get(key)
        got = mirror.target if mirror is not None else None
        dependent = (
            packed.instances[0]
            if key[0] == "<app>"
            else next((item for item in packed.instances if item.label == edge.source.label), None)
        )
        ref = PackageRef(edge.source.name, edge.source.version, relative(packed, dependent.path)) if dependent else None
        if got is None:
            if edge.optional or edge.kind in (DependencyKind.OPTIONAL, DependencyKind.PEER):
                continue
            findings.append(
                Finding(
                    "archive-missing-package",
                    Severity.ERROR,
                    f"`{edge.source.label}` needs `{edge.name}` ({edge.target.label} in the source), which the "
                    "packed app does not contain where it looks",
                    ref,
                    request=edge.name,
                    fix="check the packer's file filters (electron-builder `files`) and that it is a production "
                    "dependency",
                )
            )
        elif got.label != edge.target.label:
            findings.append(
                Finding(
                    "archive-version-collapsed",
                    Severity.ERROR,
                    f"in the packed app `{edge.source.label}` gets `{got.label}` for `{edge.name}` (at "
                    f"{relative(packed, got.path)}), but {edge.target.label} in the source: the nested copy was "
                    "flattened onto another version",
                    ref,
                    request=edge.name,
                    fix="pack from inside the app folder so nested node_modules keep their place (electron-builder: "
                    "app directory with its own node_modules), or align the versions of "
                    f"`{edge.name}` so one copy serves every dependent",
                )
            )
    return findings


def self_check_archive(packed: DependencyGraph) -> list[Finding]:
    """Without a source: every declared dependency resolvable, at a version its range accepts."""
    findings = []
    for edge in packed.edges:
        if edge.kind is DependencyKind.DEV:
            continue
        ref = PackageRef(edge.source.name, edge.source.version, relative(packed, edge.source.path))
        if edge.target is None:
            if edge.optional or edge.kind in (DependencyKind.OPTIONAL, DependencyKind.PEER):
                continue
            findings.append(
                Finding(
                    "archive-missing-package",
                    Severity.ERROR,
                    f"`{edge.source.label}` depends on `{edge.name}@{edge.spec}`, which is not in the packed app",
                    ref,
                    request=edge.name,
                    fix="pack it with the app (a production dependency, not filtered out)",
                )
            )
        elif edge.kind is not DependencyKind.PEER and satisfies(edge.target.version, edge.spec) is False:
            findings.append(
                Finding(
                    "archive-version-collapsed",
                    Severity.ERROR,
                    f"in the packed app `{edge.source.label}` gets `{edge.target.label}` for `{edge.name}@{edge.spec}`",
                    ref,
                    request=edge.name,
                    fix="keep nested node_modules when packing, or align the versions",
                )
            )
    return findings


def native_modules_packed(fs: FileSystem, root: str, is_unpacked: object) -> list[Finding]:
    """``.node`` files inside the archive proper: Electron cannot dlopen them from there."""
    findings = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            names = fs.listdir(folder)
        except FileSystemError:
            continue
        for name in names:
            path = f"{folder}/{name}"
            stat = fs.lstat(path)
            if stat is None or stat.kind is Kind.SYMLINK:
                continue
            if stat.kind is Kind.DIR:
                pending.append(path)
            elif name.endswith(".node") and callable(is_unpacked) and not is_unpacked(path):
                findings.append(
                    Finding(
                        "archive-native-module-packed",
                        Severity.ERROR,
                        f"the native module {path[len(root) + 1 :]} is packed inside the archive: it must be "
                        "unpacked to be loaded",
                        None,
                        from_=path[len(root) + 1 :],
                        fix="unpack it (electron-builder `asarUnpack`, `asar pack --unpack '*.node'`)",
                    )
                )
    return findings
