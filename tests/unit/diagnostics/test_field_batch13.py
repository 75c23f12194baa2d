"""Rules from field batch 13 (tests/field/blind/judgments-2026-12-07-check13.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS


def _lockfile_findings(tree: dict[str, object]) -> list[tuple[str, str, str | None]]:
    """``check --lockfile`` of the tree: (code, severity, request) of each finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.code, item.severity.value, item.request) for item in found)


# Written by the real pnpm 11.29.0 (tests/node_tools/pnpm11, `pnpm install --lockfile-only`) for
# these manifests; `pnpm install --frozen-lockfile` accepts it (integrity shortened).
OVERRIDDEN_UNDER_PARENTS_LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

overrides:
  ms: 2.1.3
  debug>ms: 2.1.2
  foo>ms: 2.0.0

importers:

  .: {}

  packages/a:
    dependencies:
      debug:
        specifier: 4.3.4
        version: 4.3.4
      ms:
        specifier: 2.1.3
        version: 2.1.3

  packages/foo:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

packages:

  debug@4.3.4:
    resolution: {integrity: sha512-PRWF}
    engines: {node: '>=6.0'}
    peerDependencies:
      supports-color: '*'
    peerDependenciesMeta:
      supports-color:
        optional: true

  ms@2.0.0:
    resolution: {integrity: sha512-Tpp6}

  ms@2.1.2:
    resolution: {integrity: sha512-sGkP}

  ms@2.1.3:
    resolution: {integrity: sha512-6Flz}

snapshots:

  debug@4.3.4:
    dependencies:
      ms: 2.1.2

  ms@2.0.0: {}

  ms@2.1.2: {}

  ms@2.1.3: {}
