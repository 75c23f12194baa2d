"""``nmdoctor resolve``: the command-line contract of DESIGN.md."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path.resolve() / "app"
    (root / "node_modules/.pnpm/a@1.0.0/node_modules/a").mkdir(parents=True)
    (root / "node_modules/.pnpm/a@1.0.0/node_modules/a/index.js").write_text("")
    os.symlink(".pnpm/a@1.0.0/node_modules/a", root / "node_modules/a")
    (root / "node_modules/bad").mkdir()
    (root / "node_modules/bad/package.json").write_text("{not json")
    (root / "index.js").write_text("")
    return root


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_resolves_to_the_real_path(project: Path) -> None:
    code, out, _ = run("resolve", "a", "--from", str(project / "index.js"))
    assert code == 0
    assert out.strip() == str(project / "node_modules/.pnpm/a@1.0.0/node_modules/a/index.js")


def test_json_shape(project: Path) -> None:
    code, out, _ = run("resolve", "a", "--from", str(project), "--json", "--preserve-symlinks")
    assert code == 0
    payload = json.loads(out)
    assert payload["request"] == "a"
    assert payload["resolved"] == str(project / "node_modules/a/index.js")
    assert payload["error"] is None


def test_not_found_exits_1_with_node_code(project: Path) -> None:
    code, out, _ = run("resolve", "nope", "--from", str(project), "--json")
    assert code == 1
    assert json.loads(out)["error"] == "MODULE_NOT_FOUND"
    code, out, _ = run("resolve", "nope", "--from", str(project), "--esm", "--json")
    assert code == 1
    assert json.loads(out)["error"] == "ERR_MODULE_NOT_FOUND"


def test_invalid_package_json_is_reported_not_raised(project: Path) -> None:
    code, out, _ = run("resolve", "bad", "--from", str(project))
    assert code == 1
    assert out.startswith("ERR_INVALID_PACKAGE_CONFIG: ")
    assert "package.json" in out


def test_explain_lists_every_candidate(project: Path) -> None:
    code, out, _ = run("resolve", "b", "--from", str(project), "--explain")
    assert code == 1
    assert f"{project}/node_modules/b.js: " in out
    assert out.index(f"{project}/node_modules/b") < out.index(f"{project.parent}/node_modules")


def test_missing_from_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("resolve", "a", "--from", str(tmp_path / "nope.js"))
    assert code == 2
    assert "no such file or directory" in err


def test_batch_answers_every_line(project: Path, tmp_path: Path) -> None:
    queries = [
        {"id": 1, "from": str(project / "index.js"), "request": "a", "mode": "cjs"},
        {"id": "two", "from": str(project), "request": "a", "mode": "esm"},
        {"id": 3, "from": str(project), "request": "fs", "mode": "esm"},
        {"id": 4, "from": str(project), "request": "a", "preserveSymlinks": True, "conditions": ["x"]},
    ]
    batch = tmp_path / "q.jsonl"
    batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
    code, out, _ = run("resolve", "--batch", str(batch))
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    real = str(project / "node_modules/.pnpm/a@1.0.0/node_modules/a/index.js")
    assert answers == [
        {"id": 1, "resolved": real, "error": None},
        {"id": "two", "resolved": real, "error": None},
        {"id": 3, "resolved": "node:fs", "error": None},
        {"id": 4, "resolved": str(project / "node_modules/a/index.js"), "error": None},
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not a JSON line"),
        ("[1, 2]", "expected a JSON object"),
        ('{"from": "/", "request": 3}', '"request" must be a string'),
        ('{"from": "/", "request": "a", "mode": "amd"}', '"mode" must be'),
    ],
)
def test_batch_rejects_bad_lines_with_one_line(tmp_path: Path, line: str, problem: str) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "from": "/", "request": "fs"}\n' + line + "\n")
    code, out, err = run("resolve", "--batch", str(batch))
    assert code == 2
    assert out == ""
    assert f"{batch}:2: {problem}" in err
    assert len(err.strip().splitlines()) == 1


def test_batch_unreadable_file(tmp_path: Path) -> None:
    code, _, err = run("resolve", "--batch", str(tmp_path / "none.jsonl"))
    assert code == 2
    assert "none.jsonl" in err


def test_node_version_changes_the_answer(tmp_path: Path) -> None:
    root = tmp_path.resolve()
    (root / "node_modules/n").mkdir(parents=True)
    (root / "node_modules/n/package.json").write_text('{"main": "main.js", "exports": false}')
    (root / "node_modules/n/main.js").write_text("")
    code, out, _ = run("resolve", "n", "--from", str(root), "--node-version", "20")
    assert (code, out.split(":")[0]) == (1, "ERR_PACKAGE_PATH_NOT_EXPORTED")
    code, out, _ = run("resolve", "n", "--from", str(root), "--node-version", "22.1.0")
    assert (code, out.strip()) == (0, str(root / "node_modules/n/main.js"))


def test_explain_prints_the_version_and_its_source(tmp_path: Path) -> None:
    root = tmp_path.resolve()
    (root / "package.json").write_text('{"engines": {"node": ">=24"}}')
    code, out, _ = run("resolve", "node:sqlite", "--from", str(root), "--explain")
    assert code == 0
    assert out.splitlines()[0] == f'As node 24.22.3 ({root}/package.json engines.node ">=24")'
    code, out, _ = run("resolve", "node:sqlite", "--from", str(root), "--explain", "--json", "--node-version", "20")
    payload = json.loads(out)
    assert (code, payload["error"], payload["nodeVersion"]) == (
        1,
        "MODULE_NOT_FOUND",
        {"version": "20.20.2", "source": "--node-version"},
    )


def test_batch_takes_the_node_version(tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": 1, "from": str(tmp_path), "request": "#/x", "mode": "esm"}) + "\n")
    (tmp_path / "package.json").write_text('{"imports": {"#/x": "./x.js"}}')
    (tmp_path / "x.js").write_text("")
    answers = {}
    for version in ("22", "24"):
        code, out, _ = run("resolve", "--batch", str(batch), "--node-version", version)
        answers[version] = (code, json.loads(out)["error"])
    assert answers == {"22": (0, "ERR_INVALID_MODULE_SPECIFIER"), "24": (0, None)}


def test_bad_node_version_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("resolve", "x", "--from", str(tmp_path), "--node-version", "latest")
    assert code == 2
    assert "not a node version: 'latest'" in err
