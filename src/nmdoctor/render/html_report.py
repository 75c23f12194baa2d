"""The self-contained HTML report: findings, an explorer of the installed tree, a migration's breaks.

One file, no network at view time: the page's script and style (written for this project, in
``render/assets``) and the data (a JSON document, see ``report_data``) are inlined. The page draws
only what is on screen (a virtual list of package names, findings in pages), so it stays quick on
trees of thousands of packages.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from nmdoctor import __version__
from nmdoctor.diagnostics.explanations import all_explanations
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.render.tree_json import relative

__all__ = ["render_html", "report_data"]

REPORT_FORMAT = 1


def _instances(graph: DependencyGraph, sizes: dict[str, int | None]) -> tuple[list[dict[str, Any]], list[list[int]]]:
    index = {instance.path: position for position, instance in enumerate(graph.instances)}
    instances = []
    dependents: list[list[int]] = []
    for instance in graph.instances:
        row: dict[str, Any] = {
            "name": instance.name,
            "version": instance.version,
            "path": relative(graph, instance.path),
            "size": sizes.get(instance.path),
            "links": [relative(graph, link) for link in instance.links],
        }
        if instance.is_project or instance.is_workspace:
            row["root"] = "project" if instance.is_project else "workspace"
        # What each declared dependency resolves to from here: [name, spec, instance index or -1].
        row["uses"] = [
            [edge.name, edge.spec, index[edge.target.path] if edge.target is not None else -1]
            for edge in graph.edges_from(instance)
        ]
        instances.append(row)
        # In the graph's own order: the chains the page walks are then the ones `why` prints.
        dependents.append([index[edge.source.path] for edge in graph.dependents(instance)])
    return instances, dependents


def _what_it_means(codes: set[str]) -> dict[str, str]:
    meanings = {}
    texts = all_explanations()
    for code in sorted(codes):
        found = texts.get(code)
        if found is not None:
            text = found[1].split("## Why it matters")[0].replace("## What it means", "").strip()
            meanings[code] = " ".join(text.split())
    return meanings


def report_data(
    graph: DependencyGraph,
    *,
    title: str,
    findings: dict[str, Any] | None = None,
    focus: str | None = None,
    migration: dict[str, Any] | None = None,
    sizes: dict[str, int | None] | None = None,
) -> dict[str, Any]:
    """The document the page shows.

    ``findings`` and ``migration`` are findings documents (``check --json``, ``migrate --json``);
    ``focus`` is the package the page opens on (``why NAME``); ``sizes`` maps instance paths to bytes.
    """
    instances, dependents = _instances(graph, sizes or {})
    codes = {item["code"] for document in (findings, migration) if document for item in document["findings"]}
    return {
        "format": REPORT_FORMAT,
        "title": title,
        "tool": f"nmdoctor {__version__}",
        "project": graph.project,
        "layout": graph.layout,
        "focus": focus,
        "instances": instances,
        "dependents": dependents,
        "findings": findings,
        "migration": migration,
        "meanings": _what_it_means(codes),
    }


def _asset(name: str) -> str:
    return (resources.files("nmdoctor.render") / "assets" / name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    # Inside <script>, only "</" (and HTML comment openers) can end the element early.
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _json_for_script(data: dict[str, Any]) -> str:
    """The data as JSON that no string in it can end the script element or change its parsing.

    ``<``, ``>`` and ``&`` occur in JSON only inside strings, so their ``\\u`` escapes leave the
    document the same for ``JSON.parse`` (rewriting ``<!--`` as ``<\\!--`` did not: ``\\!`` is not
    a JSON escape). ``ensure_ascii`` escapes the rest (U+2028, lone surrogates) the same way.
    """
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(data: dict[str, Any], *, node_line: str | None = None) -> str:
    """The whole page, as one string; ``node_line`` (``judged as node 22.23.5 (from .nvmrc)``) is
    shown under the title."""
    page = _asset("report.html")
    node = "" if node_line is None else f'\n  <p id="node-version" data-testid="node-version">{_escape(node_line)}</p>'
    replacements = {
        "TITLE": _escape(data["title"]),
        "NODE": node,
        "STYLE": _asset("report.css"),
        "DATA": _json_for_script(data),
        "SCRIPT": _script_safe(_asset("report.js")),
    }
    # One pass over the template: text put in is never searched for markers again.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda match: replacements[match.group(1)], page)
