"""A generated fleet shared by the fleet tests (46 repositories, 8 broken on purpose)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.fleetgen import make_bare_mirror, make_fleet

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

FLEET_SIZE = 46
# Columns that say where or when rows were made, not what they say about the repository.
VOLATILE = ("batch", "seconds", "location", "source", "ref", "commit", "key")


@pytest.fixture(scope="session")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("fleet") / "checkouts"
    kinds = make_fleet(root, FLEET_SIZE)
    return root, kinds


@pytest.fixture(scope="session")
def mirror(fleet: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    mirrors = tmp_path_factory.mktemp("mirror")
    make_bare_mirror(fleet[0], mirrors)
    return mirrors


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tables(folder: Path, drop: tuple[str, ...] = VOLATILE) -> dict[str, list[dict[str, Any]]]:
    """Every table of a results folder, without the volatile columns, in a stable order."""
    from nmdoctor.fleet.query import run_query

    result = {}
    for table in ("repos", "packages", "findings"):
        columns, rows = run_query(str(folder), f"SELECT * FROM {table}")
        records = [{k: v for k, v in zip(columns, row, strict=True) if k not in drop} for row in rows]
        result[table] = sorted(records, key=lambda record: [str(value) for value in record.values()])
    return result


@pytest.fixture(scope="session")
def reference(fleet: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clean run over the checkouts on the local pool: what every other way must equal."""
    output = tmp_path_factory.mktemp("reference")
    result = run("fleet", str(fleet[0]), "--output", str(output), "--workers", "2", "--progress", "none")
    assert result.exit_code == 0, result.output
    return output
