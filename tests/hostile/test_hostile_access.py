"""Folders nmdoctor cannot read (run without capabilities, so that permissions hold for root too), and
volume-sync against a hostile volume: nothing written outside --target."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import cases
from tests.hostile.harness import run, state


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder whose permissions are restored afterwards (so that it can be removed)."""
    yield tmp_path
    for folder, dirs, _ in os.walk(tmp_path):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)


def _readable_project(root: Path) -> Path:
    project = root / "project"
    cases.write(project / "package.json", cases.manifest(dependencies={"x": "^1"}))
    cases.write(project / "package-lock.json", cases.npm_lock({"x": "1.0.0"}))
    cases.installed(project, "x")
    cases.write(project / "src/index.js", "require('x');\n")
    for folder, _, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    return project


def test_unreadable_node_modules_is_exit_2_with_the_path(shared_folder: Path) -> None:
    project = _readable_project(shared_folder)
    (project / "node_modules").chmod(0o300)  # entered but not listed
    for command in (["verify", "."], ["ls", "."], ["check", "."]):
        result = run(command, cwd=project, unprivileged=True)
        assert result.returncode == 2, (command, result.stdout)
        assert f"{project}/node_modules: cannot be read" in result.stderr


def test_unreadable_source_folder_is_exit_2_with_the_path(shared_folder: Path) -> None:
    project = _readable_project(shared_folder)
    (project / "src").chmod(0o300)
    result = run(["check", "."], cwd=project, unprivileged=True)
    assert result.returncode == 2 and f"{project}/src: cannot be read" in result.stderr


def test_volume_sync_writes_nothing_outside_its_target(tmp_path: Path) -> None:
    image = tmp_path / "image"
    cases.write(image / "a/package.json", json.dumps({"name": "a", "version": "1.0.0"}))
    cases.write(image / "@s/b/package.json", json.dumps({"name": "@s/b", "version": "1.0.0"}))
    (image / ".bin").mkdir()
    (image / ".bin/a").symlink_to("../a/package.json")
    outside = tmp_path / "outside"
    cases.write(outside / "victim/package.json", "{}")
    volume = tmp_path / "volume"
    volume.mkdir()
    (volume / "@s").symlink_to(outside)
    (volume / ".bin").symlink_to(outside)
    (volume / ".nmdoctor-conflicts").symlink_to(outside)
    state_file = {"fromBase": ["../outside/victim", str(outside / "victim"), "@s/../../outside"], "fingerprints": {}}
    (volume / ".nmdoctor-sync.json").write_text(json.dumps(state_file))
    before = state(outside)
    image_before = state(image)
    result = run(["volume-sync", "--base", str(image), "--target", str(volume)], cwd=tmp_path, watch=outside)
    assert result.returncode == 0
    assert state(outside) == before and state(image) == image_before
    assert (volume / "@s/b/package.json").is_file() and not (volume / "@s").is_symlink()
