"""The ``nmdoctor`` command."""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from typing import Any, NoReturn

import click

from nmdoctor import __version__
from nmdoctor.render.escape import terminal_safe

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
    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command; an output that cannot be written (``> /dev/full``, a closed pipe) or input
        nested past every bound ends in one line and exit 2, never a traceback."""
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except OSError as error:
            _fail(f"{error.filename or 'standard output'}: {error.strerror or error}")
        except RecursionError:
            _fail("input nested too deep to read")
        except UnicodeEncodeError as error:  # a name from an undecodable file name, where text must be UTF-8
            bad = error.object[error.start : error.end] if isinstance(error.object, str) else ""
            _fail(f"a name or path in the input is not valid text ({bad!a}); rename it")
        return None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        if cmd_name == "fleet":
            gc.enable()  # many projects in one run: the console script had switched it off (cli/entry.py)
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


def _fail(message: str) -> NoReturn:
    # Whatever is still buffered for standard output can never be written: drop it, so that the
    # interpreter's exit does not try again and print a second error.
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    with contextlib.suppress(OSError):
        sys.stderr.write(f"Error: {terminal_safe(message)}\n")
        sys.stderr.flush()
    os._exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nmdoctor")
def main() -> None:
    """Explain and diagnose JavaScript dependency layouts (npm, pnpm, yarn, node_modules)."""


if __name__ == "__main__":
    main()
