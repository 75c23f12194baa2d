"""A project checked where it sits is judged by the folders inside it: a library's example app kept
in a folder named ``fixture`` (Shopify/restyle's fixture/, a React Native app with its own
package.json and yarn.lock) is a project like any other when checked on its own, and its imports
are not a test's data (check batch 21: its metro.config.js phantoms were notes saying "a test
fixture, which tests read as data"; an import nothing installs would have been a note, not the
error it is). A fixtures folder inside the project still holds test data."""

from __future__ import annotations

import pytest

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS


def _findings(root: str, files: dict[str, str]) -> list[tuple[str, str, str | None, str | None]]:
    tree: dict[str, object] = {
        f"{root}/package.json": {"name": "app", "version": "0.0.1", "devDependencies": {"metro": "^0.76.9"}},
        f"{root}/node_modules/metro/package.json": {
            "name": "metro",
            "version": "0.76.9",
            "dependencies": {"metro-config": "0.76.9"},
        },
        f"{root}/node_modules/metro-config/package.json": {"name": "metro-config", "version": "0.76.9"},
        **{f"{root}/{path}": text for path, text in files.items()},
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, root)
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency", "unresolvable-import"])
    return sorted((item.code, item.severity.value, item.request, item.from_) for item in found)


CODE = "const c = require('metro-config');\nconst x = require('left-padz');\nmodule.exports = [c, x];\n"


@pytest.mark.parametrize("root", ["/repo/fixture", "/work/fixtures/app", "/__fixtures__/app"])
def test_the_folders_above_the_project_do_not_make_its_code_test_data(root: str) -> None:
    assert _findings(root, {"metro.config.js": CODE}) == [
        ("phantom-dependency", Severity.WARNING.value, "metro-config", "metro.config.js"),
        ("unresolvable-import", Severity.ERROR.value, "left-padz", "metro.config.js"),
    ]


def test_a_fixtures_folder_inside_the_project_still_holds_test_data() -> None:
    """Its imports are no error or warning (the walk of the project's source leaves it aside)."""
    assert _findings("/repo/fixture", {"src/fixtures/case.js": CODE}) == []