"""


def _overridden_under_parents() -> dict[str, object]:
    return {
        "/app/package.json": {"name": "root", "private": True, "packageManager": "pnpm@11.29.0"},
        "/app/pnpm-workspace.yaml": (
            'packages:\n  - "packages/*"\ncatalog:\n  ms: 2.1.3\n'
            'overrides:\n  ms: 2.1.3\n  "debug>ms": 2.1.2\n  "foo>ms": 2.0.0\n'
        ),
        "/app/pnpm-lock.yaml": OVERRIDDEN_UNDER_PARENTS_LOCK,
        "/app/packages/a/package.json": {
            "name": "a",
            "version": "1.0.0",
            "dependencies": {"ms": "catalog:", "debug": "4.3.4"},
        },
        "/app/packages/foo/package.json": {"name": "foo", "version": "1.0.0", "dependencies": {"ms": "catalog:"}},
    }


def test_an_override_under_another_parent_leaves_a_workspace_s_own_dependency_overridden() -> None:
    # unkeyed/unkey web/: `zod: catalog:` in 12 packages under overrides {zod: 4.3.5,
    # @tanstack/router-generator>zod: 3.24.4, ...}; pnpm records it as 4.3.5 and
    # `pnpm install --frozen-lockfile` (11.29.0) accepts the lockfile: no drift.
    assert [f for f in _lockfile_findings(_overridden_under_parents()) if f[0] == "lockfile-drift"] == []


def test_a_declaration_the_lockfile_was_not_made_for_stays_drift_beside_parent_overrides() -> None:
    # packages/a changed to `debug: 4.3.3` with the lockfile kept: pnpm 11.29.0 --frozen-lockfile
    # stops with ERR_PNPM_OUTDATED_LOCKFILE for packages/a/package.json.
    tree = _overridden_under_parents()
    tree["/app/packages/a/package.json"] = {"name": "a", "version": "1.0.0", "dependencies": {"debug": "4.3.3"}}
    drift = [f for f in _lockfile_findings(tree) if f[0] == "lockfile-drift"]
    assert drift == [("lockfile-drift", "error", "debug")]


def test_the_override_under_the_package_itself_is_undecided_not_drift() -> None:
    # pnpm 11.29.0 applies `foo>ms: 2.0.0` to the workspace package named foo itself (its `ms:
    # catalog:` is recorded as 2.0.0); an override under a parent, with the parent's range, is not
    # decided from the files here, so no drift is claimed for it.
    assert [f for f in _lockfile_findings(_overridden_under_parents()) if f[2] == "ms"] == []


def _npm_v2_project(chokidar_dependencies: dict[str, str]) -> dict[str, object]:
    # Gruntfuggly/todo-tree's package-lock.json (lockfile v2, converted from v1), trimmed: chokidar
    # 3.4.1 lists fsevents under `dependencies`; fsevents is `optional: true`, `os: ["darwin"]`.
    chokidar = {
        "version": "3.4.1",
        "resolved": "https://registry.npmjs.org/chokidar/-/chokidar-3.4.1.tgz",
        "dev": True,
        "dependencies": chokidar_dependencies,
    }
    fsevents = {
        "version": "2.1.3",
        "resolved": "https://registry.npmjs.org/fsevents/-/fsevents-2.1.3.tgz",
        "dev": True,
        "optional": True,
        "os": ["darwin"],
    }
    lock = {
        "name": "app",
        "version": "1.0.0",
        "lockfileVersion": 2,
        "requires": True,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "devDependencies": {"chokidar": "^3.4.1"}},
            "node_modules/chokidar": chokidar,
            "node_modules/fsevents": fsevents,
        },
        "dependencies": {
            "chokidar": {"version": "3.4.1", "dev": True, "requires": chokidar_dependencies},
            "fsevents": {"version": "2.1.3", "dev": True, "optional": True},
        },
    }
    return {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"chokidar": "^3.4.1"}},
        "/app/package-lock.json": lock,
    }


def test_a_dependency_locked_for_another_platform_is_optional_whatever_field_lists_it() -> None:
    # npm 11.19.1 `npm ci --ignore-scripts` of todo-tree on linux: added 398 packages, no fsevents,
    # `npm ls --all` exits 0; chokidar requires fsevents inside try/catch.
    found = _lockfile_findings(_npm_v2_project({"fsevents": "~2.1.2"}))
    assert [item for item in found if item[0] == "missing-dependency"] == []


def test_a_dependency_the_lockfile_has_no_entry_for_stays_missing() -> None:
    found = _lockfile_findings(_npm_v2_project({"fsevents": "~2.1.2", "readdirp": "~3.4.0"}))
    assert [item for item in found if item[0] == "missing-dependency"] == [("missing-dependency", "error", "readdirp")]


def test_a_binary_bun_lockfile_alone_is_named_with_the_command_that_writes_the_text_one(tmp_path: Path) -> None:
    # alxshelepenok/gatsby-starter-lumen has bun.lockb only: `check --lockfile` said "no lockfile".
    # The command is the migration bun's documentation gives (docs/pm/lockfile, "Text-based lockfile").
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0"}')
    (tmp_path / "bun.lockb").write_bytes(b"#!/usr/bin/env bun\nbun-lockfile-format-v0\n")
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(tmp_path), "--lockfile", "--no-cache"])
    assert result.exit_code == 2
    assert "bun install --save-text-lockfile --frozen-lockfile --lockfile-only" in result.stderr
    (tmp_path / "bun.lockb").unlink()
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(tmp_path), "--lockfile", "--no-cache"])
    assert result.exit_code == 2 and "bun.lockb" not in result.stderr


def _angular_workspace(e2e_builder: str) -> dict[str, object]:
    # ng-matero/ng-matero (Angular 21, yarn 1 install): its e2e target names @angular/build:protractor.
    build = "/app/node_modules/@angular/build"
    return {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "devDependencies": {"@angular/build": "^21.0.2", "@angular-devkit/build-angular": "^21.0.2"},
        },
        "/app/angular.json": (
            "{\n  // comments are allowed: the CLI reads angular.json as JSONC\n"
            '  "version": 1,\n  "projects": {\n    "app": {\n      "architect": {\n'
            '        "build": { "builder": "@angular/build:application" },\n'
            '        "legacy": { "builder": "@angular-devkit/build-angular:application" },\n'
            f'        "e2e": {{ "builder": "{e2e_builder}" }}\n'
            "      }\n    }\n  }\n}\n"
        ),
        f"{build}/package.json": {"name": "@angular/build", "version": "21.0.2", "builders": "builders.json"},
        f"{build}/builders.json": {
            "builders": {
                "application": {"implementation": "./src/builders/application/index", "schema": "./s.json"},
                "karma": {"implementation": "./src/builders/karma/index", "schema": "./s.json"},
            }
        },
        # an entry naming another builder: the CLI follows it
        "/app/node_modules/@angular-devkit/build-angular/package.json": {
            "name": "@angular-devkit/build-angular",
            "version": "21.0.2",
            "builders": "./builders.json",
        },
        "/app/node_modules/@angular-devkit/build-angular/builders.json": {
            "builders": {"application": "@angular/build:application"}
        },
    }


def _installed_findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return list(run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"]))


def test_an_angular_builder_the_installed_package_does_not_provide_is_an_error() -> None:
    # Angular CLI 21.0 (`ng e2e` on ng-matero's yarn 1 install): `An unhandled exception occurred:
    # Cannot find builder "@angular/build:protractor".` (@angular/build 21.0.2's builders.json has
    # application, dev-server, extract-i18n, karma, ng-packagr, unit-test).
    found = _installed_findings(_angular_workspace("@angular/build:protractor"))
    assert [(item.severity, item.request, item.from_, item.line) for item in found] == [
        (Severity.ERROR, "@angular/build:protractor", "angular.json", 9)
    ]
    assert 'Cannot find builder "@angular/build:protractor"' in found[0].message


def test_builders_the_package_lists_or_aliases_and_packages_not_installed_are_not_judged() -> None:
    assert _installed_findings(_angular_workspace("@angular/build:karma")) == []
    # a package that is not installed: its builders are unknown here (other checks judge the package)
    assert _installed_findings(_angular_workspace("@angular-builders/custom-webpack:browser")) == []


# A pnpm lockfile records only `hasBin: true` for esno: the runner's executable is its own name.
ESNO_LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      esno:
        specifier: 0.10.1
        version: 0.10.1
      host:
        specifier: 1.0.0
        version: 1.0.0

packages:

  chalk@1.1.3:
    resolution: {integrity: sha512-U3lR}

  esno@0.10.1:
    resolution: {integrity: sha512-yT7r}
    hasBin: true

  host@1.0.0:
    resolution: {integrity: sha512-AAAA}

snapshots:

  chalk@1.1.3: {}

  esno@0.10.1: {}

  host@1.0.0:
    dependencies:
      chalk: 1.1.3
"""


