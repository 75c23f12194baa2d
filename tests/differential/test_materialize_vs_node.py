"""migrate's predictions, checked by real node on the materialized target layout."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.conftest import requires_node

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def node_resolve(parent: Path, request: str) -> str:
    script = (
        "const {createRequire}=require('module');"
        "try{console.log(createRequire(process.argv[1]).resolve(process.argv[2]))}"
        "catch(e){console.log(e.code)}"
    )
    return subprocess.run(
        ["node", "-e", script, str(parent), request], capture_output=True, text=True, check=True
    ).stdout.strip()


def migrate(example: str, out: Path, *extra: str) -> dict[str, object]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(EXAMPLES / example), "--to", "pnpm", "--json", "--materialize", str(out), *extra]
    )
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@requires_node
@pytest.mark.node
def test_phantom_fails_in_node_exactly_where_predicted(tmp_path: Path) -> None:
    document = migrate("npm-phantom", tmp_path / "pnpm")
    [finding] = document["findings"]  # type: ignore[misc]
    assert (finding["request"], finding["from"]) == ("debug", "src/server.js")
    assert node_resolve(tmp_path / "pnpm" / "src" / "server.js", "debug") == "MODULE_NOT_FOUND"
    # what migrate says still works, node finds: the declared dependency and its own dependency
    assert node_resolve(tmp_path / "pnpm" / "src" / "server.js", "server-kit").endswith(
        "node_modules/.pnpm/server-kit@2.1.0/node_modules/server-kit/index.js"
    )
    kit = tmp_path / "pnpm/node_modules/.pnpm/server-kit@2.1.0/node_modules/server-kit/index.js"
    assert node_resolve(kit, "debug").endswith("node_modules/.pnpm/debug@4.3.4/node_modules/debug/src/index.js")


@requires_node
@pytest.mark.node
def test_public_hoist_pattern_fix_works_in_node(tmp_path: Path) -> None:
    document = migrate("npm-phantom", tmp_path / "hoisted", "--public-hoist-pattern", "debug")
    assert document["findings"] == []
    assert node_resolve(tmp_path / "hoisted" / "src" / "server.js", "debug").endswith("debug/src/index.js")


@requires_node
@pytest.mark.node
def test_seed_002_loader_is_missing_from_the_project_root_in_node(tmp_path: Path) -> None:
    document = migrate("npm-string-loader", tmp_path / "pnpm")
    assert sorted(item["request"] for item in document["findings"]) == ["css-loader", "style-loader"]  # type: ignore[union-attr]
    root = tmp_path / "pnpm"
    assert node_resolve(root / "noop.js", "css-loader") == "MODULE_NOT_FOUND"
    wrapper = root / "node_modules/@sc-build/app-builder/webpack.config.js"
    assert node_resolve(wrapper.resolve(), "css-loader").endswith("css-loader/dist/cjs.js")
