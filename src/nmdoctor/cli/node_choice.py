"""``--node-version`` for every command that judges a project, and how the chosen node is printed.

The version is the option's, else the project's (``inspect.node_version.choose_node_version``;
``docker``: the runtime stage's ``FROM node:TAG``), else the ``node`` on PATH. Reports say which
and why: ``"nodeVersion": {"version", "source"}`` in JSON, a footer line in text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from nmdoctor.inspect.node_version import NodeVersionChoice, choose_node_version

__all__ = ["choice_json", "choose", "footer", "node_version_option", "relative_source"]

F = TypeVar("F", bound=Callable[..., Any])

HELP = (
    "Judge the project as this node does: 20, 22, 24, 26 (the newest of that line) or X.Y.Z "
    "(default: the project's volta.node/.nvmrc/.node-version/devEngines/engines.node, else the node on PATH)."
)


def node_version_option(help_text: str = HELP) -> Callable[[F], F]:
    return click.option("--node-version", "node_version", metavar="20|22|24|26|X.Y.Z", help=help_text)


def choose(start: str, explicit: str | None) -> NodeVersionChoice:
    """``choose_node_version``, a bad ``--node-version`` being a usage error (exit 2)."""
    try:
        return choose_node_version(start, explicit=explicit)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--node-version") from None


def relative_source(choice: NodeVersionChoice, folder: str) -> str:
    """The choice's source with ``folder``'s own path left out (``.nvmrc``, ``package.json engines.node
    ">=20"``), so that reports read the same wherever the project is checked out."""
    prefix = os.path.realpath(folder).rstrip("/") + "/"
    source = choice.source
    return source[len(prefix) :] if source.startswith(prefix) else source


def choice_json(choice: NodeVersionChoice, folder: str) -> dict[str, Any]:
    """The ``nodeVersion`` object of a JSON report."""
    return {"version": str(choice.version), "source": relative_source(choice, folder)}


def footer(choice: NodeVersionChoice, folder: str) -> str:
    """The text report's last line: ``judged as node 22.23.5 (from .nvmrc "22")``."""
    return f"judged as node {choice.version} (from {relative_source(choice, folder)})"
