"""``nmdoctor migrate``: what breaks or changes under another package manager, before you switch."""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.tree_cmds import InputError, load_graph
from nmdoctor.diagnostics.model import findings_document
from nmdoctor.linkers.materialize import MaterializeError, materialize
from nmdoctor.linkers.pnpm import PnpmSettings
from nmdoctor.linkers.yarn_berry import BerrySettings, HoistingLimits
from nmdoctor.migrate import migrate
from nmdoctor.migrate.engine import TARGETS
from nmdoctor.render.findings_text import render_findings
from nmdoctor.vfs import DiskFS

__all__ = ["migrate_command"]


def _patterns(text: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if text is None:
        return default
    return tuple(part.strip() for part in text.split(",") if part.strip())


@click.command(
    name="migrate",
    epilog="""
\b
Examples:
  nmdoctor migrate --to pnpm                 # what an npm/yarn project would break under pnpm
  nmdoctor migrate --to nested --json        # npm's nested (v2) layout
  nmdoctor migrate --to yarn-berry --nm-hoisting-limits workspaces
                                             # yarn 4, nodeLinker: node-modules, nothing hoisted past a workspace
  nmdoctor migrate --to pnpm --materialize /tmp/try-pnpm   # then: cd /tmp/try-pnpm && node src/index.js
  nmdoctor migrate --to pnpm --hoist-pattern '' --public-hoist-pattern ''
                                             # on a pnpm project: what relies on hoisting today
\b
Targets: pnpm (isolated, pnpm 10 defaults), npm (hoisted, arborist's placement without peer sets),
nested (npm --install-strategy=nested), yarn (yarn 1's hoisting), yarn-berry (yarn 4 with
nodeLinker: node-modules: its hoister, by popularity, with peers and nmHoistingLimits).
Exit status: 0 nothing breaks, 1 something breaks, 2 bad usage or unreadable input.
""",
)
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--to", "target", required=True, type=click.Choice(["npm", "pnpm", "yarn", "nested", "yarn-berry"]))
@click.option("--json", "as_json", is_flag=True, help="Print the findings document as JSON.")
@click.option("--lockfile", "from_lockfile", is_flag=True, help="Start from the lockfile even if node_modules exists.")
@click.option("--hoist-pattern", metavar="GLOBS", help="pnpm: names hoisted into .pnpm/node_modules (default *).")
@click.option("--public-hoist-pattern", metavar="GLOBS", help="pnpm: names hoisted to node_modules (default none).")
@click.option("--shamefully-hoist", is_flag=True, help="pnpm: hoist everything to node_modules.")
@click.option(
    "--nm-hoisting-limits",
    type=click.Choice(["none", "workspaces", "dependencies"]),
    help="yarn-berry: nmHoistingLimits of .yarnrc.yml (default none; a workspace's installConfig wins).",
)
@click.option(
    "--materialize",
    "materialize_to",
    type=click.Path(file_okay=False),
    help="Also write the project with the planned node_modules to DIR (a new folder), to run node on it.",
)
def migrate_command(
    project: str,
    target: str,
    as_json: bool,
    from_lockfile: bool,
    hoist_pattern: str | None,
    public_hoist_pattern: str | None,
    shamefully_hoist: bool,
    nm_hoisting_limits: HoistingLimits | None,
    materialize_to: str | None,
) -> None:
    """Plan PROJECT's node_modules under another layout and report every resolution that breaks or changes."""
    if target not in TARGETS:
        raise InputError(f"--to {target}: that planner is not written yet (available: {', '.join(sorted(TARGETS))})")
    if nm_hoisting_limits is not None and target != "yarn-berry":
        raise click.UsageError("--nm-hoisting-limits applies to --to yarn-berry only")
    graph = load_graph(project, from_lockfile=from_lockfile)
    settings = PnpmSettings(
        hoist_pattern=_patterns(hoist_pattern, ("*",)),
        public_hoist_pattern=_patterns(public_hoist_pattern, ()),
        shamefully_hoist=shamefully_hoist,
    )
    berry = BerrySettings(hoisting_limits=nm_hoisting_limits or "none")
    result = migrate(graph, DiskFS(), target, settings, berry=berry)
    if materialize_to is not None:
        try:
            written = materialize(result.plan, graph.project, materialize_to)
        except (MaterializeError, OSError) as error:
            raise InputError(f"{materialize_to}: cannot write the planned layout ({error})") from None
        click.echo(f"wrote {written} packages under {materialize_to}", err=True)
    document = findings_document(
        result.findings,
        layout=graph.layout,
        target=result.target_layout,
        edges_compared=result.edges_compared,
        imports_compared=result.questions_compared,
    )
    if as_json:
        click.echo(json.dumps(document, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        render_findings(
            document,
            sys.stdout,
            ok_line=f"nothing breaks under {result.target_layout} ({result.edges_compared} dependency edges compared)",
            colour=colour,
        )
    sys.exit(1 if document["summary"]["error"] else 0)
