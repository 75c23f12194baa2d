"""The differential suite against each pinned real node: 22, 24 and 26 (20 is the node on PATH,
compared by test_differential.py on 100 seeds).

Each version gets its own 8 tree seeds (others than the main suite's) and 1 environment seed,
about 9,000 queries per version, to keep CI short; ``python -m tests.differential.run --node 24
--seeds 0-300`` is the full measurement (about 340,000 queries). The binaries come from
``tests/node_tools/versions`` (installed by scripts/test, or here on first use); without them (no
npm, not linux-x64) the tests skip.
"""

from __future__ import annotations

import pytest

from tests.differential.nodes import node_binary, node_version, pinned_versions
from tests.differential.run import build_parts, compare, format_report, run_oracle, run_ours

pytestmark = [pytest.mark.node]

VERSIONS = ("22", "24", "26")
SEEDS = range(100, 108)
ENV_SEEDS = range(4, 5)


@pytest.mark.parametrize("major", VERSIONS)
def test_agrees_with_real_node(major: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    binary = node_binary(major)
    if binary is None:
        pytest.skip(f"node {major} could not be installed here (npm ci --prefix tests/node_tools/versions)")
    assert node_version(str(binary)) == pinned_versions()[major]
    workdir = tmp_path_factory.mktemp(f"differential-node{major}")
    parts, _trees, _packages = build_parts(SEEDS, ENV_SEEDS, workdir)
    node: dict[str, dict[str, object]] = {}
    ours: dict[str, dict[str, object]] = {}
    for part in parts:
        node.update(run_oracle(part.queries, env=part.env, cwd=part.cwd, node=str(binary)))
        found, _stderr = run_ours(
            part.queries,
            workdir / f"batch-{part.name}.jsonl",
            env=part.env,
            cwd=part.cwd,
            node_version=pinned_versions()[major],
        )
        ours.update(found)
    queries = [query for part in parts for query in part.queries]
    assert len(queries) >= 7000
    unknown = [answer for answer in node.values() if answer["error"] == "UNKNOWN_ERROR"]
    assert not unknown, f"node {major} failed without an error code: {unknown[:5]}"
    disagreements = compare(queries, node, ours)
    if disagreements:
        report = format_report(disagreements, len(queries), base=str(workdir / "trees"))
        pytest.fail(f"node {major}: {report}", pytrace=False)


def test_pinned_binaries_are_the_versions_nmdoctor_models() -> None:
    """The majors on the command line stand for exactly the pinned binaries' versions."""
    from nmdoctor.resolve.node.versions import LATEST

    assert {str(major): str(version) for major, version in LATEST.items()} == pinned_versions()
