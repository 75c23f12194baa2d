"""pnpm 11 and 12 read their install settings from pnpm-workspace.yaml alone: ``public-hoist-pattern``
and ``shamefully-hoist`` in .npmrc are ignored without a word (pnpm 10 honours them). Real pnpm 11.29.0
and 12.26.0 (run by the pinned node 24) install; ``ls --lockfile`` must list the tree they make, and
``check`` judge an import of a package that only .npmrc would hoist as the error it is under them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.project.install_settings import pnpm_extends_node_path
from nmdoctor.vfs.disk import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, PNPM12_PIN, TOOLS, install, new_pnpm_node, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not (TOOLS / NEW_PNPM["pnpm11-isolated"]).exists(),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
]

PACKAGES = [
    {"name": "b", "version": "1.0.0", "files": {"index.js": "module.exports = 'b';\n"}},
    {"name": "a", "version": "1.0.0", "dependencies": {"b": "1.0.0"}, "files": {"index.js": "require('b');\n"}},
]
SOURCE = {"src/index.js": "require('a');\nrequire('b');\n"}


# the pinned pnpm of each mode, as packageManager names it
VERSIONS = {"pnpm11-isolated": "11.29.0", "pnpm12-isolated": "12.26.0"}


@pytest.fixture(params=list(VERSIONS))
def mode(request: pytest.FixtureRequest) -> str:
    if not new_pnpm_ready(request.param):
        pytest.skip(f"{request.param}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    return str(request.param)


def _installed(tmp_path: Path, name: str, files: dict[str, str], manifest: dict[str, Any], mode: str) -> Path:
    if new_pnpm_node() is None:
        pytest.skip("pnpm 11 and 12 need the pinned node 24 of tests/node_tools/versions (Linux x86_64)")
    if "packageManager" in manifest:
        manifest = {**manifest, "packageManager": f"pnpm@{VERSIONS[mode]}"}
    with Registry([*PACKAGES, PNPM12_PIN]) as registry:
        return install(manifest, {**SOURCE, **files}, mode, registry.url, tmp_path / name)


def _paths(document: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((item["path"], link) for item in document["instances"] for link in [item["path"], *item["links"]])


def _b_finding(project: Path, *args: str) -> tuple[str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(project), "--format", "json", "--no-cache", *args])
    [item] = [item for item in json.loads(result.stdout)["findings"] if item.get("request") == "b"]
    return item["code"], item["severity"]


MANIFEST = {"name": "app", "version": "1.0.0", "packageManager": "pnpm@11.29.0", "dependencies": {"a": "1.0.0"}}


def test_pnpm_11_ignores_hoisting_settings_in_npmrc(tmp_path: Path, mode: str) -> None:
    project = _installed(
        tmp_path, "npmrc", {".npmrc": "public-hoist-pattern[]=b\nshamefully-hoist=true\n"}, MANIFEST, mode
    )
    assert not (project / "node_modules" / "b").exists()  # what real pnpm 11 did with the .npmrc
    installed = CliRunner(mix_stderr=False).invoke(main, ["ls", str(project), "--json"])
    planned = CliRunner(mix_stderr=False).invoke(main, ["ls", str(project), "--json", "--lockfile"])
    assert _paths(json.loads(planned.stdout)) == _paths(json.loads(installed.stdout))
    assert _b_finding(project) == ("unresolvable-import", "error")
    # the lockfile alone, nothing installed: packageManager names pnpm 11 or 12
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    assert _b_finding(bare, "--lockfile") == ("unresolvable-import", "error")


def test_without_package_manager_the_install_tells_which_pnpm_made_it(tmp_path: Path, mode: str) -> None:
    manifest = {key: value for key, value in MANIFEST.items() if key != "packageManager"}
    project = _installed(tmp_path, "unnamed", {".npmrc": "public-hoist-pattern[]=b\n"}, manifest, mode)
    assert not (project / "node_modules" / "b").exists()
    planned = CliRunner(mix_stderr=False).invoke(main, ["ls", str(project), "--json", "--lockfile"])
    assert "node_modules/b" not in {link for _path, link in _paths(json.loads(planned.stdout))}
    assert _b_finding(project, "--lockfile") == ("unresolvable-import", "error")


def test_pnpm_11_reads_the_same_setting_from_pnpm_workspace_yaml(tmp_path: Path, mode: str) -> None:
    project = _installed(tmp_path, "yaml", {"pnpm-workspace.yaml": "publicHoistPattern:\n  - b\n"}, MANIFEST, mode)
    assert (project / "node_modules" / "b").exists()
    planned = CliRunner(mix_stderr=False).invoke(main, ["ls", str(project), "--json", "--lockfile"])
    installed = CliRunner(mix_stderr=False).invoke(main, ["ls", str(project), "--json"])
    assert _paths(json.loads(planned.stdout)) == _paths(json.loads(installed.stdout))
    assert _b_finding(project) == ("phantom-dependency", "warning")


@pytest.mark.parametrize(
    ("mode", "files"),
    [
        ("pnpm-isolated", {".npmrc": "extend-node-path=false\n"}),
        ("pnpm11-isolated", {".npmrc": "extend-node-path=false\n"}),
        ("pnpm11-isolated", {"pnpm-workspace.yaml": "extendNodePath: false\n"}),
        ("pnpm11-isolated", {}),
        ("pnpm12-isolated", {".npmrc": "extend-node-path=false\n"}),
        ("pnpm12-isolated", {"pnpm-workspace.yaml": "extendNodePath: false\n"}),
        ("pnpm12-isolated", {}),
    ],
    ids=[
        "pnpm10-npmrc",
        *(f"pnpm{major}-{variant}" for major in (11, 12) for variant in ("npmrc", "yaml", "default")),
    ],
)
def test_bin_shims_extend_node_path_as_the_settings_say(tmp_path: Path, mode: str, files: dict[str, str]) -> None:
    """The shims in node_modules/.bin put node_modules/.pnpm/node_modules on NODE_PATH unless told
    not to: pnpm 10.34.8 reads ``extend-node-path=false`` from .npmrc, pnpm 11.29.0 ignores that line
    and reads only ``extendNodePath`` from pnpm-workspace.yaml. No packageManager field: which pnpm
    made the install is read from node_modules/.modules.yaml."""
    if mode in NEW_PNPM and not new_pnpm_ready(mode):
        pytest.skip(f"{mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    tool = {"name": "tool", "version": "1.0.0", "bin": {"tool": "cli.js"}, "files": {"cli.js": "#!/usr/bin/env node\n"}}
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"tool": "1.0.0"}}
    with Registry([tool]) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "app")
    extends = "NODE_PATH" in (project / "node_modules" / ".bin" / "tool").read_text()
    assert extends == (mode in NEW_PNPM and "pnpm-workspace.yaml" not in files)  # what real pnpm wrote
    assert pnpm_extends_node_path(DiskFS(), str(project), manifest) == extends


def test_pnpm_12_pinned_by_dev_engines_alone_ignores_npmrc_too(tmp_path: Path) -> None:
    """pnpm 12.26.0 installs as the pnpm ``devEngines.packageManager`` pins (and records the pin in
    pnpm-lock.yaml's first document); with no ``packageManager`` field, the lockfile alone must
    still be read as pnpm 12 reads the settings (check --lockfile said phantom-dependency, a warning,
    planning .npmrc's hoisting). (pnpm 11.29.0 asks the registry for @pnpm/exe under this pin.)"""
    if not new_pnpm_ready("pnpm12-isolated"):
        pytest.skip("pnpm12-isolated: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "devEngines": {"packageManager": {"name": "pnpm", "version": "12.26.0"}},
        "dependencies": {"a": "1.0.0"},
    }
    project = _installed(tmp_path, "engines", {".npmrc": "public-hoist-pattern[]=b\n"}, manifest, "pnpm12-isolated")
    assert not (project / "node_modules" / "b").exists()  # what real pnpm 12 did with the .npmrc
    assert "packageManagerDependencies" in (project / "pnpm-lock.yaml").read_text()
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    assert _b_finding(bare, "--lockfile") == ("unresolvable-import", "error")


def test_package_json_pnpm_overrides_are_not_applied_and_not_expected(tmp_path: Path, mode: str) -> None:
    """pnpm 11 and 12 ignore package.json's ``pnpm.overrides``: a's ``b@^1.0.0`` stays 1.0.0 (pnpm
    10.34.8 installs the override's 2.0.0). verify and check judged the fresh install against the
    override: a version-mismatch error for b."""
    packages = [{"name": "b", "version": "1.0.0"}, {"name": "b", "version": "2.0.0"}]
    packages.append({"name": "a", "version": "1.0.0", "dependencies": {"b": "^1.0.0"}})
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"a": "1.0.0"},
        "pnpm": {"overrides": {"b": "2.0.0"}},
    }
    with Registry(packages) as registry:
        project = install(manifest, {}, mode, registry.url, tmp_path / "app")
    store = sorted(item.name for item in (project / "node_modules" / ".pnpm").iterdir() if "@" in item.name)
    assert store == ["a@1.0.0", "b@1.0.0"]  # what real pnpm installed
    runner = CliRunner(mix_stderr=False)
    for command in (["verify", str(project)], ["check", str(project), "--no-cache"]):
        result = runner.invoke(main, command)
        assert result.exit_code == 0, result.stdout
    # The lockfile alone, no pin: it records no `overrides:` (pnpm 10.34.8 records those it applies),
    # so the pnpm that wrote it read none (check --lockfile said version-mismatch for b).
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    assert "overrides:" not in (bare / "pnpm-lock.yaml").read_text()
    result = runner.invoke(main, ["check", str(bare), "--lockfile", "--no-cache"])
    assert result.exit_code == 0, result.stdout
    # Pinned to pnpm 10, which reads the override: its frozen install refuses that lockfile, and the
    # error names the override's spec (it named the locked version as the one wanted).
    (bare / "package.json").write_text(json.dumps({**manifest, "packageManager": "pnpm@10.34.8"}))
    refused = subprocess.run(
        [str(TOOLS / ".bin" / "pnpm"), "install", "--frozen-lockfile", "--offline"],
        cwd=bare,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CI": "true"},
    )
    assert "ERR_PNPM_LOCKFILE_CONFIG_MISMATCH" in refused.stdout + refused.stderr
    result = runner.invoke(main, ["check", str(bare), "--lockfile", "--no-cache"])
    assert result.exit_code == 1
    assert "`a@1.0.0` wants `b@2.0.0` (an override) but gets 1.0.0" in result.stdout


