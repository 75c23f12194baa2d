"""Every bundled example is diagnosed with the finding it exists for, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
# The examples whose findings include an error (check exits 1); npm-phantom's import works today,
# by npm's hoisting: a warning.
FAILING = {"pnpm-string-loader", "npm-doppelganger", "pnpm-broken-link"}
EXPECTED = {
    "pnpm-string-loader": ["string-module-reference", "string-module-reference"],
    "npm-phantom": ["phantom-dependency"],
    "npm-doppelganger": ["doppelganger", "duplicate-singleton"],
    "pnpm-broken-link": ["broken-symlink", "missing-dependency"],
}
CLEAN = ["npm-string-loader"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name: str) -> None:
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(EXAMPLES / name), "--format", "json"])
    assert result.exit_code == (1 if name in FAILING else 0), result.stderr
    document = json.loads(result.stdout)
    assert sorted(finding["code"] for finding in document["findings"]) == EXPECTED[name]
    assert all(finding["fix"] for finding in document["findings"])


def test_every_example_is_listed() -> None:
    folders = {path.name for path in EXAMPLES.iterdir() if path.is_dir()}
    assert folders == set(EXPECTED) | set(CLEAN)


def test_settings_ignore_and_singletons(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "node_modules" / "a" / "node_modules" / "ui-kit").mkdir(parents=True)
    (project / "node_modules" / "ui-kit").mkdir()
    (project / "package.json").write_text(
        json.dumps(
            {
                "name": "p",
                "version": "1.0.0",
                "dependencies": {"a": "1", "ui-kit": "2"},
                "nmdoctor": {"singletons": ["ui-kit"], "ignore": ["extraneous-package"]},
            }
        )
    )
    (project / "node_modules/a/package.json").write_text(
        '{"name": "a", "version": "1.0.0", "dependencies": {"ui-kit": "1"}}'
    )
    (project / "node_modules/a/node_modules/ui-kit/package.json").write_text('{"name": "ui-kit", "version": "1.0.0"}')
    (project / "node_modules/ui-kit/package.json").write_text('{"name": "ui-kit", "version": "2.0.0"}')
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(project), "--format", "json"])
    assert [finding["code"] for finding in json.loads(result.stdout)["findings"]] == ["duplicate-singleton"]
    (project / ".nmdoctor.json").write_text('{"singletons": "ui-kit"}')
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(project)])
    assert result.exit_code == 2
    assert '.nmdoctor.json: "singletons" must be a list of strings' in result.stderr
