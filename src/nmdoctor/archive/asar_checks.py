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
import re

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.paths import relative
from nmdoctor.vfs.asar import AsarEntry, AsarFS
from nmdoctor.vfs.base import Kind

__all__ = ["asar_findings", "broken_link_findings", "build_platform"]

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


# A prebuilt addon in the prebuildify / node-gyp-build layout, loaded only on its platform.
_PREBUILD = re.compile(r"(?:^|/)prebuilds/(?P<platform>[A-Za-z0-9]+)-[^/]+/[^/]+\.node$")
# Where electron-builder and @electron/packager put a build, and which platform it runs on.
_BUILD_FOLDERS = (
    (re.compile(r"^linux(?:-[a-z0-9]+)?-unpacked$"), "linux"),
    (re.compile(r"^win(?:-[a-z0-9]+)?-unpacked$"), "win32"),
    (re.compile(r"^mac(?:-[a-z0-9]+)?$|\.app$"), "darwin"),
    (re.compile(r"-(?P<platform>linux|win32|darwin|mas)-(?:x64|ia32|arm64|armv7l|universal)$"), ""),
)


def build_platform(*paths: str) -> str | None:
    """The platform a packed app was built for, told by the build folder that holds its
    ``resources`` (``linux-unpacked``, ``win-unpacked``, ``X.app/Contents``, ``MyApp-linux-x64``);
    None when no such folder tells."""
    for path in paths:
        parts = path.replace("\\", "/").replace(": ", "/").split("/")
        for index in range(len(parts) - 1, 0, -1):
            if parts[index].lower() != "resources":
                continue
            build = parts[index - 2] if parts[index - 1] == "Contents" and index > 1 else parts[index - 1]
            for pattern, platform in _BUILD_FOLDERS:
                match = pattern.search(build)
                if match is not None:
                    found = platform or match.group("platform")
                    return "darwin" if found == "mas" else found
    return None


def _native_severity(files: list[str], platform: str | None) -> tuple[list[str], Severity, str]:
    """The packed addons that matter on ``platform``, the severity, and what to add to the message.

    An addon under ``prebuilds/<platform>-<arch>/`` is loaded only on that platform: on a build for
    another one it is dead weight, never loaded; when the build's platform is unknown, it fails only
    if the archive ships for its platform."""
    tagged = {file: match.group("platform") for file in files if (match := _PREBUILD.search(file))}
    if platform is not None:
        kept = [file for file in files if tagged.get(file, platform) == platform]
        return kept, Severity.ERROR, ""
    if len(tagged) == len(files):
        platforms = ", ".join(sorted(set(tagged.values())))
        return files, Severity.WARNING, f" (prebuilt for {platforms}: this fails on a build for that platform)"
    return files, Severity.ERROR, ""


def asar_findings(
    asar: AsarFS, graph: DependencyGraph, *, integrity: bool = True, platform: str | None = None
) -> list[Finding]:
    """Native modules packed inside, unpacked files missing, integrity mismatches (``integrity``).
    ``platform`` is the build's (``linux``, ``win32``, ``darwin``) when known: addons prebuilt for
    another platform are then not loaded, and not reported."""
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
    for path, all_files in sorted(native.items()):
        owner = owners[path]
        files, severity, tail = _native_severity(all_files, platform)
        if not files:
            continue
        findings.append(
            Finding(
                "archive-native-module-packed",
                severity,
                f"`{owner.label}` has its native module {_listing(files)} packed inside {asar.name}, "
                f"where Electron cannot load it (dlopen needs a real file){tail}",
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
