"""What only the asar header tells: native modules packed inside, unpacked files that are not beside
the archive, contents that no longer match their integrity hashes; and dangling links in any
packed app.

Electron loads ``.node`` files with ``dlopen``, which needs a real file: a native module packed
inside ``app.asar`` fails to load (electron-builder unpacks them itself; ``asar pack`` needs
``--unpack '*.node'``). Files marked ``unpacked`` are read from ``app.asar.unpacked``: copying the
asar without that folder loses them. With the integrity fuse on, Electron refuses a file whose
bytes differ from the hashes in the header.
"""

from __future__ import annotations

import posixpath

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative
from nmdoctor.vfs.asar import AsarEntry, AsarFS
from nmdoctor.vfs.base import Kind

__all__ = ["asar_findings", "broken_link_findings"]

_LISTED = 3  # files named in one finding; the rest are counted


def _owner(graph: DependencyGraph, path: str) -> Instance:
    by_path = {instance.path: instance for instance in graph.instances}
    folder = path
    while folder not in by_path and folder not in ("", "/"):
        folder = posixpath.dirname(folder)
    return by_path.get(folder, graph.instances[0])


def _listing(paths: list[str]) -> str:
    shown = ", ".join(paths[:_LISTED])
    return shown + (f" and {len(paths) - _LISTED} more" if len(paths) > _LISTED else "")


def asar_findings(asar: AsarFS, graph: DependencyGraph, *, integrity: bool = True) -> list[Finding]:
    """Native modules packed inside, unpacked files missing, integrity mismatches (``integrity``)."""
    native: dict[str, list[str]] = {}
    owners: dict[str, Instance] = {}
    missing: list[str] = []
    mismatched: list[tuple[str, str]] = []
    for entry in asar.entries():
        if entry.kind is not Kind.FILE:
            continue
        view_path = f"{asar.mount}/{entry.path}"
        if entry.path.endswith(".node") and not entry.unpacked:
            owner = _owner(graph, view_path)
            owners[owner.path] = owner
            native.setdefault(owner.path, []).append(relative(graph, view_path))
        if entry.unpacked and not _unpacked_present(asar, entry):
            missing.append(relative(graph, view_path))
        elif integrity:
            problem = asar.integrity_problem(entry)
            if problem is not None:
                mismatched.append((relative(graph, view_path), problem))
    findings = []
    for path, files in sorted(native.items()):
        owner = owners[path]
        findings.append(
            Finding(
                "archive-native-module-packed",
                Severity.ERROR,
                f"`{owner.label}` has its native module {_listing(files)} packed inside {asar.name}, "
                "where Electron cannot load it (dlopen needs a real file)",
                PackageRef(owner.name, owner.version, relative(graph, owner.path)),
                from_=files[0],
                fix="unpack native modules: electron-builder `asarUnpack: ['**/*.node']` (it unpacks them "
                "itself unless told otherwise), `asar pack --unpack '*.node'`",
            )
        )
    if missing:
        folder = f"{posixpath.basename(asar.mount)}.unpacked"
        findings.append(
            Finding(
                "archive-unpacked-missing",
                Severity.ERROR,
                f"{len(missing)} file{'s' if len(missing) > 1 else ''} the archive marks unpacked "
                f"{'are' if len(missing) > 1 else 'is'} not in {folder} beside it: {_listing(missing)}",
                None,
                from_=missing[0],
                fix=f"ship {folder} together with the archive (copy both, keep them side by side)",
            )
        )
    if mismatched:
        findings.append(
            Finding(
                "archive-integrity-mismatch",
                Severity.WARNING,
                f"{len(mismatched)} packed file(s) no longer match the integrity hashes in the header: "
                f"{_listing([path for path, _ in mismatched])} "
                f"({mismatched[0][1]}); Electron with asar integrity validation on refuses them",
                None,
                from_=mismatched[0][0],
                fix="repack the app instead of editing files inside the archive",
            )
        )
    return findings


def _unpacked_present(asar: AsarFS, entry: AsarEntry) -> bool:
    if asar.unpacked is None or asar.unpacked_root is None:
        return False
    stat = asar.unpacked.stat(f"{asar.unpacked_root}/{entry.path}")
    return stat is not None and stat.kind is Kind.FILE


def broken_link_findings(graph: DependencyGraph) -> list[Finding]:
    """Links in the packed app's node_modules that lead nowhere (out of the archive, or in a loop)."""
    findings = []
    for link, target in graph.broken_links:
        path = relative(graph, link)
        name = path.rpartition("node_modules/")[2] or path
        findings.append(
            Finding(
                "broken-symlink",
                Severity.ERROR,
                f"`{path}` in the packed app is a link to `{target}`, which is not in the app (or loops)",
                PackageRef(name, "", path),
                fix="pack the package itself, not a link to it (links that leave the app do not exist on a "
                "user's machine)",
            )
        )
    return findings
