"""nmdoctor's resolver against real node on real published packages (not generated trees).

Two trees are rebuilt under ``tmp_path`` from ``tests/data/real_packages*.json.gz`` (real
manifests, stub files, pnpm's links; see ``real_packages.py``): an ``npm install`` of 223 popular
packages (1,539 with their dependencies) and a ``pnpm install`` of 81 of them. Every pinned node
that is installed answers the stored queries (bare names, ``exports`` subpaths with patterns
expanded against the real files, deep paths, ``./package.json``, ``#imports``, self-reference,
the packages' own ``require()``/``import`` specifiers, pnpm links with and without
``preserveSymlinks``; CommonJS and ESM; default conditions and the ones each package mentions),
and ``nmdoctor resolve --batch --node-version`` must answer each the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.differential.nodes import MAJORS, node_binary, pinned_versions
from tests.differential.real_packages import DATA, DATA_PNPM, build_tree, load
from tests.differential.run import compare, format_report, run_oracle, run_ours

pytestmark = [pytest.mark.node]

LAYOUTS = {"npm": DATA, "pnpm": DATA_PNPM}


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[dict[str, object]]]]:
    out = {}
    for layout, data in LAYOUTS.items():
        root = tmp_path_factory.mktemp(f"real-packages-{layout}")
        out[layout] = (root, build_tree(load(data), root / "tree"))
    return out


@pytest.mark.parametrize("major", MAJORS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_real_packages_agree_with_real_node(
    layout: str, major: str, trees: dict[str, tuple[Path, list[dict[str, object]]]]
) -> None:
    binary = node_binary(major)
    if binary is None:
        pytest.skip(f"node {major} could not be installed here (npm ci --prefix tests/node_tools/versions)")
    root, queries = trees[layout]
    node = run_oracle(queries, cwd=root, node=str(binary))
    ours, _stderr = run_ours(queries, root / f"batch-{major}.jsonl", cwd=root, node_version=pinned_versions()[major])
    unknown = [answer for answer in node.values() if answer["error"] == "UNKNOWN_ERROR"]
    assert not unknown, f"node {major} failed without an error code: {unknown[:5]}"
    resolved = sum(1 for answer in node.values() if answer["resolved"])
    assert resolved > len(queries) // 3, "most stored queries should resolve: is the tree complete?"
    disagreements = compare(queries, node, ours)
    if disagreements:
        report = format_report(disagreements, len(queries), base=str(root / "tree"), limit=40)
        pytest.fail(f"{layout} layout, node {major}: {report}", pytrace=False)


def test_stored_trees_are_small_and_complete(tmp_path: Path) -> None:
    """The data stays small, and every query's referrer sits in a folder of its tree."""
    for layout, data in LAYOUTS.items():
        assert data.stat().st_size < 1_000_000
        queries = build_tree(load(data), tmp_path / layout)
        assert len(queries) >= 3000
        missing = [query for query in queries if not Path(str(query["from"])).parent.is_dir()]
        assert not missing, missing[:5]
