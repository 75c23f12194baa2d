"""``nmdoctor resolve``: what ``require(X)`` / ``import X`` loads from a module, and why."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

import click

from nmdoctor.cli.environment import node_options, parent_module
from nmdoctor.cli.explain import package_name, render_explanation
from nmdoctor.cli.pnp_resolve import PnpResolvers, pnp_parent, render_pnp_help
from nmdoctor.inspect import unreachable_copies
from nmdoctor.inspect.node_version import NodeVersionChoice, choose_node_version
from nmdoctor.render.escape import terminal_safe
from nmdoctor.resolve import ImportKind, Resolution, Resolver
from nmdoctor.resolve.node.lookup import Lookup
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION
from nmdoctor.resolve.webpack.options import webpack_loader_defaults, webpack_normal_defaults
from nmdoctor.resolve.webpack.resolver import BundlerResolver
from nmdoctor.vfs import DiskFS

__all__ = ["resolve_command"]

EXAMPLES = """
\b
Examples:
  nmdoctor resolve css-loader --from . --explain
  nmdoctor resolve react --from src/index.js --json
  nmdoctor resolve ./util --from lib/a.mjs --esm --conditions development
  nmdoctor resolve --batch queries.jsonl > answers.jsonl
  nmdoctor resolve css-loader --from . --bundler webpack-loader   # as webpack's resolveLoader
  nmdoctor resolve pkg --from src/index.js --node-version 24      # as node 24 (newest 24.x)
