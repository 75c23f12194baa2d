"""``nmdoctor check``: every dependency problem of a project, with its cause and a fix."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any, TypeGuard

import click

from nmdoctor.cli.node_choice import choice_json, choose, footer, node_version_option
from nmdoctor.cli.output import emit, format_option, output_option
from nmdoctor.cli.progress import scan_progress
from nmdoctor.cli.tree_cmds import InputError, open_project
from nmdoctor.diagnostics.config import ConfigError
from nmdoctor.diagnostics.explanations import all_explanations
from nmdoctor.diagnostics.model import findings_document
from nmdoctor.diagnostics.registry import all_checks
from nmdoctor.inspect.node_version import NodeVersionChoice
from nmdoctor.lockfiles import LockfileError
from nmdoctor.lockfiles.platform import keep_node_versions
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.project.cache import DiskStore, default_cache_dir
from nmdoctor.project.session import Project
from nmdoctor.vfs.base import FileSystemError
from nmdoctor.vfs.trace import ACTIVE, Trace

__all__ = ["check_command"]


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _known_codes(codes: tuple[str, ...] | frozenset[str], where: str) -> None:
    """Unknown codes would silently select or ignore nothing (a CI check switched off): exit 2."""
    if not codes:
        return  # nothing to look up: the rules are not imported for it (a warm run needs none)
    known = {item.code for item in all_checks()} | set(all_explanations())
    unknown = sorted(set(codes) - known)
    if unknown:
        raise InputError(f"{where}: unknown code(s) {', '.join(unknown)}; `nmdoctor explain --list` lists them")


@click.command(
    name="check",
    epilog="""
\b
Examples:
  nmdoctor check                              # the project in this folder
  nmdoctor check path/to/app --format json    # {"findings": [...], "summary": {...}}
  nmdoctor check --ignore extraneous-package --output report.json --format json
  nmdoctor check --format sarif --output nmdoctor.sarif   # for code scanning
  nmdoctor check --format html --output report.html       # findings and a tree explorer, one file
  nmdoctor check --fail-on warning -q          # in CI: fail on warnings too, print nothing
  nmdoctor check --node-version 20.18.0       # as node 20.18 (before require(esm)) runs it
\b
Settings: "nmdoctor" in package.json, or .nmdoctor.json:
  {"ignore": [codes], "singletons": [package names], "ignorePackages": [names]}
