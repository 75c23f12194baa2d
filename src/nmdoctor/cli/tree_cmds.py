"""``nmdoctor ls`` and ``nmdoctor why``: what is installed where, and who pulls it in."""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.errors import InputError
from nmdoctor.cli.output import emit, format_option, output_option
from nmdoctor.inspect.pnp import PnpError
from nmdoctor.inspect.pnp_tree import read_pnp_tree
from nmdoctor.inspect.sizes import package_sizes
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.lockfiles import LockfileError, find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.lockfiles.to_graph import lockfile_graph
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.render.html_report import render_html, report_data
from nmdoctor.render.tree_json import ls_document, why_document
from nmdoctor.vfs import DiskFS

__all__ = ["InputError", "load_graph", "ls_command", "why_command"]


def load_graph(project: str, *, from_lockfile: bool = False) -> DependencyGraph:
    """The installed tree of PROJECT (its lockfile when asked, or when nothing is installed).

    Bad input is a one-line error (exit 2).
    """
    folder = os.path.realpath(project)
    if not os.path.isdir(folder):
        raise InputError(f"{project}: not a directory")
    fs = DiskFS()
    if not from_lockfile and os.path.isfile(os.path.join(folder, ".pnp.cjs")):
        try:
            return read_pnp_tree(fs, folder)
        except PnpError as error:
            raise InputError(str(error)) from None
    if from_lockfile or not os.path.isdir(os.path.join(folder, "node_modules")):
        path = find_lockfile(fs, folder)
        if path is not None or from_lockfile:
            if path is None:
                raise InputError(f"{project}: no lockfile")
            manifest = manifest_json(fs, folder)
            try:
                lock = read_lockfile(fs, path, manifest)
            except LockfileError as error:
                raise InputError(str(error)) from None
            workspaces = {
                importer.path: found
                for importer in lock.importers()
                if importer.path and (found := manifest_json(fs, f"{folder}/{importer.path}")) is not None
            }
            return lockfile_graph(lock, folder, manifest, workspaces)
    try:
        return read_installed_tree(fs, folder)
    except TreeError as error:
        raise InputError(str(error)) from None


@click.command(
    name="ls",
    epilog="""
\b
Examples:
  nmdoctor ls                      # the project in this folder
  nmdoctor ls path/to/app --json   # {"project", "layout", "instances": [...]}
  nmdoctor ls --lockfile           # what the lockfile says, even with node_modules present
""",
)
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document of DESIGN.md.")
@click.option("--lockfile", "from_lockfile", is_flag=True, help="Read the lockfile even if node_modules exists.")
def ls_command(project: str, as_json: bool, from_lockfile: bool) -> None:
    """Every installed package instance, where it sits, and who resolves to it."""
    graph = load_graph(project, from_lockfile=from_lockfile)
    document = ls_document(graph)
    if as_json:
        click.echo(json.dumps(document))
        return
    out = sys.stdout
    out.write(
        f"{graph.roots[0].label if graph.roots else graph.project} ({graph.layout}): "
        f"{len(document['instances'])} installed instances\n"
    )
    for item in document["instances"]:
        out.write(f"{item['name']}@{item['version']}  {item['path']}\n")
        for link in item["links"]:
            out.write(f"    linked at {link}\n")
        users = ", ".join(f"{ref['name']}@{ref['version']}" for ref in item["dependents"]) or "nothing"
        out.write(f"    used by {users}\n")


@click.command(
    name="why",
    epilog="""
\b
Examples:
  nmdoctor why debug               # every copy of debug and the chains that pull it in
  nmdoctor why react path/to/app --json
  nmdoctor why react --format html --output why-react.html   # the tree explorer, opened on react
""",
)
@click.argument("name")
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print {name, instances: [...]} with chains.")
@format_option("text", "json", "html", help="text (default), json (as --json), or html: a page to explore the tree.")
@output_option
@click.option("--lockfile", "from_lockfile", is_flag=True, help="Read the lockfile even if node_modules exists.")
def why_command(
    name: str, project: str, as_json: bool, output_format: str | None, output: str | None, from_lockfile: bool
) -> None:
    """Every instance of NAME and every chain of dependents from the project to it."""
    graph = load_graph(project, from_lockfile=from_lockfile)
    output_format = output_format or ("json" if as_json else "text")
    if output_format == "html":
        data = report_data(graph, title=f"nmdoctor why {name}", focus=name, sizes=package_sizes(graph))
        emit(render_html(data), output)
        sys.exit(0 if graph.instances_of(name) else 1)
    document = why_document(graph, name)
    if output_format == "json":
        emit(json.dumps(document) + "\n", output)
        return
    lines = []
    if not document["instances"]:
        lines.append(f"{name} is not installed in {graph.project}")
    for item in document["instances"]:
        lines.append(f"{item['name']}@{item['version']}  {item['path']}")
        lines.extend("    " + " > ".join(chain) for chain in item["chains"])
        if not item["chains"]:
            lines.append("    nothing in the project depends on it (extraneous)")
    emit("".join(line + "\n" for line in lines), output)
    if not document["instances"]:
        sys.exit(1)
