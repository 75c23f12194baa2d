"""bun.lock and bun's node_modules, written by the real bun (pinned, from the npm registry) from the
loopback registry: ``verify`` is clean on every fresh install, and ``ls --lockfile`` equals ``ls`` of
the hoisted install, folders, links and dependents (the same packages with the isolated linker,
whose folders bun.lock does not record)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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
LINKERS = ("hoisted", "isolated")


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
                bun_install(BUN, dest, registry.url, "--linker", linker)
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
    if linker == "hoisted":
        placed = sorted((item["name"], item["version"], item["path"], tuple(item["links"])) for item in installed)
        assert placed == sorted((item["name"], item["version"], item["path"], tuple(item["links"])) for item in locked)
        users = sorted((item["path"], str(item["dependents"])) for item in installed)
        assert users == sorted((item["path"], str(item["dependents"])) for item in locked)
    else:  # one store folder per name@version, where the hoisted tree may hold several copies
        assert {(item["name"], item["version"]) for item in installed} == {
            (item["name"], item["version"]) for item in locked
        }
    assert len(installed) >= 2
