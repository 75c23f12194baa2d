"""The four lockfile readers agree on one project locked by the real npm, pnpm, yarn 1 and yarn 4."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmdoctor.lockfiles import Lockfile, read_lockfile
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.vfs import DiskFS

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lockfiles" / "send-0.18"
LOCKFILES = ["npm/package-lock.json", "pnpm/pnpm-lock.yaml", "yarn-classic/yarn.lock", "yarn-berry/yarn.lock"]


def _read(relative: str) -> Lockfile:
    manifest = json.loads((FIXTURE / "package.json").read_text())
    return read_lockfile(DiskFS(), str(FIXTURE / relative), manifest)


def _packages(lock: Lockfile) -> set[tuple[str, str]]:
    return {(package.name, package.version) for package in lock.packages.values() if not package.is_importer}


def _edges(lock: Lockfile) -> set[tuple[str, str, str]]:
    packages = lock.packages
    result = set()
    for edge in lock.edges:
        if edge.kind is DependencyKind.PEER and edge.target is None:
            continue  # yarn 4 gives debug<4.2.0 an optional peer supports-color (a built-in extension)
        source = packages[edge.source]
        target = packages[edge.target] if edge.target else None
        label = "<root>" if source.is_importer else f"{source.name}@{source.version}"
        result.add((label, edge.name, f"{target.name}@{target.version}" if target else "<missing>"))
    return result


@pytest.mark.parametrize("relative", LOCKFILES)
def test_every_reader_finds_the_same_packages_and_edges(relative: str) -> None:
    reference = _read(LOCKFILES[0])
    lock = _read(relative)
    assert len(_packages(reference)) == 19
    assert _packages(lock) == _packages(reference)
    assert _edges(lock) == _edges(reference)
    assert ("send@0.18.0", "ms", "ms@2.1.3") in _edges(lock)
    assert ("debug@2.6.9", "ms", "ms@2.0.0") in _edges(lock)


def test_npm_locations_and_pnpm_store_paths() -> None:
    npm = _read("npm/package-lock.json")
    assert npm.kind == "npm" and npm.version == "3"
    assert npm.by_path()["node_modules/debug/node_modules/ms"].version == "2.0.0"
    pnpm = _read("pnpm/pnpm-lock.yaml")
    assert pnpm.kind == "pnpm" and pnpm.version == "9.0"
    assert "node_modules/.pnpm/ms@2.0.0/node_modules/ms" in pnpm.by_path()


def test_yarn_kinds() -> None:
    assert _read("yarn-classic/yarn.lock").kind == "yarn-classic"
    berry = _read("yarn-berry/yarn.lock")
    assert berry.kind == "yarn-berry" and berry.version == "10"


@pytest.mark.parametrize("manager", ["npm", "pnpm"])
def test_workspace_lockfiles_name_every_workspace(manager: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nmdoctor.cli.main import main

    project = FIXTURE.parent / "workspaces" / manager
    result = CliRunner(mix_stderr=False).invoke(main, ["why", "ms", str(project), "--lockfile", "--json"])
    assert result.exit_code == 0, result.stderr
    chains = [chain for item in json.loads(result.stdout)["instances"] for chain in item["chains"]]
    assert ["@m/a@1.0.0", "ms@2.1.3"] in chains
    assert ["@m/b@1.0.0", "@m/a@1.0.0", "ms@2.1.3"] in chains


OLDER = FIXTURE.parent / "older"
PHANTOM_EDGES = {
    ("<root>", "a", "a@1.0.0"),
    ("<root>", "b", "b@1.0.0"),
    ("a@1.0.0", "c", "c@1.0.0"),
    ("a@1.0.0", "d", "d@1.0.0"),
    ("b@1.0.0", "c", "c@2.0.0"),
}


@pytest.mark.parametrize(
    ("folder", "kind", "version", "location"),
    [
        ("npm-v1", "npm", "1", "node_modules/b/node_modules/c"),
        ("npm-v2", "npm", "2", "node_modules/b/node_modules/c"),
        ("pnpm-5.4", "pnpm", "5.4", "node_modules/.pnpm/c@2.0.0/node_modules/c"),
        ("pnpm-6.0", "pnpm", "6.0", "node_modules/.pnpm/c@2.0.0/node_modules/c"),
    ],
)
def test_older_lockfile_versions(folder: str, kind: str, version: str, location: str) -> None:
    project = OLDER / folder
    manifest = json.loads((project / "package.json").read_text())
    name = "package-lock.json" if kind == "npm" else "pnpm-lock.yaml"
    lock = read_lockfile(DiskFS(), str(project / name), manifest)
    assert (lock.kind, lock.version) == (kind, version)
    assert _packages(lock) == {("a", "1.0.0"), ("b", "1.0.0"), ("c", "1.0.0"), ("c", "2.0.0"), ("d", "1.0.0")}
    assert _edges(lock) == PHANTOM_EDGES
    assert lock.by_path()[location].version == "2.0.0"


def test_berry_dependencies_meta_marks_only_its_own_dependency_optional() -> None:
    # react-redux's yarn.lock (yarn 4.18): vite@8.0.16 lists fsevents first, optional in
    # dependenciesMeta; yarn 4 installs vite's lightningcss, postcss, rolldown and tinyglobby (the
    # real install has them), so they are plain dependencies.
    project = Path(__file__).resolve().parents[2] / "field" / "check" / "react-redux" / "project"
    manifest = json.loads((project / "package.json").read_text())
    lock = read_lockfile(DiskFS(), str(project / "yarn.lock"), manifest)
    kinds = {edge.name: edge.kind.value for edge in lock.edges if edge.source == "vite@npm:8.0.16" and edge.target}
    assert kinds["fsevents"] == "optional"
    assert {kinds[name] for name in ("lightningcss", "picomatch", "postcss", "rolldown", "tinyglobby")} == {"prod"}
