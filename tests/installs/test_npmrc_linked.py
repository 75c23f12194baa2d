"""``install-strategy=linked`` in the project's ``.npmrc``: package-lock.json still records the places of
the hoisted tree, and ``npm ci`` (real npm 11) lays the packages out in ``node_modules/.store``
instead. ``ls --lockfile`` of the project without node_modules must list the tree ``npm ci`` makes
there, folders, store hashes, links and dependents, and an import that only hoisting would have
answered is the error node throws.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import check
from nmdoctor.cli.tree_cmds import load_graph
from nmdoctor.render.tree_json import ls_document
from tests.conftest import requires_node
from tests.installs.managers import listed, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES, PROJECTS

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]


def _npm(command: str, project: Path, registry: str) -> None:
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith("npm_config")}
    env["HOME"] = str(project.parent / f".home-{project.name}")
    subprocess.run(
        ["npm", command, "--ignore-scripts", "--no-audit", "--no-fund", f"--registry={registry}"],
        cwd=project,
        env={**env, "npm_config_cache": str(project.parent / ".npm-cache")},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_the_lockfile_is_laid_out_as_npm_ci_lays_it_out_under_npmrc_linked(tmp_path: Path, name: str) -> None:
    manifest, files = PROJECTS[name]
    project = tmp_path / "app"
    for path, text in {"package.json": json.dumps(manifest), ".npmrc": "install-strategy=linked\n", **files}.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text)
    with Registry(PACKAGES) as registry:
        _npm("install", project, registry.url)  # writes the lockfile
        shutil.rmtree(project / "node_modules")
        planned = ls_document(load_graph(str(project), from_lockfile=True))
        _npm("ci", project, registry.url)
    assert (project / "node_modules" / ".store").is_dir()
    installed = ls_document(load_graph(str(project)))
    assert planned["layout"] == installed["layout"] == "npm-linked"
    assert listed(planned) == listed(installed)
    if name == "phantom":  # src/index.js requires d, which only a and b depend on
        run = subprocess.run(["node", "src/index.js"], cwd=project, capture_output=True, text=True, check=False)
        assert "Cannot find module 'd'" in run.stderr
        shutil.rmtree(project / "node_modules")
        [finding] = [item for item in check(load_graph(str(project), from_lockfile=True)) if item.request == "d"]
        assert (finding.code, finding.severity.value) == ("unresolvable-import", "error")
