"""The lockfile model kept between runs is the one a fresh read gives, and is never used once
anything the reading was built from has changed (the lockfile, a side file such as
``.yarnrc.yml``, the root manifest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.lockfiles import Lockfile, read_lockfile
from nmdoctor.project import lockfile_cache
from nmdoctor.project.cache import DiskStore
from nmdoctor.project.lockfile_cache import RecordingFS, read_lockfile_cached
from nmdoctor.vfs import DiskFS

NPM_LOCK = {
    "name": "app",
    "lockfileVersion": 3,
    "packages": {
        "": {"name": "app", "dependencies": {"a": "^1.0.0"}},
        "node_modules/a": {"version": "1.0.0", "dependencies": {"b": "^1.0.0"}},
        "node_modules/b": {"version": "1.0.0", "peerDependencies": {"c": "*"}},
    },
}

BERRY_LOCK = """\
__metadata:
  version: 8
  cacheKey: 10

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    left: "npm:1.0.0"
    right: "npm:1.0.0"
  languageName: unknown
  linkType: soft

"left@npm:1.0.0":
  version: 1.0.0
  resolution: "left@npm:1.0.0"
  languageName: node
  linkType: hard

"right@npm:1.0.0":
  version: 1.0.0
  resolution: "right@npm:1.0.0"
  languageName: node
  linkType: hard
"""

CLASSIC_LOCK = """\
# yarn lockfile v1


a@^1.0.0:
  version "1.0.0"
  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz"

b@^1.0.0:
  version "1.0.0"
  resolved "https://registry.yarnpkg.com/b/-/b-1.0.0.tgz"
"""


def _npm_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"name": "app", "dependencies": {"a": "^1.0.0"}}))
    (root / "package-lock.json").write_text(json.dumps(NPM_LOCK))
    return root


def _read(root: Path, store: DiskStore, name: str = "package-lock.json") -> Lockfile:
    manifest = json.loads((root / "package.json").read_text())
    return read_lockfile_cached(DiskFS(), f"{root}/{name}", manifest, store)


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Lockfile:
        raise AssertionError("the lockfile was read again")

    monkeypatch.setattr(lockfile_cache, "read_lockfile", refuse)


def _edges(lock: Lockfile) -> set[tuple[str, str, str | None]]:
    return {(edge.source, edge.name, edge.target) for edge in lock.edges}


def test_a_warm_read_gives_the_model_a_fresh_read_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _npm_project(tmp_path / "app")
    store = DiskStore(str(tmp_path / "cache"))
    fresh = read_lockfile(DiskFS(), f"{root}/package-lock.json", json.loads((root / "package.json").read_text()))
    assert _read(root, store) == fresh  # stored on the way
    _no_reading(monkeypatch)
    kept = _read(root, store)
    assert kept == fresh
    assert kept.packages["node_modules/b"].peer_dependencies == {"c": "*"}


def test_a_changed_lockfile_is_read_again(tmp_path: Path) -> None:
    root = _npm_project(tmp_path / "app")
    store = DiskStore(str(tmp_path / "cache"))
    assert _read(root, store).packages["node_modules/a"].version == "1.0.0"
    changed = json.loads(json.dumps(NPM_LOCK))
    changed["packages"]["node_modules/a"]["version"] = "1.0.1"
    (root / "package-lock.json").write_text(json.dumps(changed))
    assert _read(root, store).packages["node_modules/a"].version == "1.0.1"


def test_a_changed_root_manifest_is_another_entry(tmp_path: Path) -> None:
    """yarn 1 takes the root's edges from package.json, not from yarn.lock."""
    root = tmp_path / "classic"
    root.mkdir()
    (root / "yarn.lock").write_text(CLASSIC_LOCK)
    (root / "package.json").write_text(json.dumps({"name": "app", "dependencies": {"a": "^1.0.0"}}))
    store = DiskStore(str(tmp_path / "cache"))
    assert {edge.name for edge in _read(root, store, "yarn.lock").edges if edge.source == ""} == {"a"}
    both = {"name": "app", "dependencies": {"a": "^1.0.0", "b": "^1.0.0"}}
    (root / "package.json").write_text(json.dumps(both))
    assert {edge.name for edge in _read(root, store, "yarn.lock").edges if edge.source == ""} == {"a", "b"}


def test_a_changed_side_file_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """yarn berry's `.yarnrc.yml` packageExtensions add edges: the model follows the file."""
    root = tmp_path / "berry"
    root.mkdir()
    (root / "package.json").write_text(json.dumps({"name": "app", "dependencies": {"left": "1.0.0", "right": "1.0.0"}}))
    (root / "yarn.lock").write_text(BERRY_LOCK)
    store = DiskStore(str(tmp_path / "cache"))
    assert ("left@npm:1.0.0", "right", "right@npm:1.0.0") not in _edges(_read(root, store, "yarn.lock"))
    (root / ".yarnrc.yml").write_text('packageExtensions:\n  "left@*":\n    dependencies:\n      right: "1.0.0"\n')
    assert ("left@npm:1.0.0", "right", "right@npm:1.0.0") in _edges(_read(root, store, "yarn.lock"))
    _no_reading(monkeypatch)
    assert ("left@npm:1.0.0", "right", "right@npm:1.0.0") in _edges(_read(root, store, "yarn.lock"))


@pytest.mark.parametrize("damage", [b"", b"nmdoctor-lockfile-model\0\xff\xff", b"not an entry at all"])
def test_a_damaged_entry_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    root = _npm_project(tmp_path / "app")
    store = DiskStore(str(tmp_path / "cache"))
    fresh = _read(root, store)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(damage)
    assert _read(root, store) == fresh


def test_a_lockfile_that_fails_to_read_is_not_kept(tmp_path: Path) -> None:
    root = _npm_project(tmp_path / "app")
    (root / "package-lock.json").write_text("{ not json")
    store = DiskStore(str(tmp_path / "cache"))
    with pytest.raises(ValueError, match="not valid JSON"):
        _read(root, store)
    assert not (tmp_path / "cache").exists()


def test_the_recorder_notes_every_question_and_its_answer(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    fs = RecordingFS(DiskFS())
    fs.read_bytes(f"{tmp_path}/f")
    assert fs.stat(f"{tmp_path}/missing") is None
    with pytest.raises(OSError):
        fs.listdir(f"{tmp_path}/missing")
    assert [(name, path.rpartition("/")[2]) for name, path, _ in fs.records] == [
        ("read_bytes", "f"),
        ("stat", "missing"),
        ("listdir", "missing"),
    ]
    assert fs.records[2][2][0] == "error"


def test_check_twice_prints_the_same_with_the_model_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _npm_project(tmp_path / "app")
    for name in ("a", "b"):
        folder = root / "node_modules" / name
        folder.mkdir(parents=True)
        manifest = {"name": name, "version": "1.0.0", "dependencies": {"b": "^1.0.0"} if name == "a" else {}}
        (folder / "package.json").write_text(json.dumps(manifest))
    monkeypatch.setenv("NMDOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(root), "--format", "json"])
    assert (tmp_path / "cache" / "lockfile-models").is_dir()
    _no_reading(monkeypatch)
    second = runner.invoke(main, ["check", str(root), "--format", "json"])
    assert first.exit_code == second.exit_code
    assert first.output == second.output
