"""The findings catalog declares every code nmdoctor prints, with the severity `explain` shows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nmdoctor.diagnostics.catalog import CATALOG, Applicability, Fix, explanation, finding, typed_fix
from nmdoctor.diagnostics.explanations import all_explanations
from nmdoctor.diagnostics.model import Severity
from nmdoctor.diagnostics.registry import all_checks

SOURCE = Path(__file__).resolve().parents[3] / "src" / "nmdoctor"


def _codes_built_in_source() -> set[str]:
    codes = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Finding", "finding") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
    return codes


def test_every_code_built_anywhere_is_catalogued() -> None:
    built = _codes_built_in_source()
    assert len(built) >= 20
    assert built <= set(CATALOG)


def test_catalog_and_explain_agree_on_codes_and_severities() -> None:
    texts = all_explanations()
    assert set(texts) == set(CATALOG)
    for code, (severity, text) in texts.items():
        assert CATALOG[code].severity.value == severity, code
        assert explanation(code) == text
        assert "## What it means" in text and "## How to fix" in text, code
    for registered in all_checks():
        assert CATALOG[registered.code].severity is registered.severity


def test_finding_builds_from_the_catalog() -> None:
    built = finding("broken-symlink", "`node_modules/a` is a link to `x`", fix=Fix("reinstall", Applicability.SAFE))
    assert built.severity is Severity.ERROR and built.fix == "reinstall"
    assert typed_fix(built) == Fix("reinstall", Applicability.SAFE)
    lowered = finding("phantom-dependency", "types only", severity=Severity.WARNING)
    assert lowered.severity is Severity.WARNING and typed_fix(lowered) is None
    with pytest.raises(KeyError):
        finding("no-such-code", "never declared")
