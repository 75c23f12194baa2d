"""The doppelganger fix against what the real npm's ``npm dedupe`` does with the copies.

Two copies of ms@1.0.0, nested under a and b: while the project's own ms@2.0.0 holds
node_modules/ms, the dedupe leaves both (the fix names what keeps them apart); once the project
drops its ms (npm then leaves node_modules/ms@2.0.0 behind, used by nothing, or the folder free),
the dedupe moves one copy up and the fix says to run it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "ms", "version": "1.0.0"},
    {"name": "ms", "version": "2.0.0"},
    {"name": "a", "version": "1.0.0", "dependencies": {"ms": "^1"}},
    {"name": "b", "version": "1.0.0", "dependencies": {"ms": "^1"}},
]
PROJECT = {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0", "b": "1.0.0", "ms": "2.0.0"}}


def _fixes(project: Path) -> list[str]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--no-cache", "--format", "json", "--select", "doppelganger"]
    )
    return [item["fix"] for item in json.loads(result.stdout)["findings"]]


def _npm(project: Path, registry: str, *args: str) -> None:
    subprocess.run(
        ["npm", *args, "--ignore-scripts", "--no-audit", "--no-fund", f"--registry={registry}"],
        cwd=project,
        env={"PATH": os.environ["PATH"], "HOME": str(project.parent)},
        capture_output=True,
        check=True,
    )


def _copies(project: Path) -> list[str]:
    return sorted(
        str(path.parent.relative_to(project)) for path in project.glob("node_modules/*/node_modules/ms/package.json")
    )


def test_copies_held_apart_by_the_projects_version_stay_after_the_dedupe(tmp_path: Path) -> None:
    with Registry(PACKAGES) as registry:
        project = install(PROJECT, {}, "npm-hoisted", registry.url, tmp_path / "app")
        [fix] = _fixes(project)
        assert fix.startswith("align the versions that keep the copies apart: node_modules/ms holds `ms@2.0.0`")
        _npm(project, registry.url, "dedupe")
    assert _copies(project) == ["node_modules/a/node_modules/ms", "node_modules/b/node_modules/ms"]


def test_copies_under_an_unused_or_free_folder_are_merged_by_the_dedupe(tmp_path: Path) -> None:
    with Registry(PACKAGES) as registry:
        project = install(PROJECT, {}, "npm-hoisted", registry.url, tmp_path / "app")
        manifest = json.loads((project / "package.json").read_text())
        del manifest["dependencies"]["ms"]
        (project / "package.json").write_text(json.dumps(manifest))
        # node_modules/ms@2.0.0 now used by nothing: what the dedupe prunes before moving a copy up
        assert _fixes(project) == ["run `npm dedupe` (or align the versions that keep the copies apart)"]
        _npm(project, registry.url, "install")  # prunes node_modules/ms, leaves the copies nested
        assert not (project / "node_modules" / "ms").exists()
        assert _fixes(project) == ["run `npm dedupe` (or align the versions that keep the copies apart)"]
        _npm(project, registry.url, "dedupe")
    assert _copies(project) == []
    assert json.loads((project / "node_modules" / "ms" / "package.json").read_text())["version"] == "1.0.0"
    assert _fixes(project) == []


CONTESTED = [
    {"name": "ms", "version": "1.0.0"},
    {"name": "ms", "version": "2.0.0"},
    {"name": "ms", "version": "3.0.0"},
    {"name": "a", "version": "1.0.0", "dependencies": {"ms": "^1"}},
    {"name": "b", "version": "1.0.0", "dependencies": {"ms": "^1"}},
    {"name": "c", "version": "1.0.0", "dependencies": {"ms": "^2"}},
    {"name": "d", "version": "1.0.0", "dependencies": {"ms": "^2"}},
]


def test_two_versions_wanting_one_free_folder_are_not_both_merged(tmp_path: Path) -> None:
    """Two copies of ms@1.0.0 (under a, b) and two of ms@2.0.0 (under c, d) with node_modules/ms
    free: the dedupe moves one version up and leaves the other's copies nested, so the fix says to
    align the versions first (the shape jsdoc's tree has with strip-ansi 7.2.0 and 5.2.0)."""
    project_json = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"a": "1.0.0", "b": "1.0.0", "c": "1.0.0", "d": "1.0.0", "ms": "3.0.0"},
    }
    with Registry(CONTESTED) as registry:
        project = install(project_json, {}, "npm-hoisted", registry.url, tmp_path / "app")
        del project_json["dependencies"]["ms"]
        (project / "package.json").write_text(json.dumps(project_json))
        _npm(project, registry.url, "install")  # prunes node_modules/ms@3.0.0, leaves the copies nested
        assert not (project / "node_modules" / "ms").exists()
        fixes = _fixes(project)
        assert len(fixes) == 2
        contested = "align the versions that keep the copies apart, then run `npm dedupe`"
        assert all(fix.startswith(contested) for fix in fixes)
        _npm(project, registry.url, "dedupe")
    assert len(_copies(project)) == 2  # one version's two copies are still nested
