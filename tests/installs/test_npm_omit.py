"""Real npm: ``npm ci`` under the project's ``.npmrc`` ``omit=`` leaves out the lockfile entries of
the kinds omitted, and ``verify`` says nothing of their absence (openlayers with ``omit=optional``
drew nine "skipped for this platform?" notes, for core-js, dompurify and the like, which npm
omitted whatever the platform). An entry npm marks ``devOptional`` (reached both through a
devDependency and through an optional dependency) is omitted only when both kinds are: it stays
under ``omit=optional``, and verify still reports it missing there.

The registry holds ``opt`` (an optional dependency of the project), ``dep`` with an optional
``deepopt``, ``tool`` (a devDependency) depending on ``shared``, which the project also declares
optional (so the lockfile marks ``shared`` devOptional)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.project.install_settings import npm_omitted
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, install_in
from tests.installs.registry import Registry
from tests.installs.test_lockfile_fidelity import _lock

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(shutil.which("npm") is None, reason="npm"),
]

PACKAGES = [
    {"name": "opt", "version": "1.0.0"},
    {"name": "deepopt", "version": "1.0.0"},
    {"name": "dep", "version": "1.0.0", "optionalDependencies": {"deepopt": "^1.0.0"}},
    {"name": "shared", "version": "1.0.0"},
    {"name": "tool", "version": "1.0.0", "dependencies": {"shared": "^1.0.0"}},
]
PROJECT = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {"dep": "^1.0.0"},
    "optionalDependencies": {"opt": "^1.0.0", "shared": "^1.0.0"},
    "devDependencies": {"tool": "^1.0.0"},
}


@pytest.fixture(scope="module")
def registry_url() -> Iterator[str]:
    with Registry(PACKAGES) as registry:
        yield registry.url


@pytest.fixture(scope="module")
def locked(registry_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project installed once by npm, which writes its package-lock.json."""
    return install(PROJECT, {}, "npm", registry_url, tmp_path_factory.mktemp("omit").resolve() / "app")


def _ci_with(locked: Path, where: Path, npmrc: str, registry_url: str) -> Path:
    dest = where / "app"
    dest.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(locked / name, dest / name)
    (dest / ".npmrc").write_text(npmrc)
    return install_in(dest, "npm", registry_url, frozen=True)


def _missing(project: Path) -> list[str]:
    graph = load_graph(str(project))
    omitted = npm_omitted(DiskFS(), graph.project)
    found = verify_tree(graph, _lock(project, graph), omitted=omitted)
    return sorted(f"{item.severity.value} {item.package.name if item.package else ''}" for item in found)


def test_the_lockfile_marks_each_kind(locked: Path) -> None:
    entries = json.loads((locked / "package-lock.json").read_text())["packages"]
    assert entries["node_modules/opt"].get("optional") is True
    assert entries["node_modules/deepopt"].get("optional") is True
    assert entries["node_modules/shared"].get("devOptional") is True
    assert entries["node_modules/tool"].get("dev") is True


def test_omit_optional_leaves_out_the_optional_entries_and_verify_is_clean(
    locked: Path, registry_url: str, tmp_path: Path
) -> None:
    project = _ci_with(locked, tmp_path, "omit=optional\n", registry_url)
    modules = project / "node_modules"
    assert not (modules / "opt").exists() and not (modules / "deepopt").exists()
    assert (modules / "shared").is_dir() and (modules / "tool").is_dir()  # devOptional and dev stay
    assert npm_omitted(DiskFS(), str(project)) == frozenset({"optional"})
    assert _missing(project) == []


def test_a_devoptional_entry_npm_keeps_is_still_reported_missing(
    locked: Path, registry_url: str, tmp_path: Path
) -> None:
    project = _ci_with(locked, tmp_path, "omit=optional\n", registry_url)
    shutil.rmtree(project / "node_modules" / "shared")
    assert _missing(project) == ["info shared"]


def test_omit_dev_and_optional_leave_out_the_devoptional_entry_too(
    locked: Path, registry_url: str, tmp_path: Path
) -> None:
    project = _ci_with(locked, tmp_path, "omit[]=dev\nomit[]=optional\n", registry_url)
    modules = project / "node_modules"
    assert sorted(path.name for path in modules.iterdir() if not path.name.startswith(".")) == ["dep"]
    assert _missing(project) == []


@pytest.mark.parametrize(
    ("npmrc", "kept"),
    [
        ("optional=false\n", False),  # npm's older switch, flattened into omit
        ("omit=optional\ninclude=optional\n", True),  # include wins over omit
    ],
)
def test_the_other_spellings_npm_reads(locked: Path, registry_url: str, tmp_path: Path, npmrc: str, kept: bool) -> None:
    project = _ci_with(locked, tmp_path, npmrc, registry_url)
    assert (project / "node_modules" / "opt").is_dir() is kept
    assert npm_omitted(DiskFS(), str(project)) == (frozenset() if kept else frozenset({"optional"}))
    assert _missing(project) == []


def test_production_omits_the_dev_entries(locked: Path, registry_url: str, tmp_path: Path) -> None:
    project = _ci_with(locked, tmp_path, "production=true\n", registry_url)
    modules = project / "node_modules"
    assert not (modules / "tool").exists() and (modules / "shared").is_dir()  # devOptional stays
    assert npm_omitted(DiskFS(), str(project)) == frozenset({"dev"})
    assert _missing(project) == []