\b
Batch lines: {"id", "from", "request", "mode": "cjs"|"esm", "conditions": [...],
"preserveSymlinks": bool}; each answer: {"id", "resolved", "error"}.
Exit status: 0 resolved, 1 not resolved, 2 bad usage or unreadable input.
"""


class BatchInputError(click.ClickException):
    exit_code = 2


def _split_conditions(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


@click.command(name="resolve", epilog=EXAMPLES)
@click.argument("request", required=False)
@click.option("--from", "from_", metavar="PATH", help="The requiring module (a file, or a folder: a module in it).")
@click.option("--esm", is_flag=True, help="Resolve as `import` (ESM) instead of `require` (CommonJS).")
@click.option("--conditions", metavar="A,B", help="Extra export conditions, as node --conditions.")
@click.option("--preserve-symlinks", is_flag=True, help="As node --preserve-symlinks.")
@click.option("--explain", is_flag=True, help="Print every candidate tried, in order, and why it failed.")
@click.option(
    "--bundler",
    type=click.Choice(["webpack", "webpack-loader"]),
    help="Resolve as webpack does (webpack-loader: as resolveLoader), from the folder --from.",
)
@click.option(
    "--node-version",
    metavar="20|22|24|26|X.Y.Z",
    help="Resolve as this node does (default: the project's engines.node/.nvmrc/..., else the node on PATH).",
)
@click.option("--json", "as_json", is_flag=True, help="Print {request, from, resolved, error} as JSON.")
@click.option(
    "--batch",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE.jsonl",
    help="Resolve every JSON line of FILE ('-' for stdin); print one JSON answer per line.",
)
def resolve_command(
    request: str | None,
    from_: str | None,
    esm: bool,
    conditions: str | None,
    preserve_symlinks: bool,
    explain: bool,
    as_json: bool,
    batch: str | None,
    bundler: str | None,
    node_version: str | None,
) -> None:
    """Resolve REQUEST exactly as node would from the module --from.

    The node version is --node-version, else the project's (volta.node, .nvmrc, .node-version,
    devEngines, engines.node), else the node on PATH.
    """
    if batch is not None:
        if request is not None:
            raise click.UsageError("give either REQUEST with --from, or --batch, not both")
        run_batch(batch, sys.stdout, node_version=_choose_version(os.getcwd(), node_version))
        return
    if request is None or from_ is None:
        raise click.UsageError("REQUEST and --from PATH are required (or --batch FILE.jsonl)")
    pnp_resolvers = PnpResolvers()
    inside_pnp = pnp_parent(from_)
    if inside_pnp is None and not _exists(from_):
        raise click.BadParameter(f"{from_}: no such file or directory", param_hint="--from")
    if bundler is not None:
        _resolve_bundler(request, from_, bundler, explain=explain, as_json=as_json)
        return
    choice = _choose_version(from_, node_version)
    options = node_options(
        _split_conditions(conditions), preserve_symlinks=preserve_symlinks, node_version=choice.version
    )
    parent = inside_pnp or parent_module(from_, preserve_symlinks=preserve_symlinks)
    kind = ImportKind.IMPORT if esm else ImportKind.REQUIRE
    # Under Plug'n'Play (a .pnp.cjs above the module), require goes through yarn's runtime.
    pnp = pnp_resolvers.for_parent(parent, options) if kind is ImportKind.REQUIRE else None
    if pnp is not None:
        result = pnp.resolve(request, parent, trace=explain)
    else:
        result = Resolver(DiskFS(), options).resolve(request, parent, kind, trace=explain)
    if as_json:
        payload: dict[str, Any] = {
            "request": request,
            # The requiring module as node loaded it; a folder stays a folder here.
            "from": os.path.dirname(parent) if os.path.isdir(from_) else parent,
            "resolved": result.resolved,
            "error": result.error,
        }
        if result.message is not None:
            payload["message"] = result.message
        if explain:
            payload["trace"] = [{"path": probe.path, "outcome": probe.outcome} for probe in result.trace]
            payload["nodeVersion"] = {"version": str(choice.version), "source": choice.source}
            decided = _project_alias(request, parent)
            if decided is not None:
                payload["projectConfig"] = decided
        click.echo(json.dumps(payload))
    elif explain and pnp is not None:
        click.echo(f"As {choice}")
        render_explanation(result, sys.stdout)
        name = package_name(request)
        if name:
            render_pnp_help(pnp, result, name, sys.stdout)
    elif explain:
        click.echo(f"As {choice}")
        name = package_name(request)
        copies = unreachable_copies(DiskFS(), name, parent) if name and not result.ok else []
        render_explanation(result, sys.stdout, copies)
        decided = _project_alias(request, parent)
        if decided is not None:
            click.echo(
                f"the project's config maps `{request}` ({decided}): the bundler, jest or TypeScript that "
                "reads it resolves it there; node itself does not read that config"
            )
    elif result.ok:
        click.echo(terminal_safe(result.resolved or ""))
    else:
        click.echo(terminal_safe(f"{result.error}: {result.message}"))
    sys.exit(0 if result.ok else 1)


def _choose_version(start: str, explicit: str | None) -> NodeVersionChoice:
    try:
        return choose_node_version(start, explicit=explicit)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--node-version") from None


def _resolve_bundler(request: str, from_: str, bundler: str, *, explain: bool, as_json: bool) -> None:
    context = os.path.realpath(from_)
    if not os.path.isdir(context):
        context = os.path.dirname(context)
    options = webpack_loader_defaults() if bundler == "webpack-loader" else webpack_normal_defaults(context=context)
    result = BundlerResolver(DiskFS(), options).resolve(request, context)
    if as_json:
        payload = {"request": request, "from": context, "resolved": result.resolved, "error": result.error}
        if explain:
            payload["trace"] = list(result.trace)
        click.echo(json.dumps(payload))
    else:
        click.echo(terminal_safe((result.resolved if result.ok else result.error) or ""))
        if explain:
            for number, step in enumerate(result.trace, start=1):
                click.echo(f"  {number:>3}. {terminal_safe(step)}")
    sys.exit(0 if result.ok else 1)


def _project_alias(request: str, parent: str) -> str | None:
    """The alias or module folder of the project's own resolution config that answers ``request``
    from ``parent`` (the nearest folder above it with a package.json is the project), in words."""
    if request.startswith((".", "/")):
        return None
    from nmdoctor.project.resolution import ProjectResolution

    folder = os.path.dirname(parent)
    while not os.path.isfile(os.path.join(folder, "package.json")):
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above
    decision = ProjectResolution(DiskFS(), folder, on_disk=True).decide(request, parent)
    if decision is None:
        return None
    return decision.describe(os.path.relpath(decision.config, folder))


def _exists(path: str) -> bool:
    import os

    return os.path.lexists(path)


def _read_batch(path: str) -> list[dict[str, Any]]:
    try:
        if path == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BatchInputError(f"{path}: cannot read: {error}") from None
    queries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            query = json.loads(line)
        except ValueError as error:
            raise BatchInputError(f"{path}:{number}: not a JSON line ({error})") from None
        problem = _batch_line_problem(query)
        if problem:
            raise BatchInputError(f"{path}:{number}: {problem}")
        queries.append(query)
    return queries


def _batch_line_problem(query: Any) -> str | None:
    if not isinstance(query, dict):
        return "expected a JSON object"
    if not isinstance(query.get("request"), str):
        return '"request" must be a string'
    if not isinstance(query.get("from"), str):
        return '"from" must be a string'
    if query.get("mode", "cjs") not in ("cjs", "esm"):
        return '"mode" must be "cjs" or "esm"'
    conditions = query.get("conditions", [])
    if not isinstance(conditions, list) or not all(isinstance(item, str) for item in conditions):
        return '"conditions" must be a list of strings'
    if not isinstance(query.get("preserveSymlinks", False), bool):
        return '"preserveSymlinks" must be true or false'
    return None


def run_batch(path: str, out: TextIO, *, node_version: NodeVersionChoice | None = None) -> None:
    """Answer every query of a JSON-lines file in one process, sharing one filesystem snapshot."""
    queries = _read_batch(path)
    fs = DiskFS()
    version = node_version.version if node_version is not None else DEFAULT_NODE_VERSION
    lookup = Lookup(fs, version)
    pnp_resolvers = PnpResolvers(fs)
    resolvers: dict[tuple[tuple[str, ...], bool], Resolver] = {}
    parents: dict[tuple[str, bool], str] = {}
    lines = []
    for query in queries:
        conditions = tuple(query.get("conditions", ()))
        preserve = query.get("preserveSymlinks", False)
        key = (conditions, preserve)
        resolver = resolvers.get(key)
        if resolver is None:
            options = node_options(conditions, preserve_symlinks=preserve, node_version=version)
            resolver = Resolver(fs, options, lookup=lookup)
            resolvers[key] = resolver
        parent = parents.get((query["from"], preserve))
        if parent is None:
            parent = pnp_parent(query["from"]) or parent_module(query["from"], preserve_symlinks=preserve)
            parents[(query["from"], preserve)] = parent
        kind = ImportKind.IMPORT if query.get("mode") == "esm" else ImportKind.REQUIRE
        pnp = pnp_resolvers.for_parent(parent, resolver.options) if kind is ImportKind.REQUIRE else None
        result: Resolution = (
            pnp.resolve(query["request"], parent)
            if pnp is not None
            else resolver.resolve(query["request"], parent, kind)
        )
        lines.append(json.dumps({"id": query.get("id"), "resolved": result.resolved, "error": result.error}))
        if len(lines) >= 512:
            out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        out.write("\n".join(lines) + "\n")
    out.flush()
