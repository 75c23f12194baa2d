"""``nmdoctor archive``: does a packed app resolve its dependencies as its source did?"""

from __future__ import annotations

import functools
import json
import os
import sys

import click

from nmdoctor.archive.compare import Side
from nmdoctor.archive.diagnose import diagnose_archive
from nmdoctor.archive.imports import app_imports
from nmdoctor.archive.mount import ArchiveError, PackedApp
from nmdoctor.cli.node_choice import choice_json, choose, node_version_option
from nmdoctor.cli.tree_cmds import InputError, load_graph
from nmdoctor.diagnostics.model import Finding, findings_document
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.render.escape import terminal_safe
from nmdoctor.render.findings_text import render_findings
from nmdoctor.resolve.node.versions import NodeVersion
from nmdoctor.vfs import DiskFS

__all__ = ["archive_command"]


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
    source_side = functools.partial(_source_side, source, node_version) if source else None
    try:
        return diagnose_archive(archive, source_side, node_version)
    except ArchiveError as error:
        raise InputError(str(error)) from None


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
