"""nmdoctor's resolver against real node on real published packages (not generated trees).

The tree is rebuilt from ``tests/data/real_packages.json.gz`` (real manifests, stub files; see
``real_packages.py``) under ``tmp_path``; every pinned node that is installed answers the stored
queries (bare names, every ``exports`` subpath with patterns expanded against the real files,
deep paths, ``./package.json``, ``#imports``, self-reference; CommonJS and ESM; default conditions
and the ones each package mentions), and ``nmdoctor resolve --batch --node-version`` must answer
each the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.differential.nodes import MAJORS, node_binary, pinned_versions
from tests.differential.real_packages import build_tree, load
from tests.differential.run import compare, format_report, run_oracle, run_ours

pytestmark = [pytest.mark.node]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    root = tmp_path_factory.mktemp("real-packages")
    return root, build_tree(load(), root / "tree")


@pytest.mark.parametrize("major", MAJORS)
def test_real_packages_agree_with_real_node(major: str, tree: tuple[Path, list[dict[str, object]]]) -> None:
    binary = node_binary(major)
    if binary is None:
        pytest.skip(f"node {major} could not be installed here (npm ci --prefix tests/node_tools/versions)")
    root, queries = tree
    node = run_oracle(queries, cwd=root, node=str(binary))
    ours, _stderr = run_ours(queries, root / f"batch-{major}.jsonl", cwd=root, node_version=pinned_versions()[major])
    unknown = [answer for answer in node.values() if answer["error"] == "UNKNOWN_ERROR"]
    assert not unknown, f"node {major} failed without an error code: {unknown[:5]}"
    resolved = sum(1 for answer in node.values() if answer["resolved"])
    assert resolved > len(queries) // 3, "most stored queries should resolve: is the tree complete?"
    disagreements = compare(queries, node, ours)
    if disagreements:
        report = format_report(disagreements, len(queries), base=str(root / "tree"), limit=40)
        pytest.fail(f"node {major}: {report}", pytrace=False)
