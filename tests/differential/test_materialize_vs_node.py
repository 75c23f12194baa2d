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


ENHANCED_RESOLVE = Path(__file__).resolve().parents[1] / "node_tools" / "node_modules" / "enhanced-resolve"


@requires_node
@pytest.mark.node
@pytest.mark.skipif(not ENHANCED_RESOLVE.is_dir(), reason="run npm ci --prefix tests/node_tools")
def test_webpack_symlinks_off_fails_in_enhanced_resolve_on_the_pnpm_layout(tmp_path: Path) -> None:
    """The real enhanced-resolve on the layout migrate plans for pnpm: with symlinks: false a package
    found through its link does not find its own dependency; with symlinks on it does."""
    project = tmp_path / "npm"
    project.mkdir()
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"router-dom": "^5"}},
        "node_modules/.package-lock.json": {},
        "node_modules/router-dom/package.json": {
            "name": "router-dom",
            "version": "5.3.4",
            "dependencies": {"router": "^5"},
        },
        "node_modules/router/package.json": {"name": "router", "version": "5.3.4"},
    }
    for path, value in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(json.dumps(value))
    (project / "node_modules/router-dom/index.js").write_text("module.exports = require('router');\n")
    (project / "node_modules/router/index.js").write_text("module.exports = {};\n")
    (project / "src").mkdir()
    (project / "src/index.js").write_text("require('router-dom');\n")
    (project / "webpack.config.js").write_text("module.exports = { resolve: { symlinks: false } };\n")
    result = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(project), "--to", "pnpm", "--json", "--materialize", str(tmp_path / "pnpm")]
    )
    codes = [item["code"] for item in json.loads(result.stdout)["findings"]]
    assert codes == ["webpack-symlinks-off"]
    script = """
const { ResolverFactory, CachedInputFileSystem } = require(process.argv[1]);
const fs = new CachedInputFileSystem(require('fs'), 0);
for (const symlinks of [false, true]) {
  const resolver = ResolverFactory.createResolver({ fileSystem: fs, symlinks, useSyncFileSystemCalls: true });
  const dom = resolver.resolveSync({}, process.argv[2], 'router-dom');
  let router;
  try { router = resolver.resolveSync({}, require('path').dirname(dom), 'router'); } catch (e) { router = 'not found'; }
  console.log(JSON.stringify({ symlinks, dom, router }));
}
"""
    out = subprocess.run(
        ["node", "-e", script, str(ENHANCED_RESOLVE), str(tmp_path / "pnpm" / "src")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    off, on = (json.loads(line) for line in out)
    assert off["dom"].endswith("pnpm/node_modules/router-dom/index.js") and off["router"] == "not found"
    assert "/node_modules/.pnpm/router-dom@5.3.4/" in on["dom"] and "/node_modules/.pnpm/router@5.3.4/" in on["router"]
    # check of that pnpm install reports what enhanced-resolve fails on; with symlinks on, nothing
    installed = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(tmp_path / "pnpm"), "--format", "json", "--select", "webpack-symlinks-off"]
    )
    assert [(item["code"], item["from"], item["line"]) for item in json.loads(installed.stdout)["findings"]] == [
        ("webpack-symlinks-off", "webpack.config.js", 1)
    ]
    (tmp_path / "pnpm" / "webpack.config.js").write_text("module.exports = { resolve: { symlinks: true } };\n")
    installed = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(tmp_path / "pnpm"), "--format", "json", "--select", "webpack-symlinks-off"]
    )
    assert json.loads(installed.stdout)["findings"] == []
