"""``nmdoctor volume-sync``: restore the image's dependencies into a node_modules volume, safely."""

from __future__ import annotations

import json
from pathlib import Path

import click

from nmdoctor.cli.errors import InputError, one_line
from nmdoctor.docker.volume_sync import SyncError, sync_volume
from nmdoctor.render.escape import terminal_safe

__all__ = ["volume_sync_command"]


@click.command(
    name="volume-sync",
    epilog="""
\b
Examples (in a container entrypoint, before starting node):
  nmdoctor volume-sync --base /app/node_modules_image --target /app/node_modules
  nmdoctor volume-sync --base /app/node_modules_image --target /app/node_modules --check
\b
The volume keeps what users installed at run time; an entry that clashes with one of the image's
is moved to node_modules/.nmdoctor-conflicts/ and reported. Safe to kill at any instant and re-run;
replicas sharing the volume take turns (a lock on --target, held for the whole sync).
Exit status: 0 done (or, with --check, nothing to do), 1 --check found work to do, 2 bad input.
""",
)
@click.option("--base", required=True, type=click.Path(file_okay=False), help="The image's node_modules (a copy).")
@click.option("--target", required=True, type=click.Path(file_okay=False), help="The node_modules volume.")
@click.option("--check", is_flag=True, help="Only report what would change.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=600.0,
    show_default=True,
    help="Seconds to wait for another volume-sync on the same --target.",
)
def volume_sync_command(base: str, target: str, check: bool, as_json: bool, lock_timeout: float) -> None:
    """Make --target hold the image's dependencies from --base, verified unit by unit."""

    def waiting() -> None:
        click.echo(
            f"waiting for another volume-sync on {terminal_safe(target)} to finish (up to {lock_timeout:g} s)",
            err=True,
        )

    try:
        report = sync_volume(Path(base), Path(target), check=check, lock_timeout=lock_timeout, on_wait=waiting)
    except (SyncError, OSError) as error:
        raise InputError(one_line(error)) from None
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    elif report.up_to_date:
        click.echo(f"up to date with the image ({report.base_hash[:12]}); {len(report.kept)} user entries kept")
    else:
        verb = "would " if check else ""
        click.echo(
            f"{verb}copy {len(report.copied)}, {verb}replace {len(report.replaced)}, {verb}remove "
            f"{len(report.removed)} image entries; {len(report.kept)} user entries kept"
        )
        for unit in report.conflicts:
            click.echo(
                f"conflict: {terminal_safe(unit)} installed by a user clashes with the image's; "
                f"{'it would be' if check else 'moved to .nmdoctor-conflicts/, the image'}'s version is in place"
            )
        moved = sorted(set(report.moved_aside) - set(report.conflicts))
        for unit in moved:
            click.echo(f"moved aside: {terminal_safe(unit)} (changed since the image put it) to .nmdoctor-conflicts/")
    changes = report.copied or report.replaced or report.removed or report.conflicts
    raise SystemExit(1 if check and changes else 0)
