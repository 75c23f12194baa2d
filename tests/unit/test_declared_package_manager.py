"""``packageManager`` is read in one place: the lockfile chooser, pnpm's store naming and install
settings, and the Docker checks all ask ``declared_package_manager``."""

from __future__ import annotations

from typing import Any

import pytest

from nmdoctor.docker.project import declared_manager
from nmdoctor.lockfiles.pnpm_modules import store_naming
from nmdoctor.lockfiles.pnpm_paths import dep_path_to_filename
from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.project.install_settings import pnpm_install
from nmdoctor.vfs.memory import MemoryFS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {"packageManager": "pnpm@9.15.0+sha512.76e2379760a4328ec4415815bcd6628dee727af3779aaa4c914e3944156c4299"},
            ("pnpm", 9),
        ),
        ({"packageManager": "yarn@1.22.22"}, ("yarn", 1)),
        ({"packageManager": "yarn@4.9.4"}, ("yarn", 4)),
        ({"packageManager": "npm@10.8.2"}, ("npm", 10)),
        ({"packageManager": "bun@1.2.0"}, ("bun", 1)),
        ({"packageManager": "pnpm@latest"}, ("pnpm", None)),
        ({"packageManager": "deno@2.0.0"}, None),
        ({"packageManager": 9}, None),
        ({}, None),
        (None, None),
        ([], None),
    ],
)
def test_the_manager_and_its_major(raw: Any, expected: tuple[str, int | None] | None) -> None:
    assert declared_package_manager(raw) == expected


def test_pnpm_store_naming_follows_the_declared_major_without_an_install() -> None:
    fs = MemoryFS.from_mapping({"/app/package.json": "{}"})
    assert store_naming(fs, "/app", "6.0", {"packageManager": "pnpm@7.33.7"}).short_prefix
    assert not store_naming(fs, "/app", "6.0", {"packageManager": "pnpm@8.15.9"}).short_prefix
    assert store_naming(fs, "/app", "9.0", {"packageManager": "yarn@1.22.22"}).pnpm_major == 10


def test_docker_reads_the_context_package_json() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/ctx/package.json": '{"name": "app", "packageManager": "yarn@3.6.4"}',
            "/bad/package.json": '{"packageManager": "yarn@1.22.0",',  # not JSON: nothing declared
        }
    )
    assert declared_manager(fs, "/ctx") == ("yarn", 3)
    assert declared_manager(fs, "/bad") is None
    assert declared_manager(fs, "/none") is None


PNPM12_ENGINES = {"devEngines": {"packageManager": {"name": "pnpm", "version": "12.26.0", "onFail": "download"}}}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (PNPM12_ENGINES, ("pnpm", 12)),
        ({"devEngines": {"packageManager": [{"name": "pnpm", "version": "^11.0.0"}]}}, ("pnpm", 11)),
        ({"devEngines": {"packageManager": {"name": "pnpm", "version": ">=10"}}}, ("pnpm", None)),
        ({"devEngines": {"packageManager": {"name": "deno", "version": "2.0.0"}}}, None),
        ({**PNPM12_ENGINES, "packageManager": "pnpm@10.34.8"}, ("pnpm", 10)),  # packageManager first
    ],
)
def test_dev_engines_package_manager_names_the_pnpm_that_installs(
    raw: dict[str, Any], expected: tuple[str, int | None] | None
) -> None:
    """pnpm 12.26.0 installs as the pnpm ``devEngines.packageManager`` names (it records that pin in
    pnpm-lock.yaml's first document); corepack, and so the Docker checks, read ``packageManager``
    alone."""
    assert declared_package_manager(raw, dev_engines=True) == expected
    assert declared_package_manager(raw) == (expected if "packageManager" in raw else None)


def test_a_dev_engines_pin_decides_the_pnpm_settings_read_from_the_lockfile_alone() -> None:
    """Real pnpm 12.26.0, pinned by devEngines alone, ignores .npmrc's public-hoist-pattern
    (tests/installs/test_pnpm11_settings.py); without the pin, the lockfile alone is planned as
    pnpm 10, which reads it."""
    files = {"/app/.npmrc": "public-hoist-pattern[]=b\n", "/app/package.json": "{}"}
    fs = MemoryFS.from_mapping(files)
    assert pnpm_install(fs, "/app", PNPM12_ENGINES, "9.0").settings.public_hoist_pattern == ()
    assert pnpm_install(fs, "/app", PNPM12_ENGINES, "9.0").settings.pnpm_major == 12
    assert pnpm_install(fs, "/app", {}, "9.0").settings.public_hoist_pattern == ("b",)
    assert store_naming(fs, "/app", "9.0", PNPM12_ENGINES).pnpm_major == 12


def test_a_dev_engines_pin_of_pnpm_12_names_store_folders_as_pnpm_12() -> None:
    """pnpm 12.26.0 names folders as pnpm 11.28.5 and later do (a git key hashed: the folder below is
    the one real pnpm 12.26.0 wrote); a devEngines pin by an exact version or by a range of major 12
    both say so."""
    key = "gitpkg@git+file:///tmp/p12probe/git/gitsrc#e0ccd441400c2e96abde4c75d3b632ecb4bac1af"
    real = "gitpkg@git+file++++tmp+p12probe+git+gitsrc+e0ccd441400c2e96abde4c75d3b632ecb4bac1af"
    fs = MemoryFS.from_mapping({"/app/package.json": "{}"})
    for version in ("12.26.0", "^12.0.0"):
        manifest = {"devEngines": {"packageManager": {"name": "pnpm", "version": version}}}
        naming = store_naming(fs, "/app", "9.0", manifest)
        assert (naming.pnpm_major, naming.ambiguous_escapes, naming.trailing_escapes) == (12, True, True)
        named = dep_path_to_filename(key, "9.0", pnpm_major=12, ambiguous_escapes=naming.ambiguous_escapes)
        assert named == f"{real}_57b99e1be688196ee55c8c9c25c6aaa1"
