"""``nmdoctor archive``: does a packed app resolve its dependencies as its source did?"""

from __future__ import annotations

import json
import os
import sys
from contextlib import ExitStack

import click

from nmdoctor.cli.node_choice import choice_json, choose, node_version_option
from nmdoctor.cli.tree_cmds import InputError, load_graph
from nmdoctor.diagnostics.model import Finding, findings_document
from nmdoctor.inspect.archive import Side, compare_archive, self_check_archive
from nmdoctor.inspect.archive_asar import asar_findings, broken_link_findings
from nmdoctor.inspect.archive_imports import app_imports
from nmdoctor.inspect.archive_mount import ConfinedFS, PackedApp, PackedAppError, find_app
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.render.escape import terminal_safe
from nmdoctor.render.findings_text import render_findings
from nmdoctor.resolve.node_versions import NodeVersion
from nmdoctor.vfs import DiskFS, FileSystemError
from nmdoctor.vfs.asar import AsarError, AsarFS
from nmdoctor.vfs.tarfs import TarError, TarFS
from nmdoctor.vfs.zipfs import ZipError, ZipFS

__all__ = ["archive_command"]

_TAR_NAMES = (".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_COMPRESSED = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")
_UNREADABLE = (AsarError, ZipError, TarError, PackedAppError, TreeError, FileSystemError)


def _kind(name: str, head: bytes) -> str | None:
    lower = name.lower()
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x04\x00\x00\x00"):
        return "asar"
    if head.startswith(_COMPRESSED) or head[257:262] == b"ustar" or lower.endswith(_TAR_NAMES):
        return "tar"
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith(".asar"):
        return "asar"
    return None


def open_packed_app(archive: str, stack: ExitStack) -> PackedApp:
    """The app in ARCHIVE (an asar, a zip or tar, or a folder); files stay open in ``stack``."""
    path = os.path.realpath(archive)
    name = os.path.basename(path) or path
    disk = DiskFS()
    if os.path.isdir(path):
        return find_app(ConfinedFS(disk, path), path, name)
    if not os.path.isfile(path):
        problem = "not a regular file" if os.path.exists(path) else "no such file or folder"
        raise InputError(f"{archive}: {problem}")
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
        head = handle.read(512)
        handle.seek(0)
    except OSError as error:
        raise InputError(f"{archive}: cannot be read ({error.strerror or error})") from None
    kind = _kind(name, head)
    if kind == "zip":
        return find_app(ZipFS(handle, path, name), path, name)
    if kind == "tar":
        return find_app(TarFS(handle, path, name), path, name)
    if kind == "asar":
        unpacked = os.path.realpath(path + ".unpacked")
        has_unpacked = os.path.isdir(unpacked)
        asar = AsarFS(
            handle,
            path,
            name,
            ConfinedFS(disk, unpacked) if has_unpacked else None,
            unpacked if has_unpacked else None,
        )
        return PackedApp(asar, path, name, asar)
    raise InputError(f"{archive}: not an asar, zip or tar archive, nor a folder")


def _source_side(source: str, node_version: NodeVersion) -> Side:
    folder = os.path.realpath(source)
    if not os.path.isdir(folder):
        raise InputError(f"{source}: not a directory")
    if not os.path.isdir(os.path.join(folder, "node_modules")):
        return Side(load_graph(source))  # what its lockfile says; its code cannot be followed into packages
    fs = DiskFS()
    try:
        graph = read_installed_tree(fs, folder)
    except TreeError as error:
        raise InputError(str(error)) from None
    return Side(graph, fs, app_imports(fs, graph, node_version=node_version))


def _diagnose(archive: str, source: str | None, node_version: NodeVersion) -> tuple[PackedApp, int, list[Finding]]:
    with ExitStack() as stack:
        try:
            app = open_packed_app(archive, stack)
            try:
                graph = read_installed_tree(app.fs, app.root)
            except TreeError as error:  # "<root>/package.json: ...": name it as the archive's
                raise InputError(f"{app.where}: {str(error).replace(app.root + '/', '')}") from None
            packed = Side(graph, app.fs, app_imports(app.fs, graph, node_version=node_version))
            findings = (
                compare_archive(_source_side(source, node_version), packed) if source else self_check_archive(packed)
            )
            if app.asar is not None:
                findings += asar_findings(app.asar, graph)
            findings += broken_link_findings(graph)
        except _UNREADABLE as error:
            message = str(error)
            raise InputError(
                message if message.startswith(os.path.basename(archive)) else f"{archive}: {message}"
            ) from None
        return app, len(graph.instances) - 1, findings


@click.command(
    name="archive",
    epilog="""
\b
Examples:
  nmdoctor archive dist/linux-unpacked/resources/app.asar --source .
  nmdoctor archive dist/MyApp-1.0.0.tar.gz --source .   # finds resources/app.asar inside
  nmdoctor archive dist/linux-unpacked --json          # a folder, checked against itself
  nmdoctor archive app.asar --source . --node-version 22   # imports resolved as node 22 does
\b
ARCHIVE is an asar (its .unpacked folder beside it is read too), a zip or tar (plain, gz, bz2, xz)
of an app or of a whole Electron build, or a folder. Exit status: 0 no error-level finding,
1 at least one, 2 bad usage or an unreadable archive.
""",
)
@click.argument("archive", type=click.Path(exists=False))
@click.option("--source", type=click.Path(file_okay=False), help="The project the app was packed from.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings document as JSON.")
@node_version_option(
    "Resolve the app's imports as this node does: 20, 22, 24, 26 or X.Y.Z (default: the --source "
    "project's volta.node/.nvmrc/.node-version/devEngines/engines.node, else the node on PATH)."
)
def archive_command(archive: str, source: str | None, as_json: bool, node_version: str | None) -> None:
    """Check that the packed app ARCHIVE resolves every dependency as its source does.

    Every declared dependency of every packed package, and every import of the app's code from its
    entry point, is resolved in the archive (and in --source): another version than in the source
    is archive-version-collapsed, absent is archive-missing-package. Without --source the archive
    is checked against itself."""
    start = source if source is not None and os.path.isdir(source) else "."
    choice = choose(start, node_version)
    app, instances, findings = _diagnose(archive, source, choice.version)
    document = findings_document(findings, app=app.where, instances=instances, source=source)
    if as_json:
        click.echo(json.dumps({**document, "nodeVersion": choice_json(choice, start)}, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(f"{terminal_safe(app.where)}: {instances} packages\n")
        ok_line = (
            "the packed app resolves its dependencies as the source does"
            if source
            else "every dependency of the packed app resolves, within its declared range"
        )
        render_findings(document, sys.stdout, ok_line=ok_line, colour=colour)
    sys.exit(1 if document["summary"]["error"] else 0)
