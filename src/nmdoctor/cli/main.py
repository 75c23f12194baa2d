"""The ``nmdoctor`` command."""

from __future__ import annotations

import importlib

import click

from nmdoctor import __version__

__all__ = ["main"]

# Each command's module is imported only when that command runs, so that `nmdoctor ls` does not
# pay for tree-sitter grammars, Dockerfile parsing or the planners at start-up.
COMMANDS = {
    "resolve": "nmdoctor.cli.resolve_cmd:resolve_command",
    "ls": "nmdoctor.cli.tree_cmds:ls_command",
    "why": "nmdoctor.cli.tree_cmds:why_command",
    "verify": "nmdoctor.cli.verify_cmd:verify_command",
    "check": "nmdoctor.cli.check_cmd:check_command",
    "explain": "nmdoctor.cli.explain_cmd:explain_command",
    "migrate": "nmdoctor.cli.migrate_cmd:migrate_command",
    "docker": "nmdoctor.cli.docker_cmd:docker_command",
    "volume-sync": "nmdoctor.cli.volume_sync_cmd:volume_sync_command",
    "archive": "nmdoctor.cli.archive_cmd:archive_command",
    "fleet": "nmdoctor.cli.fleet_cmd:fleet_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nmdoctor")
def main() -> None:
    """Explain and diagnose JavaScript dependency layouts (npm, pnpm, yarn, node_modules)."""


if __name__ == "__main__":
    main()
