"""unresolvable-import of a package the repository's own build writes into node_modules (an nx
target's ``outputPath``/``outputs``, an ng-packagr ``dest``), and of ``electron`` in a file a script
runs with an Electron the project does not install: neither is certain to fail, so neither is an error.

analogjs/analog's ``packages/vitest-angular/project.json`` builds to
``node_modules/@analogjs/vitest-angular`` and its tests import ``@analogjs/vitest-angular/setup-zone``
(nx runs ``^build`` before ``test``); jose's ``tap/run-electron.ts`` imports ``{ app }`` from
``electron`` and its CI runs it with ``npm install --global electron``."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

BASE: dict[str, object] = {
    "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"vitest": "^3"}},
    "/app/node_modules/vitest/package.json": {"name": "vitest", "version": "3.2.4"},
    "/app/libs/card/src/test-setup.ts": "import '@acme/vitest-angular/setup-zone';\n",
    "/app/packages/vitest-angular/package.json": {"name": "@acme/vitest-angular", "version": "1.0.0"},
}


def _severities(extra: dict[str, object]) -> list[tuple[str, Severity]]:
    fs = MemoryFS.from_mapping({**BASE, **extra})
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["unresolvable-import"])
    return [(item.request or "", item.severity) for item in found if item.from_]


def _nx_project(**build: object) -> dict[str, object]:
    return {"name": "vitest-angular", "targets": {"build": build}}


def test_a_package_an_nx_target_builds_into_node_modules_is_a_note() -> None:
    tree = {
        "/app/nx.json": {},
        "/app/packages/vitest-angular/project.json": _nx_project(
            options={"outputPath": "node_modules/@acme/vitest-angular"}
        ),
    }
    assert _severities(tree) == [("@acme/vitest-angular/setup-zone", Severity.INFO)]


def test_the_outputs_of_an_nx_target_and_an_ng_packagr_dest_count_too() -> None:
    outputs = {
        "/app/nx.json": {},
        "/app/packages/vitest-angular/project.json": _nx_project(
            outputs=["{workspaceRoot}/node_modules/@acme/vitest-angular"]
        ),
    }
    assert _severities(outputs) == [("@acme/vitest-angular/setup-zone", Severity.INFO)]
    ng_packagr = {
        "/app/angular.json": {"projects": {}},
        "/app/packages/vitest-angular/ng-package.json": {"dest": "../../node_modules/@acme/vitest-angular"},
    }
    assert _severities(ng_packagr) == [("@acme/vitest-angular/setup-zone", Severity.INFO)]


def test_a_build_into_another_folder_or_outside_a_workspace_stays_an_error() -> None:
    elsewhere = {
        "/app/nx.json": {},
        "/app/packages/vitest-angular/project.json": _nx_project(options={"outputPath": "dist/vitest-angular"}),
    }
    assert _severities(elsewhere) == [("@acme/vitest-angular/setup-zone", Severity.ERROR)]
    other_name = {
        "/app/nx.json": {},
        "/app/packages/vitest-angular/project.json": _nx_project(options={"outputPath": "node_modules/@acme/other"}),
    }
    assert _severities(other_name) == [("@acme/vitest-angular/setup-zone", Severity.ERROR)]
    # a project.json without nx.json or angular.json: nothing builds from it
    no_workspace = {
        "/app/packages/vitest-angular/project.json": _nx_project(
            options={"outputPath": "node_modules/@acme/vitest-angular"}
        ),
    }
    assert _severities(no_workspace) == [("@acme/vitest-angular/setup-zone", Severity.ERROR)]


def test_electron_in_a_file_a_script_runs_with_the_electron_command_is_a_note() -> None:
    """The script runs the file with `electron` (through a shell script, as jose's tap:electron), an
    Electron the project does not install: that Electron answers `electron` itself."""
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "scripts": {"tap:electron": "./tap/.electron.sh"}},
        "/app/tap/.electron.sh": "#!/bin/bash\n\nsource .electron_flags.sh\nelectron tap/run-electron.ts\n",
        "/app/tap/run-electron.ts": "// @ts-ignore\nimport { app } from 'electron'\napp.on('ready', () => {})\n",
    }
    assert ("electron", Severity.INFO) in _severities(tree)
    direct = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "scripts": {"e2e": "electron --no-sandbox e2e/main.js"},
        },
        "/app/e2e/main.js": "const { app } = require('electron')\napp.quit()\n",
    }
    assert ("electron", Severity.INFO) in _severities(direct)


def test_electron_in_a_file_no_script_runs_with_electron_stays_an_error() -> None:
    # `electron .` runs the package's main, not this file; the shell script runs another file
    tree = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "scripts": {"start": "electron .", "t": "sh t.sh"}},
        "/app/t.sh": "electron other.js\n",
        "/app/tap/launch.js": "const { app } = require('electron')\napp.quit()\n",
    }
    assert ("electron", Severity.ERROR) in _severities(tree)