def test_a_file_a_script_loads_with_esno_finds_what_pnpm_hoists_from_the_lockfile_too() -> None:
    """vbenjs/vben-admin-thin-next (`check --lockfile`): `esno ./build/script/postBuild.ts`, whose
    ./buildConf imports chalk, which only a dependency declares: esno's pnpm shim puts
    node_modules/.pnpm/node_modules on NODE_PATH, a warning, from the lockfile as from the installed
    tree (pnpm's lockfile names none of esno's executables, `hasBin: true` only: the runner's own
    name stands for them). A module the script does not reach stays an error."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "scripts": {"build": "vite build && esno ./build/post.ts"},
            "devDependencies": {"esno": "0.10.1", "host": "1.0.0"},
        },
        "/app/pnpm-lock.yaml": ESNO_LOCK,
        "/app/.gitignore": "node_modules\n",
        "/app/build/post.ts": "import { run } from './conf';\nrun();\n",
        "/app/build/conf.ts": "import chalk from 'chalk';\nexport const run = () => chalk.red('x');\n",
        "/app/build/other.ts": "import chalk from 'chalk';\nchalk.red('x');\n",
    }
    found = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    assert sorted((item.from_, item.severity.value) for item in found if item.code == "unresolvable-import") == [
        ("build/conf.ts", "warning"),
        ("build/other.ts", "error"),
    ]
