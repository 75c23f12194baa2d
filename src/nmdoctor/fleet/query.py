"""SQL over a fleet's results with DuckDB: the tables ``repos``, ``packages`` and ``findings``.

Each table is a view over every stored batch that keeps, per repository, only the rows of its
newest batch: a repository analysed again after its lockfile changed is counted once, with its
new answers.
"""

from __future__ import annotations

import os
from typing import Any

from nmdoctor.fleet.store import Store

__all__ = ["QueryError", "connect", "run_query"]


class QueryError(ValueError):
    """No results in the folder, or SQL DuckDB refuses; the message is one line."""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(folder: str) -> Any:
    """A DuckDB connection with the three views defined over ``folder``'s results."""
    import duckdb  # an optional extra: imported only when asked for

    store = Store(folder)
    if not store.batches():
        raise QueryError(f"{folder}: no fleet results (run `nmdoctor fleet SOURCE --output {folder}` first)")
    connection = duckdb.connect()
    glob = os.path.join(store.parts, "*", "{}.parquet")
    connection.execute(
        f"CREATE VIEW repos AS SELECT * EXCLUDE (newest) FROM ("
        f"SELECT *, max(batch) OVER (PARTITION BY repository) AS newest "
        f"FROM read_parquet({_quote(glob.format('repos'))}, union_by_name = true)) WHERE batch = newest"
    )
    for table in ("packages", "findings"):
        connection.execute(
            f"CREATE VIEW {table} AS SELECT t.* "
            f"FROM read_parquet({_quote(glob.format(table))}, union_by_name = true) AS t "
            f"SEMI JOIN repos AS r ON t.repository = r.repository AND t.batch = r.batch"
        )
    return connection


def run_query(folder: str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and rows of ``sql`` over the fleet in ``folder``."""
    import duckdb

    connection = connect(folder)
    try:
        cursor = connection.execute(sql)
    except duckdb.Error as error:
        raise QueryError(f"SQL: {str(error).splitlines()[0]}") from None
    columns = [item[0] for item in cursor.description or []]
    return columns, cursor.fetchall()
