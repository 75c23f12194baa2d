"""Rules from field batch 16 (tests/field/blind/judgments-2026-12-07-check16.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

import json

from nmdoctor.diagnostics.model import Finding
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS


def _lockfile_findings(tree: dict[str, object]) -> list[tuple[str, str, str | None, str | None]]:
    """``check --lockfile`` of the tree: (code, severity, request, file) of each finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.code, item.severity.value, item.request, item.from_) for item in found)


def _meteor_app() -> dict[str, object]:
    """A Meteor app locked by npm: `meteor/*` imports, an app-root `/imports` path, a local Meteor
    package with its own `Npm.depends`."""
    manifest = {"name": "board", "version": "1.0.0", "dependencies": {"@babel/runtime": "^7.20.0"}}
    lock = {
        "name": "board",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": True,
        "packages": {
            "": manifest,
            "node_modules/@babel/runtime": {"version": "7.20.0", "resolved": "https://r/x.tgz"},
        },
    }
    return {
        "/app/package.json": json.dumps(manifest).encode(),
        "/app/package-lock.json": json.dumps(lock).encode(),
        "/app/.meteor/release": b"METEOR@3.0.4\n",
        "/app/.meteor/packages": b"meteor-base\nmongo\nostrio:flow-router-extra\nboard-ldap\n",
        "/app/.meteor/versions": b"meteor@2.0.1\nmeteor-base@1.5.2\nmongo@2.0.2\nostrio:flow-router-extra@3.12.0\n"
        b"board-ldap@0.0.1\n",
        "/app/server/main.js": b"import { Meteor } from 'meteor/meteor';\nimport { Mongo } from 'meteor/mongo';\n"
        b"import { FlowRouter } from 'meteor/ostrio:flow-router-extra';\nimport { Tasks } from '/imports/tasks';\n"
        b"import { Gone } from 'meteor/not-added';\nMeteor.startup(() => Tasks && Mongo && FlowRouter && Gone);\n",
        "/app/imports/tasks.js": b"export const Tasks = 1;\n",
        "/app/packages/board-ldap/package.js": b"Package.describe({ name: 'board-ldap', version: '0.0.1' });\n"
        b"Npm.depends({\n  'ldapts': '4.2.6',\n  limax: '4.1.0'\n});\n"
        b"Package.onUse(function (api) { api.mainModule('server/ldap.js', 'server'); });\n",
        "/app/packages/board-ldap/server/ldap.js": b"import { Client } from 'ldapts';\nimport limax from 'limax';\n"
        b"import { Meteor } from 'meteor/meteor';\nimport nope from 'nope';\nexport { Client, limax, Meteor, nope };\n",
    }


def test_meteor_serves_its_packages_and_a_local_packages_npm_depends() -> None:
    # wekan/wekan (Meteor 3): 503 `meteor/*` imports and 6 `Npm.depends` requires of
    # packages/wekan-fullcalendar were errors. Meteor's build serves `meteor/NAME` from the Meteor
    # package NAME that .meteor/versions lists, and installs a local package's Npm.depends into its
    # .npm/package/node_modules; node is never asked (Meteor's runtime, meteor/meteor's
    # packages/modules/install-packages.js, installs /node_modules/meteor/<name>.js for every package of
    # the build, and packages/modules-runtime throws 'Cannot find package' for any other). A `meteor/*`
    # the versions do not list is a note, and a name neither npm nor Meteor installs stays an error.
    found = _lockfile_findings(_meteor_app())
    unresolvable = [item for item in found if item[0] == "unresolvable-import"]
    assert unresolvable == [
        ("unresolvable-import", "error", "nope", "packages/board-ldap/server/ldap.js"),
        ("unresolvable-import", "info", "meteor/not-added", "server/main.js"),
    ]


def test_meteor_names_outside_a_meteor_app_are_still_judged_by_node() -> None:
    tree = _meteor_app()
    del tree["/app/.meteor/release"]
    found = _lockfile_findings(tree)
    errors = {item[2] for item in found if item[1] == "error"}
    assert {"meteor/meteor", "meteor/mongo", "meteor/ostrio:flow-router-extra", "nope"} <= errors


def _angular_app(angular_json: dict[str, object], scripts: dict[str, str]) -> dict[str, object]:
    """An Angular CLI app locked by npm, with protractor declared and a protractor config left in e2e/
    that requires a reporter nothing installs."""
    manifest = {
        "name": "shell",
        "version": "0.0.0",
        "scripts": scripts,
        "devDependencies": {"@angular/cli": "^16.0.0", "protractor": "~7.0.0"},
    }
    lock = {
        "name": "shell",
        "version": "0.0.0",
        "lockfileVersion": 3,
        "requires": True,
        "packages": {
            "": manifest,
            "node_modules/@angular/cli": {"version": "16.0.0", "resolved": "https://r/a.tgz", "dev": True},
            "node_modules/protractor": {"version": "7.0.0", "resolved": "https://r/p.tgz", "dev": True},
        },
    }
    return {
        "/app/package.json": json.dumps(manifest).encode(),
        "/app/package-lock.json": json.dumps(lock).encode(),
        "/app/angular.json": json.dumps(angular_json).encode(),
        "/app/e2e/protractor.conf.js": b"const { SpecReporter } = require('jasmine-spec-reporter');\n"
        b"exports.config = { onPrepare() { jasmine.getEnv().addReporter(new SpecReporter()); } };\n",
    }


