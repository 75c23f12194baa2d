"""The fleet's summary page: one self-contained HTML file (the check report's stylesheet, no script,
nothing fetched), answering the first questions about a fleet from its stored tables."""

from __future__ import annotations

import html
from typing import Any

from nmdoctor.fleet.query import connect
from nmdoctor.render.html_report import _asset

__all__ = ["SECTIONS", "render_summary"]

# (heading, what it shows, SQL over the fleet's views)
SECTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "Top findings",
        "Each finding code across the fleet: how many repositories have it, and how often.",
        "SELECT code, severity, count(DISTINCT repository) AS repositories, count(*) AS findings "
        "FROM findings GROUP BY code, severity ORDER BY repositories DESC, findings DESC, code LIMIT 30",
    ),
    (
        "Repositories by errors",
        "The repositories with the most error-level findings.",
        "SELECT repository, manager, packages, errors, warnings, docker_findings FROM repos "
        "WHERE errors > 0 ORDER BY errors DESC, warnings DESC, repository LIMIT 50",
    ),
    (
        "Most duplicated singletons",
        "Packages that must be unique (react, vue, ...) locked at two or more versions, by repositories.",
        "SELECT package_name AS package, count(DISTINCT repository) AS repositories FROM findings "
        "WHERE code = 'duplicate-singleton' GROUP BY package_name ORDER BY repositories DESC, package LIMIT 30",
    ),
    (
        "Repositories that could not be read",
        "No lockfile, a corrupt lockfile, a git error: the repository's one row holds the reason.",
        "SELECT repository, error FROM repos WHERE status = 'error' ORDER BY repository LIMIT 200",
    ),
)


def _table(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    if not rows:
        return '<p class="meaning">none</p>'
    head = "".join(f"<th>{html.escape(name)}</th>" for name in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if cell is None else str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f'<table class="mono"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def render_summary(folder: str) -> str:
    """The page for the fleet stored in ``folder``."""
    connection = connect(folder)
    total, failed, packages, findings = connection.execute(
        "SELECT count(*), count(*) FILTER (status = 'error'), coalesce(sum(packages), 0), "
        "(SELECT count(*) FROM findings) FROM repos"
    ).fetchone()
    sections = []
    for heading, meaning, sql in SECTIONS:
        cursor = connection.execute(sql)
        columns = [item[0] for item in cursor.description]
        sections.append(
            f'<section class="group"><h2>{html.escape(heading)}</h2><p class="meaning">{html.escape(meaning)}</p>'
            f"{_table(columns, cursor.fetchall())}</section>"
        )
    overview = f"{total} repositories ({failed} could not be read), {packages} locked packages, {findings} findings"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>nmdoctor fleet</title>"
        f"<style>{_asset('report.css')}\ntable {{ border-collapse: collapse; width: 100%; }}"
        " th, td { text-align: left; padding: 3px 12px; border-bottom: 1px solid var(--line); }</style>"
        f'</head><body><header><h1>nmdoctor fleet</h1><p id="overview">{html.escape(overview)}</p></header>'
        f"<main>{''.join(sections)}</main>"
        "<footer>nmdoctor fleet summary: query the same tables with "
        "<code>nmdoctor fleet query DIR &quot;SQL&quot;</code></footer></body></html>\n"
    )
