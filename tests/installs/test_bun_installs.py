"""bun.lock and bun's node_modules, written by the real bun (pinned, from the npm registry) from the
loopback registry: ``verify`` is clean on every fresh install, and ``ls --lockfile`` equals ``ls`` of
the install, folders, links and dependents, whichever linker bun chose: ``--linker`` given (recorded
nowhere: the installed tree tells), or bun's default (isolated for a workspace project whose bun.lock
has ``configVersion: 1``, hoisted otherwise), read from the lockfile alone."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.api import check
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import find_lockfile, read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from tests.installs import pnp_scenarios, scenarios
from tests.installs.bun_tool import bun_binary, bun_install
from tests.installs.registry import Registry

BUN = bun_binary()
pytestmark = [pytest.mark.node, pytest.mark.skipif(BUN is None, reason="the pinned bun (linux x64, from npm)")]

PROJECTS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    **scenarios.PROJECTS,
    "graph": pnp_scenarios.PROJECTS["graph"][:2],
    "workspaces": pnp_scenarios.PROJECTS["workspaces"][:2],
}
LINKERS = ("hoisted", "isolated", "default")


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    assert BUN is not None
    root = tmp_path_factory.mktemp("bun").resolve()
    done = {}
    names = {package["name"] for package in pnp_scenarios.PACKAGES}
    packages = [*pnp_scenarios.PACKAGES, *(item for item in scenarios.PACKAGES if item["name"] not in names)]
    with Registry(packages) as registry:
        for name, (manifest, files) in PROJECTS.items():
            for linker in LINKERS:
                dest = root / f"{name}-{linker}"
                dest.mkdir()
                (dest / "package.json").write_text(json.dumps(manifest, indent=2))
                for path, text in files.items():
                    (dest / path).parent.mkdir(parents=True, exist_ok=True)
                    (dest / path).write_text(text)
                bun_install(BUN, dest, registry.url, *(("--linker", linker) if linker != "default" else ()))
                done[(name, linker)] = dest
    return done


@pytest.mark.parametrize("linker", LINKERS)
@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_bun_install_verifies_and_lockfile_model_matches(
    installs: dict[tuple[str, str], Path], name: str, linker: str
) -> None:
    project = installs[(name, linker)]
    graph = load_graph(str(project))
    assert graph.layout == "bun"
    disk = DiskFS()
    path = find_lockfile(disk, str(project), graph.layout)
    assert path is not None and path.endswith("/bun.lock")
    lock = read_lockfile(disk, path, manifest_json(disk, str(project)))
    findings = [(finding.code, finding.message) for finding in verify_tree(graph, lock)]
    assert findings == []
    installed = ls_document(graph)["instances"]
    locked = ls_document(load_graph(str(project), from_lockfile=True))["instances"]
    isolated = linker == "isolated"
    if linker == "default":  # the lockfile alone, nothing installed beside it: bun's default linker
        bare = project.parent / f"{project.name}-bare"
        if not bare.exists():
            shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
        locked = ls_document(load_graph(str(bare), from_lockfile=True))["instances"]
        isolated = (project / "node_modules" / ".bun").exists()
        assert isolated == ("workspaces" in manifest_json(disk, str(project)))  # what bun 1.4.5 chose
    if linker == "default" and isolated:
        # bun names a package with peers by a hash (plug@1.0.0+65145ec5e7118cf6) and also links the
        # root's own dependencies into .bun/node_modules: the plan keeps pnpm's names and leaves those
        # to node_modules, where node finds the same versions. What the project's folders link, and
        # who uses what, are the same.
        def visible(items: list[dict[str, Any]]) -> list[tuple[str, str, list[str], str]]:
            return sorted(
                (
                    item["name"],
                    item["version"],
                    sorted(link for link in item["links"] if ".bun/" not in link),
                    str(sorted(dependent["name"] for dependent in item["dependents"])),
                )
                for item in items
            )

        assert visible(installed) == visible(locked)
    elif linker in ("hoisted", "default"):
        placed = sorted((item["name"], item["version"], item["path"], tuple(item["links"])) for item in installed)
        assert placed == sorted((item["name"], item["version"], item["path"], tuple(item["links"])) for item in locked)
        users = sorted((item["path"], str(item["dependents"])) for item in installed)
        assert users == sorted((item["path"], str(item["dependents"])) for item in locked)
    else:  # one store folder per name@version, where the hoisted tree may hold several copies
        assert {(item["name"], item["version"]) for item in installed} == {
            (item["name"], item["version"]) for item in locked
        }
    assert len(installed) >= 2


def test_a_workspaces_phantom_is_the_error_node_throws_under_buns_default_linker(tmp_path: Path) -> None:
    """bun 1.4.5 installs a new workspace project (bun.lock ``configVersion: 1``) with its isolated
    linker: a workspace's require of what only its dependency depends on fails in node, and the
    lockfile read alone says so (it said the hoisted tree found it: a phantom warning)."""
    assert BUN is not None
    project = tmp_path / "mono"
    files = {
        "package.json": json.dumps({"name": "mono", "private": True, "workspaces": ["packages/*"]}),
        "packages/w/package.json": json.dumps({"name": "w", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}}),
        "packages/w/index.js": "require('a');\nrequire('d');\n",
    }
    for path, text in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text)
    with Registry(scenarios.PACKAGES) as registry:
        bun_install(BUN, project, registry.url)
    assert (project / "node_modules" / ".bun").is_dir()
    run = subprocess.run(
        ["node", "index.js"], cwd=project / "packages" / "w", capture_output=True, text=True, check=False
    )
    assert run.returncode != 0 and "Cannot find module 'd'" in run.stderr
    bare = tmp_path / "bare"
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("node_modules"))
    graph = load_graph(str(bare), from_lockfile=True)
    [finding] = [item for item in check(graph) if item.request == "d"]
    assert (finding.code, finding.severity.value, finding.from_) == (
        "unresolvable-import",
        "error",
        "packages/w/index.js",
    )
    assert finding.fix is not None and "bun add d" in finding.fix
