"""`node --version` is asked once per node binary: `check` keeps the answer in the user cache."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmdoctor.lockfiles import platform
from nmdoctor.project.cache import DiskStore
from tests.conftest import requires_node


@pytest.fixture(autouse=True)
def _forget() -> Iterator[None]:
    yield
    platform._NODE_VERSIONS.clear()
    platform.node_here.cache_clear()


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("node was started")


@requires_node
def test_the_answer_is_kept_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    platform.keep_node_versions(DiskStore(str(tmp_path)))
    assert platform.node_here() == real.lstrip("v")
    platform.node_here.cache_clear()
    monkeypatch.setattr(platform.subprocess, "run", _refuse)
    assert platform.node_here() == real.lstrip("v")


@requires_node
def test_another_binary_is_asked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform.keep_node_versions(DiskStore(str(tmp_path / "cache")))
    platform.node_here()
    fake = tmp_path / "bin" / "node"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho v99.1.2\n")
    fake.chmod(0o755)
    monkeypatch.setattr(platform.shutil, "which", lambda _name: str(fake))
    platform.node_here.cache_clear()
    assert platform.node_here() == "99.1.2"
    fake.write_text("#!/bin/sh\necho v99.1.3 \n")  # another size: another binary
    platform.node_here.cache_clear()
    assert platform.node_here() == "99.1.3"


def test_a_damaged_answer_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "node"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho v20.1.0\n")
    fake.chmod(0o755)
    monkeypatch.setattr(platform.shutil, "which", lambda _name: str(fake))
    platform.keep_node_versions(DiskStore(str(tmp_path / "cache")))
    assert platform.node_here() == "20.1.0"
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\xffnot a version")
    platform.node_here.cache_clear()
    assert platform.node_here() == "20.1.0"
