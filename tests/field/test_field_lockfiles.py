"""Real lockfiles of public projects (tests/field/lockfiles/*/SOURCE.json): the lockfile model has
the packages and edges the managers list (recorded in MANAGER.json with the command that produced
them, by benchmarks/field_lockfiles.py --record), and `check --lockfile` finds no error on
lockfiles the projects install from."""

from __future__ import annotations

import pytest

from nmdoctor.api import check
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.vfs import DiskFS
from tests.field.lockfile_sets import FIELD, PROJECT, our_sets, read_model, recorded

CASES = sorted(path.name for path in FIELD.iterdir() if path.is_dir())
LISTED = [name for name in CASES if recorded(FIELD / name) is not None]

# Edges only one side lists, per lockfile, with why (the two babel-berry edges only yarn listed came
# from its built-in package extensions, which nmdoctor now reads).
KNOWN_DIFFERENCES: dict[str, dict[str, set[str]]] = {
    "keystone-pnpm9": {
        # pnpm 10's lockfile-only listing gives `cloudinary`, a dependency of the workspace
        # @keystone-6/cloudinary reached through examples/cloudinary, the workspace's own folder as
        # its path, and lists the real cloudinary@2.10.0 only as "deduped", without its dependencies.
        "manager packages only": {"<project>/packages/cloudinary"},
        "manager only": {"<project>/packages/cloudinary > cloudinary > <project>/packages/cloudinary"},
        "nmdoctor only": {
            ".pnpm/cloudinary@2.10.0/node_modules/cloudinary > lodash > .pnpm/lodash@4.18.1/node_modules/lodash"
        },
    },
}


def test_every_case_says_where_it_comes_from() -> None:
    assert len(CASES) >= 5
    for name in CASES:
        assert (FIELD / name / "SOURCE.json").is_file(), name


@pytest.mark.parametrize("name", LISTED)
def test_packages_and_edges_agree_with_the_manager_listing(name: str) -> None:
    folder = FIELD / name
    data = recorded(folder)
    assert data is not None and data["command"] and data["tool"]
    packages, edges = our_sets(read_model(folder), PROJECT)
    known = KNOWN_DIFFERENCES.get(name, {})
    assert set(data["packages"]) - packages == known.get("manager packages only", set())
    assert packages - set(data["packages"]) == set()
    assert set(data["edges"]) - edges == known.get("manager only", set())
    assert edges - set(data["edges"]) == known.get("nmdoctor only", set())


@pytest.mark.parametrize("name", CASES)
def test_check_lockfile_finds_no_error(name: str) -> None:
    graph = load_graph(str(FIELD / name), from_lockfile=True)
    errors = [item.message for item in check(graph, fs=DiskFS()) if item.severity.value == "error"]
    assert errors == []
