"""The ``nmdoctor`` command."""

from __future__ import annotations

import click

from nmdoctor import __version__
from nmdoctor.cli.archive_cmd import archive_command
from nmdoctor.cli.check_cmd import check_command
from nmdoctor.cli.docker_cmd import docker_command
from nmdoctor.cli.explain_cmd import explain_command
from nmdoctor.cli.migrate_cmd import migrate_command
from nmdoctor.cli.resolve_cmd import resolve_command
from nmdoctor.cli.tree_cmds import ls_command, why_command
from nmdoctor.cli.verify_cmd import verify_command
from nmdoctor.cli.volume_sync_cmd import volume_sync_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nmdoctor")
def main() -> None:
    """Explain and diagnose JavaScript dependency layouts (npm, pnpm, yarn, node_modules)."""


main.add_command(resolve_command)
main.add_command(ls_command)
main.add_command(why_command)
main.add_command(verify_command)
main.add_command(check_command)
main.add_command(explain_command)
main.add_command(migrate_command)
main.add_command(docker_command)
main.add_command(volume_sync_command)
main.add_command(archive_command)

if __name__ == "__main__":
    main()
