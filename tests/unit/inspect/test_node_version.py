"""Which node a project runs: --node-version, the project's files, the node on PATH."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmdoctor.inspect import node_version as chooser
from nmdoctor.inspect.node_version import choose_node_version
from nmdoctor.resolve.node.versions import LATEST, NodeVersion


@pytest.fixture(autouse=True)
def path_node_is_20(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chooser, "node_on_path", lambda: NodeVersion(20, 20, 2))


def _project(tmp_path: Path, manifest: dict[str, object] | None = None, **files: str) -> Path:
    if manifest is not None:
        (tmp_path / "package.json").write_text(json.dumps(manifest))
    for name, text in files.items():
        (tmp_path / name.replace("_", ".", 1) if name.startswith("_") else tmp_path / name).write_text(text)
    (tmp_path / "src").mkdir(exist_ok=True)
    return tmp_path


def test_explicit_wins(tmp_path: Path) -> None:
    _project(tmp_path, {"engines": {"node": ">=22"}})
    choice = choose_node_version(str(tmp_path), explicit="24")
    assert (choice.version, choice.source) == (LATEST[24], "--node-version")


def test_explicit_must_be_a_version(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a node version"):
        choose_node_version(str(tmp_path), explicit="newest")


@pytest.mark.parametrize(
    ("manifest", "files", "expected", "source"),
    [
        (
            {"volta": {"node": "22.12.0"}, "engines": {"node": ">=24"}},
            {"_nvmrc": "26"},
            NodeVersion(22, 12, 0),
            "volta.node",
        ),
        ({"engines": {"node": ">=24"}}, {"_nvmrc": "v26\n"}, LATEST[26], ".nvmrc"),
        ({}, {"_nvmrc": "lts/jod"}, LATEST[22], ".nvmrc"),
        ({}, {"_nvmrc": "# pinned\n\nnode"}, LATEST[26], ".nvmrc"),
        ({}, {"_node-version": "24.1.0"}, NodeVersion(24, 1, 0), ".node-version"),
        ({"devEngines": {"runtime": {"name": "node", "version": "^24.3.0"}}}, {}, LATEST[24], "devEngines"),
        (
            {"devEngines": {"runtime": [{"name": "bun"}, {"name": "node", "version": "22"}]}},
            {},
            LATEST[22],
            "devEngines",
        ),
        ({"engines": {"node": ">=18"}}, {}, NodeVersion(20, 20, 2), "engines.node"),
        ({"engines": {"node": ">=22.12 <25"}}, {}, LATEST[22], "engines.node"),
        ({"engines": {"node": "20.10.0"}}, {}, NodeVersion(20, 10, 0), "engines.node"),
        ({"engines": {"node": "^27"}}, {}, NodeVersion(27, 0, 0), "engines.node"),
    ],
)
def test_project_setting(
    tmp_path: Path, manifest: dict[str, object], files: dict[str, str], expected: NodeVersion, source: str
) -> None:
    _project(tmp_path, manifest, **files)
    choice = choose_node_version(str(tmp_path / "src"))
    assert choice.version == expected
    assert source in choice.source


def test_unreadable_values_fall_through(tmp_path: Path) -> None:
    _project(tmp_path, {"engines": {"node": "not a range"}, "volta": {"node": 22}}, _nvmrc="lts/argonaut")
    choice = choose_node_version(str(tmp_path))
    assert (choice.version, choice.source) == (NodeVersion(20, 20, 2), "the node on PATH")


def test_from_inside_node_modules_counts_from_the_project(tmp_path: Path) -> None:
    _project(tmp_path, {"engines": {"node": ">=24"}})
    dependency = tmp_path / "node_modules" / "dep"
    dependency.mkdir(parents=True)
    (dependency / "package.json").write_text(json.dumps({"engines": {"node": ">=20"}}))
    assert choose_node_version(str(dependency / "index.js")).version == LATEST[24]


def test_nearest_folder_with_a_setting_decides(tmp_path: Path) -> None:
    _project(tmp_path, {}, _nvmrc="22")
    workspace = tmp_path / "packages" / "a"
    workspace.mkdir(parents=True)
    (workspace / "package.json").write_text(json.dumps({"name": "a"}))
    assert choose_node_version(str(workspace)).version == LATEST[22]
    (workspace / "package.json").write_text(json.dumps({"name": "a", "engines": {"node": "26"}}))
    assert choose_node_version(str(workspace)).version == LATEST[26]


def test_no_node_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chooser, "node_on_path", lambda: None)
    choice = choose_node_version(str(tmp_path))
    assert choice.version == LATEST[20]
    assert "no node on PATH" in choice.source
