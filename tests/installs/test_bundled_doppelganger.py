"""A copy a package ships in its own tarball (``bundleDependencies``) is not the manager's to
dedupe: with the same version installed outside the bundle, the real npm 11's ``npm dedupe`` keeps
both (and yarn 1 has no dedupe), so ``doppelganger``, whose fix is the dedupe, does not report such
a pair. semantic-release/github (npm, whose `npm` dependency bundles its own tree): 100 of 143
doppelganger warnings were such pairs.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "b", "version": "1.0.0"},
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0"},
    {"name": "needs-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
    {"name": "also-c1", "version": "1.0.0", "dependencies": {"c": "1.0.0"}},
    {
        "name": "host",
        "version": "1.0.0",
        "dependencies": {"b": "1.0.0"},
        "bundleDependencies": ["b"],
        "files": {
            "index.js": "require('b');\n",
            "node_modules/b/package.json": json.dumps({"name": "b", "version": "1.0.0"}),
            "node_modules/b/index.js": "",
        },
    },
]
# b: the root's copy and host's bundled one; c: two nested copies of 1.0.0 under a top-level 2.0.0
PROJECT = {
    "name": "app",
    "version": "1.0.0",
    "dependencies": {"host": "1.0.0", "b": "1.0.0", "c": "2.0.0", "needs-c1": "1.0.0", "also-c1": "1.0.0"},
}


def _doppelgangers(project: Path) -> list[str]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--no-cache", "--format", "json", "--select", "doppelganger"]
    )
    return sorted(item["package"]["name"] for item in json.loads(result.stdout)["findings"])


@pytest.mark.parametrize("mode", ["npm-hoisted", "yarn-classic"])
def test_a_bundled_copy_is_no_doppelganger(tmp_path: Path, mode: str) -> None:
    with Registry(PACKAGES) as registry:
        project = install(PROJECT, {}, mode, registry.url, tmp_path / "app")
        if mode == "npm-hoisted":
            subprocess.run(
                ["npm", "dedupe", "--ignore-scripts", "--no-audit", "--no-fund", f"--registry={registry.url}"],
                cwd=project,
                env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
                capture_output=True,
                check=True,
            )
    # what the real manager left: both copies of b (npm dedupe cannot remove the bundled one)
    assert (project / "node_modules" / "b").is_dir()
    assert (project / "node_modules" / "host" / "node_modules" / "b").is_dir()
    assert _doppelgangers(project) == ["c"]  # the nested copies of c, outside any bundle, stay reported
