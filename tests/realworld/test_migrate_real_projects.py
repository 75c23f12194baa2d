"""`migrate` against what really happens: real projects installed from the public npm registry by
real npm and real pnpm, then built by real webpack or run by real node.

From the npm install, `migrate --to pnpm` must name exactly the modules that fail to load under the
real pnpm install; from the pnpm install, `migrate --to npm` must name exactly the ones that fail
under npm (none). Skipped when the registry cannot be reached.
"""

from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install_in, tools_available
from tests.realworld.projects import PROJECTS, write_project

REGISTRY = "https://registry.npmjs.org/"
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "realworld"


def registry_reachable() -> bool:
    try:
        with urllib.request.urlopen(REGISTRY + "ms", timeout=15) as response:
            return response.status == 200
    except OSError:
        return False


pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
    pytest.mark.skipif(not registry_reachable(), reason="the npm registry cannot be reached"),
]

MANAGERS = {"npm": "npm-hoisted", "pnpm": "pnpm-isolated"}


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    root = tmp_path_factory.mktemp("realworld")
    done = {}
    for name, project in PROJECTS.items():
        for manager, mode in MANAGERS.items():
            dest = root / f"{name}-{manager}"
            write_project(project, dest, for_pnpm=manager == "pnpm")
            done[(name, manager)] = install_in(dest, mode, REGISTRY, cache=CACHE / manager)
    return done


def failures(project: Path, workload: list[str]) -> list[str]:
    """The modules the real workload could not load (each workload prints them as a JSON list)."""
    missing: set[str] = set()
    for script in workload:
        result = subprocess.run(["node", script], cwd=project, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        missing.update(json.loads(result.stdout.strip().splitlines()[-1]))
    return sorted(missing)


def predicted(project: Path, target: str, *, protocols: bool = True) -> list[str]:
    """The requests migrate says fail; ``protocols=False`` leaves out the ``workspace:`` specs npm
    refuses (the npm install the prediction is compared with was written with plain versions).
    The monorepo's pnpm install has its pnpm-workspace.yaml, and its npm install its ``workspaces``:
    where migrate says the target would not read the other's (``workspaces-not-read``), the real
    installs compared are those of the fix followed."""
    fs = DiskFS()
    result = migrate(load_project(str(project), fs=fs), fs, target)
    return sorted(
        {
            item.request or ""
            for item in result.findings
            if item.severity.value == "error"
            and (protocols or item.code != "unsupported-dependency-protocol")
            # the pnpm copy is written with pnpm-workspace.yaml: this finding's fix, followed
            and item.code != "workspaces-not-read"
        }
    )


@pytest.mark.parametrize("name", list(PROJECTS))
def test_migrate_to_pnpm_predicts_the_real_failures(installs: dict[tuple[str, str], Path], name: str) -> None:
    workload = PROJECTS[name].workload
    assert failures(installs[(name, "npm")], workload) == []  # it works today, under npm
    real = failures(installs[(name, "pnpm")], workload)
    assert real, "each project breaks under pnpm"
    assert predicted(installs[(name, "npm")], "pnpm") == real


@pytest.mark.parametrize("name", list(PROJECTS))
def test_migrate_back_to_npm_predicts_nothing_breaks(installs: dict[tuple[str, str], Path], name: str) -> None:
    expected = failures(installs[(name, "npm")], PROJECTS[name].workload)
    assert predicted(installs[(name, "pnpm")], "npm", protocols=False) == expected
    if PROJECTS[name].pnpm_manifests:  # the pnpm side's `workspace:*` specs: npm refuses them as written
        assert predicted(installs[(name, "pnpm")], "npm") == sorted({*expected, "lib"})
