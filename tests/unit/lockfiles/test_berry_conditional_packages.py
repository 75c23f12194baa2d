"""Yarn berry's conditional packages in the lockfile model (``ls --lockfile``), as yarn installs them.

Under Plug'n'Play yarn skips only the package whose ``conditions`` exclude the machine: what it
depends on is still fetched and mapped (toss/es-toolkit, yarn 4.12: fsevents' ``node-gyp`` unplugged,
the wasm32 bindings' ``@emnapi`` runtimes in the cache; 64 packages the model left out). The
node-modules linker leaves them out with it (toss/es-hangul: no node_modules/node-gyp). With
``supportedArchitectures`` yarn installs the conditional packages of every platform it lists
(toss/react-simplikit: darwin and linux, x64 and arm64, glibc and musl)."""

from __future__ import annotations

import json

import pytest

from nmdoctor.lockfiles.platform import this_machine
from nmdoctor.project.session import lockfile_model
from nmdoctor.vfs import MemoryFS

LOCK = """__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    chokidar: "npm:^3.0.0"
  languageName: unknown
  linkType: soft

"chokidar@npm:^3.0.0":
  version: 3.6.0
  resolution: "chokidar@npm:3.6.0"
  dependencies:
    fsevents: "npm:~2.3.2"
  dependenciesMeta:
    fsevents:
      optional: true
  checksum: 10c0/00
  languageName: node
  linkType: hard

"fsevents@npm:~2.3.2":
  version: 2.3.3
  resolution: "fsevents@npm:2.3.3"
  dependencies:
    node-gyp: "npm:latest"
  checksum: 10c0/00
  conditions: os=OTHER_OS
  languageName: node
  linkType: hard

"node-gyp@npm:latest":
  version: 10.1.0
  resolution: "node-gyp@npm:10.1.0"
  checksum: 10c0/00
  languageName: node
  linkType: hard
"""
OTHER_OS = "darwin" if this_machine()["os"] != "darwin" else "linux"


def _names(yarnrc: str) -> set[str]:
    fs = MemoryFS.from_mapping(
        {
            "/p/package.json": json.dumps({"name": "app", "dependencies": {"chokidar": "^3.0.0"}}),
            "/p/yarn.lock": LOCK.replace("OTHER_OS", OTHER_OS),
            "/p/.yarnrc.yml": yarnrc,
        }
    )
    _, graph = lockfile_model(fs, "/p")
    return {instance.name for instance in graph.instances if not instance.is_project}


@pytest.mark.parametrize(
    ("yarnrc", "expected"),
    [
        ("nodeLinker: node-modules\n", {"chokidar"}),
        ("nodeLinker: pnp\n", {"chokidar", "node-gyp"}),
        ("", {"chokidar", "node-gyp"}),  # Plug'n'Play is berry's default
        (f"supportedArchitectures:\n  os: [current, {OTHER_OS}]\n", {"chokidar", "fsevents", "node-gyp"}),
        (
            f"nodeLinker: node-modules\nsupportedArchitectures:\n  os: [{OTHER_OS}]\n",
            {"chokidar", "fsevents", "node-gyp"},
        ),
        ("nodeLinker: node-modules\nsupportedArchitectures:\n  cpu: [current, arm64]\n", {"chokidar"}),
    ],
)
def test_what_yarn_installs_of_a_package_locked_for_another_platform(yarnrc: str, expected: set[str]) -> None:
    assert _names(yarnrc) == expected


def test_what_only_a_skipped_package_leads_to_is_not_extraneous_under_plug_n_play() -> None:
    """easyops-cn/docusaurus-search-local (yarn 4, Plug'n'Play by default, no install): node-gyp
    and its 47 dependencies, reached only through fsevents, are the lockfile's packages, which yarn
    fetches; `check --lockfile` reported each as extraneous."""
    from nmdoctor.diagnostics.engine import run_checks
    from nmdoctor.diagnostics.registry import CheckContext

    fs = MemoryFS.from_mapping(
        {
            "/p/package.json": json.dumps({"name": "app", "dependencies": {"chokidar": "^3.0.0"}}),
            "/p/yarn.lock": LOCK.replace("OTHER_OS", OTHER_OS),
        }
    )
    _, graph = lockfile_model(fs, "/p")
    assert "node-gyp" in {instance.name for instance in graph.instances}
    assert run_checks(CheckContext(graph=graph, fs=fs), select=["extraneous-package"]) == []
