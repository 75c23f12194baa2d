"""check --lockfile under pnpm's isolated layout: code of a workspace package with an executable,
which another workspace's script starts through the shim pnpm links in its node_modules/.bin
(youzan/vant at 29cd8c21: packages/vant's ``"build": "vant-cli build"``; @vant/cli's compile-sass
does ``require('sass')`` through ``createRequire`` without declaring sass). The shim puts
``node_modules/.pnpm/node_modules`` on NODE_PATH, where pnpm hoists every package, so the require
works by that accident alone: a warning, not an error. The lockfile was written by the real pnpm
10.34.8 (tests/node_tools) for these manifests; with it installed, ``pnpm run go`` in packages/app
printed the result of ``ms`` and ``node packages/cli/bin.js`` threw "Cannot find module 'ms'"."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS

LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: false
  excludeLinksFromLockfile: false

importers:

  .: {}

  packages/app:
    devDependencies:
      '@x/cli':
        specifier: workspace:*
        version: link:../cli

  packages/cli: {}

  packages/other:
    dependencies:
      debug:
        specifier: 4.3.4
        version: 4.3.4

packages:

  debug@4.3.4:
    resolution: {integrity: sha512-PRWF}
    engines: {node: '>=6.0'}
    peerDependencies:
      supports-color: '*'
    peerDependenciesMeta:
      supports-color:
        optional: true

  ms@2.1.2:
    resolution: {integrity: sha512-sGkP}

snapshots:

  debug@4.3.4:
    dependencies:
      ms: 2.1.2

  ms@2.1.2: {}
"""

CLI = """\
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export function compile() { const ms = require('ms'); return ms('2 days'); }
console.log('ms says', compile());
"""


def _tree(script: str) -> dict[str, object]:
    return {
        "/app/package.json": {"name": "root", "private": True},
        "/app/pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "/app/pnpm-lock.yaml": LOCK,
        "/app/packages/cli/package.json": {
            "name": "@x/cli",
            "version": "1.0.0",
            "type": "module",
            "bin": {"xcli": "./bin.js"},
        },
        "/app/packages/cli/bin.js": "#!/usr/bin/env node\nimport './lib/cli.js';\n",
        "/app/packages/cli/lib/cli.js": CLI,
        "/app/packages/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "scripts": {"go": script},
            "devDependencies": {"@x/cli": "workspace:*"},
        },
        "/app/packages/other/package.json": {"name": "other", "version": "1.0.0", "dependencies": {"debug": "4.3.4"}},
    }


def _ms(tree: dict[str, object]) -> list[Finding]:
    found = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return [item for item in found if item.request == "ms" and item.code == "unresolvable-import"]


def test_a_dependents_script_starting_the_executable_through_its_shim_finds_the_hoisted_package() -> None:
    [found] = _ms(_tree("xcli"))
    assert found.severity.value == "warning"
    assert found.from_ == "packages/cli/lib/cli.js"
    assert "NODE_PATH" in found.message and "`xcli`" in found.message


def test_node_started_on_the_executable_by_hand_does_not() -> None:
    [found] = _ms(_tree("node ../cli/bin.js"))
    assert found.severity.value == "error"


def test_a_test_of_the_package_is_not_run_by_its_executable() -> None:
    tree = _tree("xcli")
    tree["/app/packages/cli/test/cli.test.js"] = CLI
    by_file = {item.from_: item for item in _ms(tree)}
    assert by_file["packages/cli/lib/cli.js"].severity.value == "warning"
    # no test runner in this tree: undecidable, never excused by the executable's shim
    assert "NODE_PATH" not in by_file["packages/cli/test/cli.test.js"].message
