"""The real bun provides ``bun`` to a file it runs, with nothing installed: a file a package.json
script runs with ``bun <file>`` imports it safely, and ``check`` reports nothing for it
(elysiajs/elysia-static's ``"build": "bun build.ts"``). Node has no such module."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.installs.bun_tool import bun_binary


def test_a_file_bun_runs_gets_bun_from_the_runtime(tmp_path: Path) -> None:
    binary = bun_binary()
    if binary is None:
        pytest.skip("bun from the npm registry could not be had here")
    manifest = {"name": "app", "version": "1.0.0", "type": "module", "scripts": {"build": "bun build.ts"}}
    (tmp_path / "package.json").write_text(json.dumps(manifest))
    (tmp_path / "build.ts").write_text("import { $ } from 'bun'\nconsole.log(typeof $)\n")
    ran = subprocess.run(
        [str(binary), "build.ts"], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert ran.returncode == 0 and ran.stdout.strip() == "function"
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "unresolvable-import"]
    )
    assert json.loads(result.stdout)["findings"] == []