def test_pnpm_10_records_the_package_json_settings_it_applies(tmp_path: Path) -> None:
    """pnpm 10.34.8 applies package.json's ``pnpm.overrides`` (a's ``b@^1.0.0`` gets 2.0.0) and
    ``pnpm.packageExtensions`` (a gains c), and records both in pnpm-lock.yaml (``overrides:``,
    ``packageExtensionsChecksum:``): with no pin, the lockfile alone says they were read, and
    check --lockfile judges b by the override (not a version-mismatch) and c as declared by a."""
    packages = [{"name": "b", "version": "1.0.0"}, {"name": "b", "version": "2.0.0"}, {"name": "c", "version": "1.0.0"}]
    packages.append({"name": "a", "version": "1.0.0", "dependencies": {"b": "^1.0.0"}})
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"a": "1.0.0"},
        "pnpm": {"overrides": {"b": "2.0.0"}, "packageExtensions": {"a": {"dependencies": {"c": "1.0.0"}}}},
    }
    with Registry(packages) as registry:
        project = install(manifest, {}, "pnpm-isolated", registry.url, tmp_path / "app")
    store = sorted(item.name for item in (project / "node_modules" / ".pnpm").iterdir() if "@" in item.name)
    assert store == ["a@1.0.0", "b@2.0.0", "c@1.0.0"]  # what real pnpm 10 installed
    lockfile = (project / "pnpm-lock.yaml").read_text()
    assert "\noverrides:\n" in lockfile and "\npackageExtensionsChecksum:" in lockfile
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(bare), "--lockfile", "--no-cache"])
    assert result.exit_code == 0, result.stdout


