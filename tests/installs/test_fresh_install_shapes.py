"""Fresh installs of shapes the field batch of 2026-12-06 (fifth round) found reported falsely, each
installed by the real manager from the loopback registry: ``verify`` and ``check`` must find
nothing after it.

- A git dependency under pnpm: lockfile 9 keys it by its repository and commit and records the
  version of its package.json beside it (pnpm 10.34.8 installs 4.0.0, not "git+file://..."); pnpm
  11.29.0 also names its store folder by a hash of the key, since ``#`` escapes ambiguously.
- yarn 4 ``resolutions`` under a parent (``a/inner``) leave the plain descriptor locked for the
  other dependents; a glob (``**/host``) or a longer chain (``wrap/a/inner``) is not applied.
- yarn 1 leaves ``resolutions`` out of the root's own dependencies, and the entry a resolution under
  a parent writes may be reached by nothing and is not installed (yarn 1.22.22).
- A yarn berry lockfile that resolves a range to a version outside it (``yarn set resolution``):
  every install brings that version again, so ``verify`` has nothing to reinstall (yarn 4.18.1;
  emotion-js/emotion's lockfile pins ``browserslist@npm:^4.0.0`` at 3.2.8 under yarn 3.2.3).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, install_in, new_pnpm_node, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "inner", "version": "2.0.0"},
    {
        "name": "a",
        "version": "1.0.0",
        "dependencies": {"inner": "^1.0.0"},
        "files": {"index.js": "require('inner');\n"},
    },
    {"name": "wrap", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "inner": "^1.0.0"}},
    {"name": "other", "version": "1.5.0"},
    {"name": "host", "version": "1.0.0"},
    {"name": "host", "version": "2.0.0"},
]


def _run(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.output)
    return document


def _findings(project: Path) -> list[str]:
    found = []
    for command in (["verify", str(project), "--json"], ["check", str(project), "--no-cache", "--format", "json"]):
        for item in _run(*command)["findings"]:
            if item["code"] in ("phantom-dependency", "doppelganger") and item["severity"] != "error":
                continue  # about the packages' own code and copies, not about the install
            found.append(f"{command[0]}: {item['severity']} {item['code']} {item['message']}")
    return found


@pytest.fixture(scope="module")
def registry() -> Any:
    with Registry(PACKAGES) as running:
        yield running


@pytest.mark.parametrize("mode", ["pnpm-isolated", "pnpm11-isolated"])
def test_a_git_dependency_under_pnpm(registry: Registry, tmp_path: Path, mode: str) -> None:
    if mode == "pnpm11-isolated" and new_pnpm_node() is None:
        pytest.skip("pnpm 11 needs node 24 from tests/node_tools/versions")
    source = tmp_path / "gitsrc"
    source.mkdir()
    (source / "package.json").write_text(
        json.dumps({"name": "gitpkg", "version": "4.0.0", "dependencies": {"inner": "^1.0.0"}})
    )
    (source / "index.js").write_text("require('inner');\n")
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v4"], ["tag", "v4"]):
        subprocess.run([*git, *command], cwd=source, check=True, capture_output=True)
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"gitpkg": f"git+file://{source}#v4", "inner": "^2.0.0"},
    }
    project = install(manifest, {}, mode, registry.url, tmp_path / "app")
    assert _findings(project) == []
    locked = _run("ls", str(project), "--lockfile", "--json")["instances"]
    installed = _run("ls", str(project), "--json")["instances"]
    assert {(item["name"], item["version"], item["path"]) for item in locked} == {
        (item["name"], item["version"], item["path"]) for item in installed
    }
    assert ("gitpkg", "4.0.0") in {(item["name"], item["version"]) for item in locked}


@pytest.mark.parametrize("mode", ["pnpm-isolated", "pnpm11-isolated"])
def test_a_tarball_url_dependency_under_pnpm(registry: Registry, tmp_path: Path, mode: str) -> None:
    # Another host than the registry's (localhost for 127.0.0.1; pnpm keys a tarball of the registry's
    # own host as name@version): lockfile 9 keys the entry by its URL (`a@http://localhost:<port>/a/-/
    # a-1.0.0.tgz`, version 1.0.0 beside it), and pnpm 11.29.0 hashes its store folder since the
    # port's `:` escapes ambiguously.
    if mode == "pnpm11-isolated" and new_pnpm_node() is None:
        pytest.skip("pnpm 11 needs node 24 from tests/node_tools/versions")
    tarball = f"{registry.url.replace('127.0.0.1', 'localhost')}a/-/a-1.0.0.tgz"
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"a": tarball, "inner": "^2.0.0"}}
    project = install(manifest, {}, mode, registry.url, tmp_path / "app")
    assert _findings(project) == []
    locked = _run("ls", str(project), "--lockfile", "--json")["instances"]
    assert ("a", "1.0.0") in {(item["name"], item["version"]) for item in locked}


BERRY_RESOLUTIONS = {
    "parent": {"a/inner": "2.0.0", "host@^1.0.0": "npm:other@1.5.0"},
    "ignored": {"**/host": "2.0.0", "wrap/a/inner": "2.0.0"},
}


@pytest.mark.parametrize("mode", ["yarn-berry-nm", "yarn-classic"])
@pytest.mark.parametrize("shape", sorted(BERRY_RESOLUTIONS))
def test_resolutions_under_a_parent_and_at_the_root(registry: Registry, tmp_path: Path, mode: str, shape: str) -> None:
    dependencies = {"inner": "^1.0.0" if shape == "parent" else "^2.0.0", "wrap": "^1.0.0", "host": "^1.0.0"}
    resolutions = dict(BERRY_RESOLUTIONS[shape])
    if mode == "yarn-classic":
        resolutions.pop("host@^1.0.0", None)  # yarn 1 knows no range in a resolution's selector
    manifest = {"name": "app", "version": "1.0.0", "dependencies": dependencies, "resolutions": resolutions}
    project = install(manifest, {}, mode, registry.url, tmp_path / "app")
    assert _findings(project) == []


def test_a_yarn1_alias_resolution_of_a_root_dependency(registry: Registry, tmp_path: Path) -> None:
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"host": "^1.0.0"},
        "resolutions": {"host": "npm:other@1.5.0"},
    }
    project = install(manifest, {}, "yarn-classic", registry.url, tmp_path / "app")
    assert json.loads((project / "node_modules" / "host" / "package.json").read_text())["version"] == "1.0.0"
    assert _findings(project) == []


def test_a_berry_lockfile_pin_outside_the_range(registry: Registry, tmp_path: Path) -> None:
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"wrap": "^1.0.0"}}
    project = install(manifest, {}, "yarn-berry-nm", registry.url, tmp_path / "app")
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": str(tmp_path / ".home-app"), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    yarn = str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js")
    subprocess.run(
        ["node", yarn, "set", "resolution", "inner@npm:^1.0.0", "npm:2.0.0"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(["rm", "-rf", str(project / "node_modules")], check=True)
    install_in(project, "yarn-berry-nm", registry.url, frozen=True)
    assert json.loads((project / "node_modules" / "inner" / "package.json").read_text())["version"] == "2.0.0"
    assert _findings(project) == []
