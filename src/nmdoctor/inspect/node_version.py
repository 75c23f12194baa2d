"""Which node a project runs: from its own files, else the ``node`` on PATH.

``choose_node_version(start)`` is what every command that resolves calls to pick the default for
``--node-version``. From ``start`` upward (a path inside ``node_modules`` counts from the folder
that holds the outermost ``node_modules``), the first folder with any of these decides, read in
this order: ``package.json`` ``volta.node``, ``.nvmrc``, ``.node-version``, ``package.json``
``devEngines.runtime`` (name ``node``), ``package.json`` ``engines.node``. A pin (``22``,
``v22.12.0``, ``lts/jod``) names its version; a range (``>=20.19 <23``) is answered by the node
on PATH when it satisfies the range, else by the oldest release line's newest version that does
(the releases nmdoctor knows: 20.20.2, 22.23.5, 24.22.3, 26.12.1), else by the range's lowest
version. Values that name no version (``lts/*`` aside, unknown aliases, bad ranges) are skipped.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any

from nmdoctor.lockfiles.platform import node_here
from nmdoctor.resolve.node.versions import DEFAULT_NODE_VERSION, LATEST, NodeVersion, parse_node_version

__all__ = ["NodeVersionChoice", "choose_node_version", "node_on_path"]

# nvm's LTS code names (lts/<name>); "lts/*" is the newest LTS line nmdoctor knows.
_LTS = {"hydrogen": 18, "iron": 20, "jod": 22, "krypton": 24}
_NEWEST_ALIASES = ("node", "stable", "current", "latest", "lts/*")
_EXACT = re.compile(r"^v?\d+(?:\.\d+){0,2}$")


@dataclass(frozen=True, slots=True)
class NodeVersionChoice:
    """The node version to resolve as, and where it came from (printed by ``--explain``)."""

    version: NodeVersion
    source: str

    def __str__(self) -> str:
        return f"node {self.version} ({self.source})"


def node_on_path() -> NodeVersion | None:
    """``node --version`` of the ``node`` on PATH, or None without one."""
    version = node_here()
    try:
        return parse_node_version(version) if version is not None else None
    except ValueError:
        return None


def choose_node_version(start: str, *, explicit: str | None = None) -> NodeVersionChoice:
    """The node to resolve as for a project containing ``start``; ``explicit`` (``--node-version``)
    wins. Raises ValueError when ``explicit`` is not a version."""
    if explicit is not None:
        return NodeVersionChoice(parse_node_version(explicit), "--node-version")
    on_path = node_on_path()
    for folder in _project_folders(start):
        found = _from_folder(folder, on_path)
        if found is not None:
            return found
    if on_path is not None:
        return NodeVersionChoice(on_path, "the node on PATH")
    return NodeVersionChoice(DEFAULT_NODE_VERSION, "no project setting and no node on PATH")


def _project_folders(start: str) -> list[str]:
    path = os.path.abspath(start)
    marker = path.find("/node_modules")
    if marker != -1 and path[marker + len("/node_modules") :][:1] in ("", "/"):
        path = path[:marker] or "/"
    if not os.path.isdir(path):
        path = os.path.dirname(path)
    folders = []
    while True:
        folders.append(path)
        parent = os.path.dirname(path)
        if parent == path:
            return folders
        path = parent


def _read_manifest(folder: str) -> dict[str, Any]:
    path = os.path.join(folder, "package.json")
    if not os.path.isfile(path):  # a FIFO or a device would block the read
        return {}
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):  # unreadable: the command that reads it says why
        return {}
    return data if isinstance(data, dict) else {}


def _read_first_line(path: str) -> str | None:
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for line in handle:
                text = line.split("#", 1)[0].strip()
                if text:
                    return text
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _from_folder(folder: str, on_path: NodeVersion | None) -> NodeVersionChoice | None:
    manifest = _read_manifest(folder)
    where = os.path.join(folder, "package.json")
    candidates: list[tuple[Any, str]] = []
    volta = manifest.get("volta")
    if isinstance(volta, dict):
        candidates.append((volta.get("node"), f"{where} volta.node"))
    for name in (".nvmrc", ".node-version"):
        candidates.append((_read_first_line(os.path.join(folder, name)), os.path.join(folder, name)))
    candidates.append((_dev_engines_node(manifest.get("devEngines")), f"{where} devEngines.runtime"))
    engines = manifest.get("engines")
    if isinstance(engines, dict):
        candidates.append((engines.get("node"), f"{where} engines.node"))
    for value, source in candidates:
        if isinstance(value, str) and value.strip():
            version = _version_for(value.strip(), on_path)
            if version is not None:
                return NodeVersionChoice(version, f'{source} "{value.strip()}"')
    return None


def _dev_engines_node(dev_engines: Any) -> str | None:
    if not isinstance(dev_engines, dict):
        return None
    runtime = dev_engines.get("runtime")
    for entry in runtime if isinstance(runtime, list) else [runtime]:
        if isinstance(entry, dict) and entry.get("name") == "node":
            version = entry.get("version")
            return version if isinstance(version, str) else None
    return None


def _version_for(value: str, on_path: NodeVersion | None) -> NodeVersion | None:
    """A pin's version, or the version a range is answered with (see the module docstring)."""
    lowered = value.lower()
    if lowered in _NEWEST_ALIASES:
        return LATEST[max(LATEST)]
    if lowered.startswith("lts/"):
        major = _LTS.get(lowered[4:])
        return parse_node_version(str(major)) if major is not None else None
    if _EXACT.match(value):
        return parse_node_version(value)
    import nodesemver  # only a range needs it (its import compiles dozens of patterns)

    try:
        if nodesemver.valid_range(value, loose=True) is None:
            return None
        if on_path is not None and nodesemver.satisfies(str(on_path), value, loose=True):
            return on_path
        known = [str(LATEST[major]) for major in sorted(LATEST)]
        found = nodesemver.min_satisfying(known, value, loose=True)
        if found is None:
            lowest = nodesemver.min_satisfying(
                [f"{major}.{minor}.0" for major in range(18, max(LATEST) + 10) for minor in range(40)],
                value,
                loose=True,
            )
            return parse_node_version(str(lowest)) if lowest is not None else None
        return parse_node_version(str(found))
    except (ValueError, TypeError):
        return None
