"""`why` says how many chains it left out, prints them all with `--all`, and `why --json` exits 1
when the package is not installed (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout


def _package(folder: Path, name: str, dependencies: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(json.dumps({"name": name, "version": "1.0.0", "dependencies": dependencies}))


def _fan(tmp_path: Path) -> Path:
    """app -> p0..p11 -> q0..q11 -> leaf: 12 x 12 = 144 chains to leaf, one folder each (hoisted)."""
    project = tmp_path / "app"
    _package(project, "app", {f"p{i}": "1.0.0" for i in range(12)})
    for i in range(12):
        _package(project / "node_modules" / f"p{i}", f"p{i}", {f"q{j}": "1.0.0" for j in range(12)})
        _package(project / "node_modules" / f"q{i}", f"q{i}", {"leaf": "1.0.0"})
    _package(project / "node_modules" / "leaf", "leaf", {})
    return project


def test_why_says_how_many_chains_it_left_out(tmp_path: Path) -> None:
    project = str(_fan(tmp_path))
    code, out = run("why", "leaf", project, "--json")
    (item,) = json.loads(out)["instances"]
    assert code == 0 and len(item["chains"]) == 100 and item["omittedChains"] == 44
    _, text = run("why", "leaf", project)
    assert text.splitlines()[-1] == "    ... and 44 more chains not shown (--all prints every chain)"
    _, out = run("why", "leaf", project, "--json", "--all")
    (item,) = json.loads(out)["instances"]
    assert len(item["chains"]) == 144 and item["omittedChains"] == 0
    assert len({tuple(chain) for chain in item["chains"]}) == 144


def test_why_json_exits_1_when_the_package_is_not_installed(tmp_path: Path) -> None:
    project = str(_fan(tmp_path))
    code, out = run("why", "left-pad", project, "--json")
    assert code == 1 and json.loads(out) == {"name": "left-pad", "instances": []}
    code, _ = run("why", "p0", project, "--json")
    assert code == 0


def test_why_with_its_arguments_swapped_says_which_comes_first(tmp_path: Path) -> None:
    project = str(_fan(tmp_path))
    result = CliRunner(mix_stderr=False).invoke(main, ["why", project, "leaf"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: leaf: not a directory (NAME comes first: nmdoctor why leaf {project})"
