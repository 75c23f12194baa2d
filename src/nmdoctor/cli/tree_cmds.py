"""``nmdoctor ls`` and ``nmdoctor why``: what is installed where, and who pulls it in."""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.errors import InputError
from nmdoctor.cli.output import emit, format_option, output_option
from nmdoctor.inspect.tree import TreeError
from nmdoctor.lockfiles import LockfileError
from nmdoctor.model.chains import COUNT_CAP, MAX_CHAINS
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.project.cache import DiskStore, SqliteStore, default_cache_dir
from nmdoctor.project.session import NoLockfile, Project
from nmdoctor.render.escape import terminal_safe
from nmdoctor.render.tree_json import ls_document, why_document
from nmdoctor.resolve.node.pnp_state import PnpError
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, NodeVersion
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.trace import Trace, TraceFS

__all__ = ["InputError", "load_graph", "ls_command", "open_project", "why_command"]


def open_project(
    project: str,
    *,
    from_lockfile: bool = False,
    cache: bool = False,
    node_version: NodeVersion | None = None,
    trace: Trace | None = None,
) -> Project:
    """The session of PROJECT, its graph loaded (bad input is a one-line error, exit 2).

    ``cache`` keeps the scans of installed packages' code, the lockfile's model and what the
    project's files import in the user's cache folder;
    ``node_version``: the node the checks judge it as (default: the library's);
    ``trace``: where to note every question asked of the host's files (``vfs.trace``)."""
    folder = os.path.realpath(project)
    if not os.path.isdir(folder):
        raise InputError(f"{project}: not a directory")
    installed = os.path.join(folder, "node_modules")
    if os.path.isdir(installed):
        try:
            os.listdir(installed)
        except OSError as error:  # read as "nothing installed", it would say "run npm ci"
            raise InputError(f"{installed}: cannot be read ({error.strerror})") from None
    cache_dir = default_cache_dir() if cache else None
    session = Project(
        folder,
        DiskFS() if trace is None else TraceFS(DiskFS(), trace, shows_host=True),
        from_lockfile=from_lockfile,
        store=SqliteStore(os.path.join(cache_dir, "package-code.sqlite")) if cache_dir else None,
        model_store=DiskStore(os.path.join(cache_dir, "lockfile-models")) if cache_dir else None,
        source_store=DiskStore(os.path.join(cache_dir, "source-imports")) if cache_dir else None,
        node_version=node_version or DEFAULT_NODE_VERSION,
    )
    try:
        session.graph  # noqa: B018 - loaded here so that bad input stops the run before anything prints
    except NoLockfile as error:
        raise InputError(f"{project}: no lockfile{error.hint}") from None
    except LockfileError as error:
        raise InputError(str(error)) from None
    except (TreeError, PnpError) as error:
        raise InputError(str(error)) from None
    return session


def load_graph(project: str, *, from_lockfile: bool = False) -> DependencyGraph:
    """The installed tree of PROJECT (its lockfile when asked, or when nothing is installed).

    Bad input is a one-line error (exit 2).
    """
    return open_project(project, from_lockfile=from_lockfile).graph


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
    safe = terminal_safe
    out.write(
        f"{safe(graph.roots[0].label if graph.roots else graph.project)} ({graph.layout}): "
        f"{len(document['instances'])} installed instances\n"
    )
    for item in document["instances"]:
        out.write(f"{safe(item['name'])}@{safe(item['version'])}  {safe(item['path'])}\n")
        for link in item["links"]:
            out.write(f"    linked at {safe(link)}\n")
        users = ", ".join(f"{safe(ref['name'])}@{safe(ref['version'])}" for ref in item["dependents"]) or "nothing"
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
@click.option("--all", "all_chains", is_flag=True, help=f"Every chain (the first {MAX_CHAINS} otherwise).")
def why_command(
    name: str,
    project: str,
    as_json: bool,
    output_format: str | None,
    output: str | None,
    from_lockfile: bool,
    all_chains: bool,
) -> None:
    """Every instance of NAME and every chain of dependents from the project to it."""
    if not os.path.isdir(project) and os.path.isdir(name):
        # `nmdoctor why app/ react`: the two arguments swapped (NAME comes first, as in `npm why`)
        raise InputError(f"{project}: not a directory (NAME comes first: nmdoctor why {project} {name})")
    graph = load_graph(project, from_lockfile=from_lockfile)
    output_format = output_format or ("json" if as_json else "text")
    if output_format == "html":
        from nmdoctor.inspect.sizes import package_sizes
        from nmdoctor.render.html_report import render_html, report_data

        data = report_data(graph, title=f"nmdoctor why {name}", focus=name, sizes=package_sizes(graph))
        emit(render_html(data), output)
        sys.exit(0 if graph.instances_of(name) else 1)
    document = why_document(graph, name, all_chains=all_chains)
    if output_format == "json":
        emit(json.dumps(document) + "\n", output)
        sys.exit(0 if document["instances"] else 1)
    lines = []
    if not document["instances"]:
        lines.append(f"{terminal_safe(name)} is not installed in {terminal_safe(graph.project)}")
    for item in document["instances"]:
        lines.append(f"{terminal_safe(item['name'])}@{terminal_safe(item['version'])}  {terminal_safe(item['path'])}")
        lines.extend("    " + " > ".join(terminal_safe(step) for step in chain) for chain in item["chains"])
        if item["omittedChains"]:
            more = item["omittedChains"]
            at_least = "at least " if more + len(item["chains"]) >= COUNT_CAP else ""
            lines.append(f"    ... and {at_least}{more} more chains not shown (--all prints every chain)")
        if not item["chains"]:
            lines.append("    nothing in the project depends on it (extraneous)")
    emit("".join(line + "\n" for line in lines), output)
    if not document["instances"]:
        sys.exit(1)
