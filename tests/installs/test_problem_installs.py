"""The remaining finding codes, each on a real install that has the problem (and only it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check, load_project
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, install_in, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

SINGLETON = ({"name": "shop", "version": "1.0.0", "dependencies": {"react": "^18.0.0", "ui-lib": "^1.0.0"}}, {})
PEER = ({"name": "blog", "version": "1.0.0", "dependencies": {"react": "^18.0.0", "react-plugin": "^1.0.0"}}, {})


@pytest.fixture(scope="module")
def registry_url() -> object:
    with Registry(PACKAGES) as registry:
        yield registry.url


def findings(project: Path, *, with_lockfile: bool = False) -> list[tuple[str, str | None]]:
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    lock = None
    if with_lockfile:
        path = find_lockfile(fs, str(project), graph.layout)
        assert path is not None
        lock = read_lockfile(fs, path, manifest_json(fs, str(project)))
    return sorted(
        (item.code, item.request) for item in check(graph, fs=fs, lockfile=lock) if item.severity.value != "info"
    )


@pytest.mark.parametrize("mode", ["npm-hoisted", "pnpm-isolated", "yarn-classic"])
def test_duplicate_singleton(registry_url: str, tmp_path: Path, mode: str) -> None:
    project = install(*SINGLETON, mode, registry_url, tmp_path / mode)
    assert findings(project) == [("duplicate-singleton", None)]


def test_unmet_peer_out_of_range_under_pnpm(registry_url: str, tmp_path: Path) -> None:
    project = install(*PEER, "pnpm-isolated", registry_url, tmp_path / "peer")
    assert findings(project) == [("unmet-peer-dependency", "react")]


def test_damaged_npm_install(registry_url: str, tmp_path: Path) -> None:
    manifest, files = PROJECTS["clean"]
    project = install(manifest, files, "npm-hoisted", registry_url, tmp_path / "npm")
    assert findings(project, with_lockfile=True) == []
    shutil.rmtree(project / "node_modules/d")  # a partial copy, a manual delete
    package = project / "node_modules/c/package.json"
    package.write_text(json.dumps({**json.loads(package.read_text()), "version": "1.5.0"}))  # a manual edit
    (project / "node_modules/left-over").mkdir()
    (project / "node_modules/left-over/package.json").write_text('{"name": "left-over", "version": "0.1.0"}')
    assert findings(project, with_lockfile=True) == [
        ("extraneous-package", None),
        ("lockfile-drift", None),
        ("missing-dependency", "d"),  # for the app, which declares d (so its import is not "undeclared")
        ("missing-dependency", "d"),  # for a
    ]
    fs = DiskFS()
    graph = load_project(str(project), fs=fs)
    lock = read_lockfile(fs, str(project / "package-lock.json"), manifest_json(fs, str(project)))
    codes = sorted({item.code for item in verify_tree(graph, lock) if item.severity.value == "error"})
    assert codes == ["lockfile-drift", "missing-dependency"]


def test_version_mismatch(registry_url: str, tmp_path: Path) -> None:
    manifest, files = PROJECTS["clean"]
    project = install(manifest, files, "npm-hoisted", registry_url, tmp_path / "npm")
    package = project / "node_modules/c/package.json"
    package.write_text(json.dumps({**json.loads(package.read_text()), "version": "3.0.0"}))
    assert ("version-mismatch", "c") in findings(project)


def test_broken_link_in_pnpm_store(registry_url: str, tmp_path: Path) -> None:
    manifest, files = PROJECTS["clean"]
    project = install(manifest, files, "pnpm-isolated", registry_url, tmp_path / "pnpm")
    shutil.rmtree(project / "node_modules/.pnpm/d@1.0.0")
    found = findings(project)
    assert ("broken-symlink", "d") not in found
    assert [code for code, _ in found].count("broken-symlink") >= 1
    assert ("missing-dependency", "d") in found


# What following the extraneous-package fix means for each manager (the fix must name it).
_PRUNE = {
    "npm-hoisted": ("npm prune", ["npm", "prune", "--no-audit", "--no-fund"]),
    "pnpm-isolated": ("pnpm prune", [str(TOOLS / ".bin" / "pnpm"), "prune"]),
}


@pytest.mark.parametrize("mode", ["npm-hoisted", "pnpm-isolated", "yarn-classic", "yarn-berry-nm"])
def test_the_extraneous_package_fix_works_when_followed(registry_url: str, tmp_path: Path, mode: str) -> None:
    manifest, files = PROJECTS["clean"]
    project = install(manifest, files, mode, registry_url, tmp_path / mode)
    (project / "node_modules/left-over").mkdir()
    (project / "node_modules/left-over/package.json").write_text('{"name": "left-over", "version": "0.1.0"}')
    fs = DiskFS()
    [found] = [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "extraneous-package"]
    assert found.fix is not None
    graph = load_project(str(project), fs=fs)
    lock_path = find_lockfile(fs, str(project), graph.layout)
    assert lock_path is not None
    lock = read_lockfile(fs, lock_path, manifest_json(fs, str(project)))
    [verified] = [item for item in verify_tree(graph, lock) if item.code == "extraneous-package"]
    if mode != "npm-hoisted":  # verify says what check says (npm's: `npm ci`, which starts afresh)
        assert verified.fix == found.fix
    if mode in _PRUNE:
        command, argv = _PRUNE[mode]
        assert f"`{command}`" in found.fix
        env = {**os.environ, "CI": "true", "npm_config_registry": registry_url}  # CI: pnpm purges without asking
        subprocess.run(argv, cwd=project, env=env, capture_output=True, check=True, timeout=300)
    else:
        assert found.fix.startswith("remove node_modules and reinstall from the lockfile")
        shutil.rmtree(project / "node_modules")
        install_in(project, mode, registry_url, frozen=True)
    fs = DiskFS()
    assert not [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "extraneous-package"]


def test_the_unresolvable_import_fix_works_when_followed_under_pnpm(registry_url: str, tmp_path: Path) -> None:
    """pnpm leaves d (a dependency of a dependency) out of the project's node_modules: the import
    fails, and the fix adds it with pnpm (npm install would rebuild node_modules npm's way), at the
    range of the copy the tree holds (a bare add would take the registry's newest)."""
    manifest, files = PROJECTS["phantom"]
    project = install(manifest, files, "pnpm-isolated", registry_url, tmp_path / "pnpm")
    fs = DiskFS()
    found = [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.request == "d"]
    assert [(item.code, item.severity.value, item.fix) for item in found] == [
        ("unresolvable-import", "error", "run `pnpm add d@^1.0.0` in .")
    ]
    env = {**os.environ, "npm_config_registry": registry_url, "HOME": str(tmp_path / ".home-pnpm")}
    # The store the harness installed with (a user's pnpm has one store and needs no flag).
    command = [str(TOOLS / ".bin" / "pnpm"), "add", "d@^1.0.0", f"--store-dir={tmp_path / '.cache-pnpm'}"]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    fs = DiskFS()
    assert not [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.request == "d"]


@pytest.mark.parametrize("mode", ["npm-hoisted", "pnpm-isolated", "yarn-classic"])
def test_the_duplicate_singleton_fix_works_when_followed(registry_url: str, tmp_path: Path, mode: str) -> None:
    project = install(*SINGLETON, mode, registry_url, tmp_path / mode)
    fs = DiskFS()
    [found] = [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "duplicate-singleton"]
    assert found.fix is not None
    field = {
        "npm-hoisted": '"overrides": ',
        "pnpm-isolated": '"pnpm": {"overrides": ',
        "yarn-classic": '"resolutions": ',
    }
    assert found.fix.startswith(f"force one version: {field[mode]}")
    pin = json.loads(
        found.fix[found.fix.index("{", len("force one version: ") + len(field[mode]) - 2) :].split("}")[0] + "}"
    )
    manifest = json.loads((project / "package.json").read_text())
    if mode == "pnpm-isolated":
        manifest["pnpm"] = {"overrides": pin}
    else:
        manifest["overrides" if mode == "npm-hoisted" else "resolutions"] = pin
    (project / "package.json").write_text(json.dumps(manifest))
    install_in(project, mode, registry_url)
    fs = DiskFS()
    left = [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "duplicate-singleton"]
    assert not left, (found.fix, [item.message for item in left])


@pytest.mark.parametrize("mode", ["npm-hoisted", "pnpm-isolated", "yarn-classic", "yarn-berry-nm"])
def test_the_version_mismatch_fix_works_when_followed(registry_url: str, tmp_path: Path, mode: str) -> None:
    """An installed package edited by hand: pnpm's and yarn's frozen installs over that node_modules
    leave it as it is, so the fix removes node_modules first (npm ci does so itself)."""
    manifest, files = PROJECTS["clean"]
    project = install(manifest, files, mode, registry_url, tmp_path / mode)
    found_at = {path.resolve() for path in (project / "node_modules").rglob("package.json")}
    [package] = [  # c@1.0.0 (b brings c@2.0.0)
        path
        for path in found_at
        if str(path).endswith("/node_modules/c/package.json") and json.loads(path.read_text())["version"] == "1.0.0"
    ]
    package.write_text(json.dumps({**json.loads(package.read_text()), "version": "3.0.0"}))
    fs = DiskFS()
    [found] = [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "version-mismatch"]
    assert found.fix is not None
    if mode == "npm-hoisted":
        assert found.fix.startswith("run `npm ci`")
        install_in(project, mode, registry_url, frozen=True)
    elif mode == "pnpm-isolated":  # the edit went into the store, through a hard link
        assert found.fix.startswith(
            "remove node_modules, run `pnpm store prune`, then `pnpm install --frozen-lockfile`"
        )
        shutil.rmtree(project / "node_modules")
        env = {**os.environ, "npm_config_registry": registry_url, "HOME": str(tmp_path / f".home-{mode}")}
        store = f"--store-dir={tmp_path / f'.cache-{mode}'}"  # the harness's store
        for command in (["store", "prune", store], ["install", "--frozen-lockfile", store]):
            done = subprocess.run(
                [str(TOOLS / ".bin" / "pnpm"), *command],
                cwd=project,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    else:
        assert found.fix.startswith("remove node_modules and run `")
        shutil.rmtree(project / "node_modules")
        install_in(project, mode, registry_url, frozen=True)
    fs = DiskFS()
    assert not [item for item in check(load_project(str(project), fs=fs), fs=fs) if item.code == "version-mismatch"]
