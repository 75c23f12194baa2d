"""A file a script runs with node as the argument of a package's executable, under real pnpm 10.

pnpm's shim for the executable (``node_modules/.bin/wrap``) puts ``node_modules/.pnpm/node_modules``
on ``NODE_PATH``; the node the package starts inherits it, so the file's ``require`` of a package only
pnpm's hidden hoisting holds works, by accident (a warning). The same file run by ``node`` itself
fails (an error).
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
from tests.installs.managers import install, pnpm_bin, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

# `wrap` starts the command it is given, as cross-env does, in its own environment
WRAP = (
    "#!/usr/bin/env node\n"
    "const { spawnSync } = require('child_process');\n"
    "const [command, ...args] = process.argv.slice(2);\n"
    "process.exit(spawnSync(command, args, { stdio: 'inherit' }).status);\n"
)
PACKAGES = [
    {"name": "b", "version": "1.0.0", "files": {"index.js": "module.exports = 'b';\n"}},
    {"name": "a", "version": "1.0.0", "dependencies": {"b": "1.0.0"}, "files": {"index.js": "require('b');\n"}},
    {"name": "wrap", "version": "1.0.0", "bin": {"wrap": "cli.js"}, "files": {"cli.js": WRAP}},
]
MANIFEST = {
    "name": "app",
    "version": "1.0.0",
    "scripts": {"through": "wrap node ./scripts/through.js", "direct": "node ./scripts/direct.js"},
    "dependencies": {"a": "1.0.0", "wrap": "1.0.0"},
}
CODE = "require('b');\nconsole.log('loaded');\n"


def test_a_script_run_through_a_package_executable_finds_what_pnpm_hoists(tmp_path: Path) -> None:
    files = {"scripts/through.js": CODE, "scripts/direct.js": CODE}
    with Registry(PACKAGES) as registry:
        project = install(MANIFEST, files, "pnpm-isolated", registry.url, tmp_path / "app")
    env = {key: value for key, value in os.environ.items() if key != "NODE_PATH"}
    env["HOME"] = str(tmp_path / ".home-app")

    def run(script: str) -> int:
        command = ["node", str(pnpm_bin("pnpm-isolated")), "run", "--silent", script]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, timeout=120, check=False).returncode

    assert (run("through"), run("direct") != 0) == (0, True)  # what real pnpm 10.34.8 does
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(project), "--format", "json", "--no-cache"])
    found = {
        (item["from"], item["severity"])
        for item in json.loads(result.stdout)["findings"]
        if item["code"] == "unresolvable-import" and item.get("request") == "b"
    }
    assert found == {("scripts/through.js", "warning"), ("scripts/direct.js", "error")}
