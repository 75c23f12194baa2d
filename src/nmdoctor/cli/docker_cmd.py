"""``nmdoctor docker``: what the container setup does to node_modules."""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.node_choice import choice_json, choose, node_version_option
from nmdoctor.cli.tree_cmds import InputError
from nmdoctor.diagnostics.model import findings_document
from nmdoctor.docker.hazards import DockerInputError, docker_findings
from nmdoctor.docker.node_image import runtime_node
from nmdoctor.inspect.node_version import NodeVersionChoice
from nmdoctor.render.findings_text import render_findings
from nmdoctor.vfs import DiskFS

__all__ = ["docker_command"]


@click.command(
    name="docker",
    epilog="""
\b
Examples:
  nmdoctor docker                 # Dockerfile*, compose files, .dockerignore and entrypoints here
  nmdoctor docker deploy/ --json
  nmdoctor docker -f compose.yml -f compose.dev.yml   # a compose stack, merged as docker compose does
  nmdoctor docker --json --node-version 24   # "nodeVersion" says 24 whatever the FROM says
\b
Exit status: 0 no error-level finding, 1 at least one, 2 bad usage, unreadable input, or no Dockerfile
or compose file to analyse.
""",
)
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option(
    "-f",
    "--file",
    "files",
    multiple=True,
    help="A compose file (relative to FOLDER), as `docker compose -f`; repeat to merge a stack in order.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings document as JSON.")
@node_version_option(
    "Judge the container as this node: 20, 22, 24, 26 or X.Y.Z (default: the FROM node:TAG of the "
    "Dockerfile's last stage, else the project's .nvmrc/engines.node/..., else the node on PATH)."
)
def docker_command(folder: str, files: tuple[str, ...], as_json: bool, node_version: str | None) -> None:
    """Find node_modules hazards in FOLDER's Dockerfiles, compose files and entrypoint scripts.

    The node it is judged as (printed with --json) is --node-version, else the node image of the
    stage `docker build` ships (`FROM node:22-alpine` is node 22), else the project's."""
    real = os.path.realpath(folder)
    if not os.path.isdir(real):
        raise InputError(f"{folder}: not a directory")
    choice = _choose(real, node_version)
    try:
        findings = docker_findings(DiskFS(), real, list(files) or None)
    except DockerInputError as error:
        raise InputError(str(error)) from None
    document = findings_document(findings)
    if as_json:
        click.echo(json.dumps({**document, "nodeVersion": choice_json(choice, real)}, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        render_findings(document, sys.stdout, ok_line="no node_modules hazards in the container setup", colour=colour)
    sys.exit(1 if document["summary"]["error"] else 0)


def _choose(folder: str, explicit: str | None) -> NodeVersionChoice:
    """``--node-version``, else the shipped stage's node image, else the project's node."""
    if explicit is None:
        image = runtime_node(DiskFS(), folder)
        if image is not None:
            return NodeVersionChoice(image.version, image.source)
    return choose(folder, explicit)
