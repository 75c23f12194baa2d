"""A pnpm lockfile entry nothing depends on any more (a dependency removed by an edit that left its
entries behind; ``--frozen-lockfile`` neither prunes nor refuses such a lockfile) is not installed:
real pnpm 8.15.9, 9.15.9, 10.34.8 and 11.29.0 install only what the importers reach. ``verify``
must be clean after such an install and ``ls --lockfile`` must not list the entry.

Seen on preconstruct/preconstruct (pnpm 11): 13 false missing-dependency errors for tempy 0.2.1,
globby 7.1.1, fs-extra 5.0.0 and what only they bring, locked but reached by nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, OLD_PNPM, TOOLS, install, install_in, new_pnpm_ready, tools_available
from tests.installs.registry import Registry

MODES = ("pnpm-isolated", "pnpm8-isolated", "pnpm9-isolated", "pnpm11-isolated", "pnpm12-isolated")

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available() or not all((TOOLS / tool).exists() for tool in OLD_PNPM.values()),
        reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)",
    ),
]

PACKAGES = [
    {"name": "b", "version": "1.0.0"},
    {"name": "a", "version": "1.0.0", "dependencies": {"b": "1.0.0"}},
    {"name": "leaf", "version": "1.0.0"},
    {"name": "orphan", "version": "1.0.0", "dependencies": {"leaf": "1.0.0"}},
]
MANIFEST = {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}
INTEGRITY = "sha512-" + "A" * 86 + "=="


def _with_orphans(lock: dict[str, Any]) -> dict[str, Any]:
    """The lockfile with entries for `orphan` and its `leaf` that nothing reaches, in the file's format."""
    packages = lock.setdefault("packages", {})
    if "snapshots" in lock:  # lockfile 9.0
        packages["orphan@1.0.0"] = {"resolution": {"integrity": INTEGRITY}}
        packages["leaf@1.0.0"] = {"resolution": {"integrity": INTEGRITY}}
        lock["snapshots"]["orphan@1.0.0"] = {"dependencies": {"leaf": "1.0.0"}}
        lock["snapshots"]["leaf@1.0.0"] = {}
    else:  # lockfile 6.0: the entry holds its dependencies
        packages["/orphan@1.0.0"] = {
            "resolution": {"integrity": INTEGRITY},
            "dependencies": {"leaf": "1.0.0"},
            "dev": False,
        }
        packages["/leaf@1.0.0"] = {"resolution": {"integrity": INTEGRITY}, "dev": False}
    return lock


@pytest.fixture(scope="module", params=MODES)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    mode = request.param
    if mode in NEW_PNPM and not new_pnpm_ready(mode):
        pytest.skip(f"{mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    root = tmp_path_factory.mktemp(f"orphans-{mode}").resolve()
    with Registry(PACKAGES) as registry:
        project = install(MANIFEST, {}, mode, registry.url, root / "app")
        path = project / "pnpm-lock.yaml"
        path.write_text(yaml.safe_dump(_with_orphans(yaml.safe_load(path.read_text())), sort_keys=False))
        shutil.rmtree(project / "node_modules")
        install_in(project, mode, registry.url, frozen=True)
    return project


def test_pnpm_installs_no_entry_that_nothing_reaches(project: Path) -> None:
    assert "orphan@1.0.0" in (project / "pnpm-lock.yaml").read_text()  # the frozen install kept the file
    store = sorted(item.name for item in (project / "node_modules" / ".pnpm").iterdir() if "@" in item.name)
    assert store == ["a@1.0.0", "b@1.0.0"]  # what the real pnpm installed


def test_verify_is_clean_and_the_lockfile_model_leaves_the_entries_out(project: Path) -> None:
    runner = CliRunner(mix_stderr=False)
    verified = runner.invoke(main, ["verify", str(project), "--json"])
    assert json.loads(verified.stdout)["findings"] == []
    assert verified.exit_code == 0
    planned = json.loads(runner.invoke(main, ["ls", str(project), "--json", "--lockfile"]).stdout)
    installed = json.loads(runner.invoke(main, ["ls", str(project), "--json"]).stdout)
    assert sorted(item["path"] for item in planned["instances"]) == sorted(
        item["path"] for item in installed["instances"]
    )