def test_a_protractor_config_no_target_or_script_runs_is_undecided() -> None:
    # manfredsteyer/module-federation-plugin-example (Angular 16): projects/*/e2e/protractor.conf.js
    # require jasmine-spec-reporter, which nothing installs. On the real npm 11.19.1 install, `ng e2e
    # shell` (the `e2e` script) stops with 'Cannot find "e2e" target for the specified project' before
    # reading any config: angular.json has no e2e target. Only a direct `protractor FILE` loads it.
    no_target = {"projects": {"shell": {"architect": {"build": {"builder": "@angular-devkit/build-angular:browser"}}}}}
    found = _lockfile_findings(_angular_app(no_target, {"e2e": "ng e2e"}))
    assert ("unresolvable-import", "info", "jasmine-spec-reporter", "e2e/protractor.conf.js") in found


def test_a_protractor_config_a_target_or_a_script_runs_keeps_its_error() -> None:
    target = {
        "projects": {
            "shell": {
                "architect": {
                    "e2e": {
                        "builder": "@angular-devkit/build-angular:protractor",
                        "options": {"protractorConfig": "e2e/protractor.conf.js"},
                    }
                }
            }
        }
    }
    expected = ("unresolvable-import", "error", "jasmine-spec-reporter", "e2e/protractor.conf.js")
    assert expected in _lockfile_findings(_angular_app(target, {"e2e": "ng e2e"}))
    assert expected in _lockfile_findings(_angular_app({"projects": {}}, {"e2e": "protractor e2e/protractor.conf.js"}))


def _angular_with_codelyzer(dev: bool, source: str) -> tuple[str, str]:
    """An installed Angular app (@angular/core 16) keeping codelyzer, whose code loads its own nested
    @angular/core 9: the (severity, message) of duplicate-singleton."""
    from nmdoctor.diagnostics.engine import run_checks
    from nmdoctor.diagnostics.registry import CheckContext
    from nmdoctor.inspect.package_code import PackageCode
    from nmdoctor.inspect.tree import read_installed_tree

    def pkg(name: str, version: str, **fields: object) -> bytes:
        return json.dumps({"name": name, "version": version, **fields}).encode()

    runtime: dict[str, str] = {"@angular/core": "^16.0.0"}
    tools: dict[str, str] = {}
    (tools if dev else runtime)["codelyzer"] = "^6.0.0"
    tree: dict[str, object] = {
        "/app/package.json": pkg("shell", "0.0.0", dependencies=runtime, devDependencies=tools),
        "/app/tslint.json": b'{"rulesDirectory": ["codelyzer"]}\n',
        "/app/src/main.ts": source.encode(),
        "/app/node_modules/@angular/core/package.json": pkg("@angular/core", "16.0.0", main="index.js"),
        "/app/node_modules/@angular/core/index.js": b"module.exports = {};\n",
        "/app/node_modules/codelyzer/package.json": pkg(
            "codelyzer", "6.0.2", main="index.js", dependencies={"@angular/core": "9.0.0"}
        ),
        "/app/node_modules/codelyzer/index.js": b"const core = require('@angular/core');\nmodule.exports = core;\n",
        "/app/node_modules/codelyzer/node_modules/@angular/core/package.json": pkg(
            "@angular/core", "9.0.0", main="index.js"
        ),
        "/app/node_modules/codelyzer/node_modules/@angular/core/index.js": b"module.exports = {};\n",
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    context = CheckContext(graph=graph, fs=fs, package_code=PackageCode(fs))
    found = [item for item in run_checks(context) if item.code == "duplicate-singleton"]
    assert len(found) == 1
    return found[0].severity.value, found[0].message


def test_a_singleton_copy_of_a_dev_tool_the_code_never_imports_is_not_loaded_with_the_apps() -> None:
    # manfredsteyer/module-federation-plugin-example on a real npm 11.19.1 install: codelyzer 6 (a
    # devDependency named only in tslint.json's rulesDirectory) gets @angular/core 9.0.0 nested while
    # the app loads 16.0.0. tslint loads codelyzer in its own process (and `ng lint` has no lint
    # target there: 'Cannot find "lint" target'); no source file imports codelyzer, so no runtime
    # holds both copies: a warning, not an error.
    app = "import '@angular/core';\n"
    severity, message = _angular_with_codelyzer(dev=True, source=app)
    assert severity == "warning"
    assert message.endswith(
        "(one project reaches both, but no package that loads one depends on a package that gets the other)"
    )
    # the app's code importing it, or a runtime dependency, keeps the error
    assert _angular_with_codelyzer(dev=True, source=app + "import 'codelyzer';\n")[0] == "error"
    assert _angular_with_codelyzer(dev=False, source=app)[0] == "error"
