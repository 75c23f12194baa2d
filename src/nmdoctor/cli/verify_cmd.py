"""``nmdoctor verify``: does node_modules satisfy the lockfile? (for entrypoints and CI)."""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.tree_cmds import InputError, load_graph
from nmdoctor.diagnostics.model import Finding, Severity, findings_document
from nmdoctor.inspect.overrides import Overrides, lockfile_overrides, project_overrides
from nmdoctor.inspect.verify import INSTALL_COMMANDS, verify_tree
from nmdoctor.inspect.workspaces import own_lockfile_folders
from nmdoctor.lockfiles import LOCKFILE_NAMES, LockfileError, find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.lockfiles.model import Lockfile
from nmdoctor.model.graph import PNP_LAYOUT
from nmdoctor.model.manifest import manifest_from_json
from nmdoctor.project.install_settings import berry_plugins, npm_omitted
from nmdoctor.render.findings_text import render_findings
from nmdoctor.vfs import DiskFS

__all__ = ["verify_command"]


def _nothing_installed(lock: Lockfile) -> list[Finding]:
    """Without node_modules (nor a Plug'n'Play install, which has none) the graph is the lockfile's
    own: comparing it with itself would say "ok"."""
    if not any(not package.is_importer for package in lock.packages.values()):
        return []  # the lockfile locks nothing: nothing is missing
    return [
        Finding(
            "lockfile-drift",
            Severity.ERROR,
            "nothing is installed: node_modules does not exist",
            fix=f"run `{INSTALL_COMMANDS.get(lock.kind, 'npm ci')}`",
        )
    ]


@click.command(
    name="verify",
    epilog="""
\b
Examples:
  nmdoctor verify                       # exit 1 if node_modules does not match the lockfile
  nmdoctor verify /app --json           # {"findings": [...], "summary": {...}}
  nmdoctor verify --lockfile pnpm-lock.yaml
\b
In a container entrypoint: `nmdoctor verify /app || exit 1` before starting node.
""",
)
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--lockfile", "lockfile", type=click.Path(dir_okay=False), help="Use this lockfile.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings document as JSON.")
def verify_command(project: str, lockfile: str | None, as_json: bool) -> None:
    """Check that every locked package is installed, at its version, where node will look for it."""
    graph = load_graph(project)
    fs = DiskFS()
    path = os.path.abspath(lockfile) if lockfile else find_lockfile(fs, graph.project, graph.layout)
    if path is None:
        raise InputError(f"{project}: no lockfile ({', '.join(LOCKFILE_NAMES)})")
    try:
        lock = read_lockfile(fs, path, manifest_json(fs, graph.project))
    except LockfileError as error:
        raise InputError(str(error)) from None
    if graph.layout == PNP_LAYOUT or os.path.isdir(os.path.join(graph.project, "node_modules")):
        apart = _own_lockfile_folders(fs, graph.project) if lock.kind == "pnpm" else []
        overrides = project_overrides(fs, graph.project, layout=graph.layout)
        omitted = npm_omitted(fs, graph.project) if lock.kind == "npm" else frozenset[str]()
        plugins = berry_plugins(fs, graph.project) if lock.kind == "yarn-berry" else ()
        findings = verify_tree(graph, lock, overrides=overrides, apart=tuple(apart), omitted=omitted, plugins=plugins)
        for folder in apart:
            findings += _verify_apart(fs, folder, graph.project, overrides)
    else:
        findings = _nothing_installed(lock)
    document = findings_document(
        findings,
        lockfile=os.path.relpath(path, graph.project),
        layout=graph.layout,
        instances=len(graph.instances) - 1,
    )
    if as_json:
        click.echo(json.dumps(document, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        render_findings(
            document,
            sys.stdout,
            ok_line=f"{_installed_what(graph.layout)} matches {os.path.basename(path)}",
            colour=colour,
        )
    sys.exit(1 if document["summary"]["error"] else 0)


def _own_lockfile_folders(fs: DiskFS, project: str) -> list[str]:
    manifest = manifest_json(fs, project)
    return own_lockfile_folders(fs, project, manifest_from_json(manifest if isinstance(manifest, dict) else {}))


def _verify_apart(fs: DiskFS, folder: str, project: str, root: Overrides) -> list[Finding]:
    """A workspace package pnpm installed from a lockfile of its own (shared-workspace-lockfile=false),
    verified against that lockfile and the overrides it records; its paths printed from the project."""
    graph = load_graph(folder)
    try:
        lock = read_lockfile(fs, f"{folder}/pnpm-lock.yaml", manifest_json(fs, folder))
    except LockfileError as error:
        raise InputError(str(error)) from None
    return verify_tree(graph, lock, overrides=lockfile_overrides(fs, folder, root), shown_from=project)


def _installed_what(layout: str) -> str:
    return "the Plug'n'Play install" if layout == PNP_LAYOUT else "node_modules"