def test_pnpm_workspace_yaml_overrides_in_the_lockfile_are_not_package_json_s(tmp_path: Path, mode: str) -> None:
    """pnpm 11 and 12 apply pnpm-workspace.yaml's ``overrides`` (c goes to 2.0.0) and record them
    under the lockfile's ``overrides:``, while package.json's ``pnpm.overrides`` (b to 2.0.0) is
    ignored: with the lockfile alone and no pin, only the recorded keys count."""
    packages = [{"name": name, "version": version} for name in ("b", "c") for version in ("1.0.0", "2.0.0")]
    packages.append({"name": "a", "version": "1.0.0", "dependencies": {"b": "^1.0.0", "c": "^1.0.0"}})
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}
    manifest["pnpm"] = {"overrides": {"b": "2.0.0"}}
    files = {"pnpm-workspace.yaml": "packages: []\noverrides:\n  c: 2.0.0\n"}
    with Registry(packages) as registry:
        project = install(manifest, files, mode, registry.url, tmp_path / "app")
    store = sorted(item.name for item in (project / "node_modules" / ".pnpm").iterdir() if "@" in item.name)
    assert store == ["a@1.0.0", "b@1.0.0", "c@2.0.0"]  # what real pnpm installed
    assert "\noverrides:\n  c: 2.0.0\n" in (project / "pnpm-lock.yaml").read_text()
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(bare), "--lockfile", "--no-cache"])
    assert result.exit_code == 0, result.stdout