Exit status: 0 no error-level finding, 1 at least one, 2 bad usage or unreadable input.
""",
)
@click.argument("project", default=".", type=click.Path(file_okay=False))
@format_option("text", "json", "sarif", "html", default="text", help="How to print the findings.")
@output_option
@click.option("--select", metavar="CODES", help="Only these finding codes (comma separated).")
@click.option("--ignore", metavar="CODES", help="Leave out these finding codes (comma separated).")
@click.option("--lockfile", "from_lockfile", is_flag=True, help="Check the lockfile even if node_modules exists.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity (or worse) is found.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit status tells.")
@node_version_option()
@click.option(
    "--no-cache",
    is_flag=True,
    help="Scan installed packages' code afresh, without the user cache ($NMDOCTOR_CACHE_DIR to move it).",
)
def check_command(
    project: str,
    output_format: str,
    output: str | None,
    select: str | None,
    ignore: str | None,
    from_lockfile: bool,
    fail_on: str,
    quiet: bool,
    no_cache: bool,
    node_version: str | None,
) -> None:
    """Find every dependency problem of PROJECT (its node_modules, or its lockfile).

    Findings that depend on the node version (require() of an ES module, imports that resolve
    differently across the engines.node range) judge it as --node-version, else the project's node
    (volta.node, .nvmrc, .node-version, devEngines, engines.node), else the node on PATH."""
    _known_codes(_codes(select), "--select")
    _known_codes(_codes(ignore), "--ignore")
    if not no_cache:
        keep_node_versions(DiskStore(os.path.join(default_cache_dir(), "node-versions")))
    choice = choose(project if os.path.isdir(project) else ".", node_version)  # open_project names a missing one
    results: DiskStore | None = None
    key = ""
    kept = None
    if not no_cache and output_format != "html" and os.path.isdir(project):
        from nmdoctor.project.result_cache import kept_result, result_key

        results = DiskStore(os.path.join(default_cache_dir(), "check-results"))
        options = (from_lockfile, _codes(select), _codes(ignore))
        key = result_key(os.path.realpath(project), options, str(choice.version))
        kept = kept_result(results, key)
    graph: DependencyGraph | None = None  # read only when checking: html draws it
    sizes: dict[str, int | None] = {}
    if _usable(kept):
        core, project_path, instances = kept["document"], kept["project"], kept["instances"]
    else:
        core, project_path, instances, graph, sizes = _run(
            project, output_format, select, ignore, from_lockfile, no_cache, choice, results, key
        )
    node = choice_json(choice, project_path)
    document = {**core, "nodeVersion": node}
    if output_format == "json":
        text = json.dumps(document, indent=2) + "\n"
    elif output_format == "html":
        from nmdoctor.render.html_report import render_html, report_data

        assert graph is not None  # html is never answered from the kept findings
        data = report_data(graph, title=f"nmdoctor check: {graph.roots[0].label}", findings=document, sizes=sizes)
        text = render_html(data, node_line=footer(choice, project_path))
    elif output_format == "sarif":
        from nmdoctor.render.sarif import sarif_document

        project_uri = Path(project_path).as_uri() + "/"
        text = json.dumps(sarif_document(document, project_uri, node_version=node), indent=2) + "\n"
    else:
        from nmdoctor.render.findings_text import render_findings

        buffer = io.StringIO()
        colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        # a run from the lockfile judged what the lockfile records, nothing installed
        kind = "locked" if from_lockfile else "installed"
        packages = f"{instances} {kind} package{'' if instances == 1 else 's'}"
        render_findings(document, buffer, ok_line=f"no problems in {packages}", colour=colour)
        buffer.write(footer(choice, project_path) + "\n")
        text = buffer.getvalue()
    if output or not quiet:
        emit(text, output)
    summary = document["summary"]
    failing = {"error": summary["error"], "warning": summary["error"] + summary["warning"], "never": 0}[fail_on]
    sys.exit(1 if failing else 0)


def _usable(kept: Any) -> TypeGuard[dict[str, Any]]:
    return (
        type(kept) is dict
        and type(kept.get("document")) is dict
        and type(kept.get("project")) is str
        and type(kept.get("instances")) is int
    )


def _run(
    project: str,
    output_format: str,
    select: str | None,
    ignore: str | None,
    from_lockfile: bool,
    no_cache: bool,
    choice: NodeVersionChoice,
    results: DiskStore | None,
    key: str,
) -> tuple[dict[str, Any], str, int, DependencyGraph, dict[str, int | None]]:
    """The checks of PROJECT: the findings document (without the node line), the project's path,
    the packages installed, the graph and (for html) the package sizes. With ``results``, every
    question asked of the files is traced and the findings kept under ``key`` for the next run."""
    trace = Trace() if results is not None else None
    if trace is not None:
        ACTIVE.append(trace)
    session: Project | None = None
    try:
        with scan_progress("check") as step:
            step("reading the installed tree")
            session = open_project(
                project, from_lockfile=from_lockfile, cache=not no_cache, node_version=choice.version, trace=trace
            )
            graph = session.graph
            session.start_scans(select=_codes(select), ignore=_codes(ignore))
            if session.lockfile_path is not None and not from_lockfile:
                step("reading the lockfile")
            try:
                session.lockfile  # noqa: B018 - read here: a bad lockfile stops the run before the checks
            except LockfileError as error:
                raise InputError(str(error)) from None
            try:
                _known_codes(session.settings.ignore, f'{session.settings.source}: "ignore"')
                findings = session.findings(
                    select=_codes(select),
                    ignore=_codes(ignore),
                    on_check=lambda code, done, total: step(f"checking {code}", done, total),
                )
            except ConfigError as error:
                raise InputError(str(error)) from None
            except FileSystemError as error:  # a source folder that cannot be listed, a FIFO among the sources
                raise InputError(str(error)) from None
            sizes: dict[str, int | None] = {}
            if output_format == "html":
                from nmdoctor.inspect.sizes import package_sizes

                step("measuring package folders")
                sizes = package_sizes(graph)
    finally:
        if trace is not None:
            ACTIVE.remove(trace)
        if session is not None:
            session.close()
    instances = len(graph.instances) - 1
    core = findings_document(findings, layout=graph.layout, instances=instances)
    if trace is not None and results is not None:
        from nmdoctor.project.result_cache import keep_result

        if "package_code" in session.__dict__:  # built: the scans of installed code it relied on
            trace.file_sizes = session.package_code.relied_on()
        keep_result(results, key, trace, {"document": core, "project": graph.project, "instances": instances})
    return core, graph.project, instances, graph, sizes
