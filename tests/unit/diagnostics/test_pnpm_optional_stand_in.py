"""version-mismatch under pnpm: an optional dependency pnpm skipped here (its engines or platform)
that node finds as another copy through pnpm's hoisting works by accident, not a broken install."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/app/node_modules/.pnpm"


def _tree(optional: bool) -> dict[str, object]:
    field = "optionalDependencies" if optional else "dependencies"
    return {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0", "c": "1.0.0"}},
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/a": symlink(".pnpm/a@1.0.0/node_modules/a"),
        "/app/node_modules/c": symlink(".pnpm/c@1.0.0/node_modules/c"),
        f"{STORE}/a@1.0.0/node_modules/a/package.json": {"name": "a", "version": "1.0.0", field: {"b": "^2.0.0"}},
        f"{STORE}/c@1.0.0/node_modules/c/package.json": {"name": "c", "version": "1.0.0", "dependencies": {"b": "1"}},
        f"{STORE}/c@1.0.0/node_modules/b": symlink("../../b@1.0.0/node_modules/b"),
        f"{STORE}/b@1.0.0/node_modules/b/package.json": {"name": "b", "version": "1.0.0"},
        f"{STORE}/node_modules/b": symlink("../b@1.0.0/node_modules/b"),  # pnpm's hidden hoisting
    }


def _mismatches(tree: dict[str, object]) -> list[tuple[Severity, str]]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["version-mismatch"])
    return [(item.severity, item.message) for item in found]


def test_a_skipped_optional_found_through_hoisting_is_a_warning() -> None:
    [(severity, message)] = _mismatches(_tree(optional=True))
    assert severity is Severity.WARNING
    assert "(optional), which pnpm did not install here; node finds 1.0.0 instead" in message


def test_a_required_dependency_found_through_hoisting_stays_an_error() -> None:
    [(severity, _message)] = _mismatches(_tree(optional=False))
    assert severity is Severity.ERROR
