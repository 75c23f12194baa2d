"""babel's plugin and preset name expansion (``expand_name``) against real ``@babel/core``: each name
is looked up by babel's own ``resolvePlugin`` / ``resolvePreset`` in a folder where every candidate
spelling is installed, and the package (and subpath) babel picks must be the one nmdoctor names."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nmdoctor.sources.config_refs import Tool, expand_name
from tests.conftest import requires_node

BABEL = Path(__file__).resolve().parents[1] / "node_tools" / "node_modules" / "@babel" / "core"
pytestmark = [
    requires_node,
    pytest.mark.skipif(not BABEL.is_dir(), reason="@babel/core is not installed: run npm ci --prefix tests/node_tools"),
]

NAMES = [
    "transform-runtime",
    "babel-plugin-transform-runtime",
    "styled-jsx/babel",
    "lodash/fp",
    "env",
    "@babel/env",
    "@babel/plugin-x",
    "@babel/preset-x",
    "@babel/core",
    "@babel/x/y",
    "@s",
    "@s/x",
    "@s/x/y",
    "@s/babel-plugin-x",
    "@s/babel-preset-x",
    "@s/babel-plugin",
    "@s/babel-preset",
    "@s/my-babel-plugin",
    "@s/babel-pluginx",
    "module:foo",
    "module:@s/x",
]

RESOLVE = """
const babel = require(process.argv[2]);
const [kind, dir, ...names] = process.argv.slice(3);
const out = {};
for (const name of names) {
  try { out[name] = (kind === "plugin" ? babel.resolvePlugin : babel.resolvePreset)(name, dir); }
  catch (error) { out[name] = null; }
}
console.log(JSON.stringify(out));
"""


def _candidates(name: str) -> set[str]:
    """Every package name babel might look up for ``name`` under either kind."""
    bare = name.removeprefix("module:")
    found = {bare.split("/")[0] if not bare.startswith("@") else "/".join(bare.split("/")[:2])}
    for kind in ("plugin", "preset"):
        for tool in (Tool.BABEL_PLUGIN, Tool.BABEL_PRESET):
            expanded = expand_name(name, tool)
            if expanded:
                found.add(expanded.split("/")[0] if not expanded.startswith("@") else "/".join(expanded.split("/")[:2]))
        if bare.startswith("@"):
            scope, _, rest = bare.partition("/")
            head = rest.split("/")[0]
            found |= (
                {f"{scope}/babel-{kind}", f"{scope}/babel-{kind}-{head}", f"{scope}/{kind}-{head}"}
                if head
                else {f"{scope}/babel-{kind}"}
            )
        else:
            found.add(f"babel-{kind}-{bare.split('/')[0]}")
    return {item for item in found if item and not item.endswith("/")}


def _install(root: Path, packages: set[str]) -> None:
    for package in packages:
        folder = root / "node_modules" / package
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text(json.dumps({"name": package, "version": "1.0.0"}))
        for file in ("index.js", "babel.js", "fp.js", "y.js"):
            (folder / file).write_text("module.exports = () => ({});\n")


def _as_request(resolved: str, root: Path) -> str:
    inside = Path(resolved).relative_to(root / "node_modules").as_posix()
    parts = inside.split("/")
    size = 2 if parts[0].startswith("@") else 1
    package, rest = "/".join(parts[:size]), "/".join(parts[size:])
    return package if rest == "index.js" else f"{package}/{rest.removesuffix('.js')}"


@pytest.mark.parametrize("kind", ["plugin", "preset"])
def test_babel_expands_names_as_nmdoctor_does(tmp_path: Path, kind: str) -> None:
    packages = set().union(*(_candidates(name) for name in NAMES))
    _install(tmp_path, packages)
    script = tmp_path / "resolve.cjs"
    script.write_text(RESOLVE)
    done = subprocess.run(
        ["node", str(script), str(BABEL), kind, str(tmp_path), *NAMES], capture_output=True, text=True, check=True
    )
    resolved = json.loads(done.stdout)
    tool = Tool.BABEL_PLUGIN if kind == "plugin" else Tool.BABEL_PRESET
    theirs = {name: _as_request(path, tmp_path) if path else None for name, path in resolved.items()}
    ours = {name: expand_name(name, tool) for name in NAMES}
    assert ours == theirs
