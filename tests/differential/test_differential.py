"""Differential tests: nmdoctor's resolver must answer every generated query exactly as node does.

Trees come from ``generator.py`` (seeded, adversarial), expected answers from ``oracle.mjs`` (real
node: ``require.resolve`` and the default ESM resolver behind ``import()``), ours from
``nmdoctor resolve --batch``. A failure prints the disagreements per rule and a table of the first
rows; ``python -m tests.differential.run --seeds 0-50 --out DIR`` reproduces a run on disk.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.differential.generator import generate_case
from tests.differential.nodes import node_version
from tests.differential.run import (
    Answer,
    Part,
    build_parts,
    compare,
    format_report,
    run_oracle,
    run_ours,
)

pytestmark = [
    pytest.mark.node,
    pytest.mark.skipif(
        shutil.which("node") is None, reason="node is not installed: the differential suite compares with real node"
    ),
]

# 40 trees (about 2,400 package.json files, 40,000 queries) plus 4 NODE_PATH/HOME trees: about
# 20-25 s on 2 cores, most of it in node.
SEEDS = range(100)
ENV_SEEDS = range(4)

# Every code the generator is meant to provoke from node at least once across SEEDS.
EXPECTED_CODES = {
    "MODULE_NOT_FOUND",
    "ERR_MODULE_NOT_FOUND",
    "ERR_PACKAGE_PATH_NOT_EXPORTED",
    "ERR_INVALID_PACKAGE_TARGET",
    "ERR_PACKAGE_IMPORT_NOT_DEFINED",
    "ERR_UNSUPPORTED_DIR_IMPORT",
    "ERR_INVALID_MODULE_SPECIFIER",
    "ERR_INVALID_PACKAGE_CONFIG",
    "ERR_UNKNOWN_BUILTIN_MODULE",
    "ERR_UNSUPPORTED_ESM_URL_SCHEME",
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("differential")


@pytest.fixture(scope="module")
def parts(workdir: Path) -> list[Part]:
    built, _trees, _packages = build_parts(SEEDS, ENV_SEEDS, workdir)
    return built


@pytest.fixture(scope="module")
def node_answers(parts: list[Part]) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for part in parts:
        answers.update(run_oracle(part.queries, env=part.env, cwd=part.cwd))
    return answers


@pytest.fixture(scope="module")
def our_answers(parts: list[Part], workdir: Path) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for part in parts:
        found, _stderr = run_ours(
            part.queries,
            workdir / f"batch-{part.name}.jsonl",
            env=part.env,
            cwd=part.cwd,
            node_version=node_version(shutil.which("node") or "node"),
        )
        answers.update(found)
    return answers


def _assert_agreement(selected: list[Part], node: dict[str, Answer], ours: dict[str, Answer], workdir: Path) -> None:
    queries = [query for part in selected for query in part.queries]
    disagreements = compare(queries, node, ours)
    if disagreements:
        pytest.fail(format_report(disagreements, len(queries), base=str(workdir / "trees")), pytrace=False)


# -------------------------------------------------------------------------------- the comparison


def test_agrees_with_node(
    parts: list[Part], node_answers: dict[str, Answer], our_answers: dict[str, Answer], workdir: Path
) -> None:
    _assert_agreement([part for part in parts if part.name == "main"], node_answers, our_answers, workdir)


def test_agrees_with_node_under_node_path_and_home(
    parts: list[Part], node_answers: dict[str, Answer], our_answers: dict[str, Answer], workdir: Path
) -> None:
    _assert_agreement([part for part in parts if part.name != "main"], node_answers, our_answers, workdir)


# ------------------------------------------------------------------------ the generator and oracle


def test_suite_is_big_and_varied(parts: list[Part], workdir: Path) -> None:
    queries = [query for part in parts for query in part.queries]
    assert len(queries) >= 5000
    assert sum(1 for _ in (workdir / "trees").rglob("package.json")) >= 500
    assert {query["mode"] for query in queries} == {"cjs", "esm"}
    assert {query["preserveSymlinks"] for query in queries} == {True, False}
    assert len({tuple(query["conditions"]) for query in queries}) >= 4
    assert len({query["id"] for query in queries}) == len(queries)
    rules = {str(query["id"]).split(".")[1] for query in queries}
    assert {"probe", "main", "exports", "imports", "self", "nested", "pnpm", "symlink", "badjson", "builtin"} <= rules
    assert {"url", "order", "conditions", "env", "versions"} <= rules


def test_node_reaches_every_error_code(node_answers: dict[str, Answer]) -> None:
    codes = {answer["error"] for answer in node_answers.values()}
    assert codes >= EXPECTED_CODES, f"never provoked: {sorted(EXPECTED_CODES - codes)}"
    unknown = [answer for answer in node_answers.values() if answer["error"] == "UNKNOWN_ERROR"]
    assert not unknown, f"node failed without an error code (generator bug or node crash): {unknown[:5]}"


def _snapshot(root: Path) -> list[tuple[str, str]]:
    entries = []
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                entries.append((rel, "-> " + os.readlink(path).replace(str(root), "<root>")))
            elif path.is_file():
                entries.append((rel, path.read_bytes().decode("utf-8", "replace").replace(str(root), "<root>")))
        dirs.sort()
    return sorted(entries)


def test_generator_is_deterministic(tmp_path: Path) -> None:
    one = generate_case(7, tmp_path / "one")
    two = generate_case(7, tmp_path / "two")

    def relative(queries: list[dict[str, Any]], root: Path) -> list[str]:
        return [repr(sorted(query.items())).replace(str(root), "<root>") for query in queries]

    assert relative(one, tmp_path / "one") == relative(two, tmp_path / "two")
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")
    assert relative(one, tmp_path / "one") != relative(generate_case(8, tmp_path / "three"), tmp_path / "three")


def test_from_is_the_real_path_unless_links_are_preserved(parts: list[Part]) -> None:
    for part in parts:
        for query in part.queries:
            assert os.path.isabs(query["from"]) and os.path.exists(query["from"])
            if not query["preserveSymlinks"]:
                assert os.path.realpath(query["from"]) == query["from"], query


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if content.startswith("-> "):
            path.symlink_to(content[3:])
        else:
            path.write_text(content)


def test_oracle_spot_checks(tmp_path: Path) -> None:
    """The oracle reports what the reference documents for node v20 (items marked [v20])."""
    root = tmp_path.resolve()
    _write(
        root,
        {
            "main.js": "",
            "a.js": "",
            "b.cjs": "",
            "c.mjs": "",
            "dir/index.js": "",
            "node_modules/test/index.js": "",
            "node_modules/exp/package.json": json.dumps(
                {"exports": {"./feat/*": "./src/feat/*.js", ".": {"custom": "./c.js", "default": "./d.js"}}}
            ),
            "node_modules/exp/src/feat/a.js": "",
            "node_modules/exp/c.js": "",
            "node_modules/exp/d.js": "",
            "node_modules/bad/package.json": "{bad",
            "node_modules/bad/index.js": "",
            "node_modules/nn/node_modules/x/index.js": "",
            "node_modules/nn/lib/y.js": "",
            "node_modules/node_modules/hidden/index.js": "",
            "store/linked/index.js": "",
            "store/linked/lib/y.js": "",
            "app/node_modules/only-here/index.js": "",
            "app/node_modules/linked": "-> ../../store/linked",
        },
    )
    main = str(root / "main.js")
    cases: list[tuple[str, str, str, dict[str, Any], str]] = [
        # (mode, from, request, extra query fields, expected: a path relative to root, node:X, or a code)
        ("cjs", main, "./a", {}, "a.js"),
        ("cjs", main, "./b", {}, "MODULE_NOT_FOUND"),
        ("cjs", main, "./c", {}, "MODULE_NOT_FOUND"),
        ("cjs", main, "./dir", {}, "dir/index.js"),
        ("cjs", str(root), "./a", {}, "a.js"),
        ("esm", str(root), "./a.js", {}, "a.js"),
        ("esm", main, "./a", {}, "ERR_MODULE_NOT_FOUND"),
        ("esm", main, "./missing.js", {}, "ERR_MODULE_NOT_FOUND"),
        ("esm", main, "./dir", {}, "ERR_UNSUPPORTED_DIR_IMPORT"),
        ("esm", main, "./a.js?x=1#y", {}, "a.js"),
        ("esm", main, "./a%2Fb.js", {}, "ERR_INVALID_MODULE_SPECIFIER"),
        ("cjs", main, "fs", {}, "node:fs"),
        ("esm", main, "fs", {}, "node:fs"),
        ("cjs", main, "node:test", {}, "node:test"),
        ("cjs", main, "test", {}, "node_modules/test/index.js"),
        ("cjs", main, "node:nope", {}, "MODULE_NOT_FOUND"),
        ("esm", main, "node:nope", {}, "ERR_UNKNOWN_BUILTIN_MODULE"),
        ("esm", main, "lodash:fp", {}, "ERR_UNSUPPORTED_ESM_URL_SCHEME"),
        ("esm", main, "#", {}, "ERR_INVALID_MODULE_SPECIFIER"),
        ("cjs", main, "exp/feat/a.js", {}, "MODULE_NOT_FOUND"),
        ("esm", main, "exp/feat/a", {}, "node_modules/exp/src/feat/a.js"),
        ("cjs", main, "exp/package.json", {}, "ERR_PACKAGE_PATH_NOT_EXPORTED"),
        ("cjs", main, "exp", {}, "node_modules/exp/d.js"),
        ("cjs", main, "exp", {"conditions": ["custom"]}, "node_modules/exp/c.js"),
        ("esm", main, "exp", {"conditions": ["custom"]}, "node_modules/exp/c.js"),
        ("cjs", main, "bad", {}, "ERR_INVALID_PACKAGE_CONFIG"),
        ("esm", main, "bad", {}, "ERR_INVALID_PACKAGE_CONFIG"),
        ("cjs", str(root / "node_modules/nn/lib/y.js"), "hidden", {}, "MODULE_NOT_FOUND"),
        ("esm", str(root / "node_modules/nn/lib/y.js"), "hidden", {}, "node_modules/node_modules/hidden/index.js"),
        ("cjs", str(root / "app"), "linked", {}, "store/linked/index.js"),
        ("cjs", str(root / "app"), "linked", {"preserveSymlinks": True}, "app/node_modules/linked/index.js"),
        (
            "esm",
            main,
            "./app/node_modules/linked/index.js",
            {"preserveSymlinks": True},
            "app/node_modules/linked/index.js",
        ),
        ("esm", main, "./app/node_modules/linked/index.js", {}, "store/linked/index.js"),
        ("cjs", str(root / "store/linked/lib/y.js"), "only-here", {}, "MODULE_NOT_FOUND"),
        (
            "cjs",
            str(root / "app/node_modules/linked/lib/y.js"),
            "only-here",
            {"preserveSymlinks": True},
            "app/node_modules/only-here/index.js",
        ),
    ]
    queries = []
    for index, (mode, from_, request, extra, _expected) in enumerate(cases):
        query = {"id": f"spot.{index}", "from": from_, "request": request, "mode": mode, "conditions": []}
        query["preserveSymlinks"] = False
        query.update(extra)
        queries.append(query)
    answers = run_oracle(queries, cwd=root)
    wrong = []
    for index, (mode, _from, request, extra, expected) in enumerate(cases):
        answer = answers[f"spot.{index}"]
        if expected.isupper() or expected.startswith("ERR_"):
            got = answer["error"]
        else:
            got = (
                answer["resolved"] if expected.startswith("node:") else os.path.relpath(answer["resolved"] or "", root)
            )
        if got != expected:
            wrong.append(f"{mode} {request!r} {extra}: expected {expected}, oracle said {answer}")
    assert not wrong, "\n".join(wrong)
