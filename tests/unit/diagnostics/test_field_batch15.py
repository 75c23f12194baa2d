"""Rules from field batch 15 (tests/field/blind/judgments-2026-12-07-check15.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.project.session import Project
from nmdoctor.sources.config_refs import Tool, config_refs
from nmdoctor.vfs import MemoryFS


def _lockfile_findings(tree: dict[str, object]) -> list[tuple[str, str, str | None]]:
    """``check --lockfile`` of the tree: (code, severity, request) of each finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.code, item.severity.value, item.request) for item in found)


ESLINTRC_WITH_BABEL_OPTIONS = b"""\
module.exports = {
  parser: '@babel/eslint-parser',
  parserOptions: {
    requireConfigFile: false,
    babelOptions: {
      plugins: [['@babel/plugin-proposal-decorators', { decoratorsBeforeExport: true }]],
      presets: ['@babel/preset-env'],
    },
  },
  plugins: ['ember'],
  extends: ['plugin:ember/recommended'],
};
"""


def test_the_babel_options_of_an_eslint_parser_name_babel_modules_not_eslint_plugins() -> None:
    # ember-learn/ember-website .eslintrc.js: `parserOptions.babelOptions.plugins` is handed by
    # @babel/eslint-parser to babel, which loads @babel/plugin-proposal-decorators (real eslint 8 with
    # @babel/eslint-parser on the pnpm install lints the app); it was read as the eslint plugin
    # `@babel/eslint-plugin-plugin-proposal-decorators`, a false error.
    refs = {(ref.name, ref.tool) for ref in config_refs(ESLINTRC_WITH_BABEL_OPTIONS, ".eslintrc.js")}
    assert refs == {
        ("@babel/eslint-parser", Tool.ESLINT_PARSER),  # the parser itself, loaded from the config's folder
        ("@babel/plugin-proposal-decorators", Tool.BABEL_PLUGIN),
        ("@babel/preset-env", Tool.BABEL_PRESET),
        ("ember", Tool.ESLINT_PLUGIN),
        ("plugin:ember/recommended", Tool.ESLINT_CONFIG),
    }


def _ember_app(app_files: dict[str, object]) -> dict[str, object]:
    """An ember-cli app locked by pnpm: ember-source, ember-data (whose nested addon @ember-data/model
    the app imports without declaring it, as ember-data 5's blueprint does) and ember-fetch."""
    lock = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      ember-cli:
        specifier: ~5.12.0
        version: 5.12.0
      ember-data:
        specifier: ~5.3.8
        version: 5.3.8
      ember-fetch:
        specifier: ^8.1.2
        version: 8.1.2
      ember-source:
        specifier: ~5.12.0
        version: 5.12.0

packages:

  '@ember-data/model@5.3.8':
    resolution: {integrity: sha512-AAAA}

  ember-cli@5.12.0:
    resolution: {integrity: sha512-AAAB}

  ember-data@5.3.8:
    resolution: {integrity: sha512-AAAC}

  ember-fetch@8.1.2:
    resolution: {integrity: sha512-AAAD}

  ember-source@5.12.0:
    resolution: {integrity: sha512-AAAE}

snapshots:

  '@ember-data/model@5.3.8': {}

  ember-cli@5.12.0: {}

  ember-data@5.3.8:
    dependencies:
      '@ember-data/model': 5.3.8

  ember-fetch@8.1.2: {}

  ember-source@5.12.0: {}
"""
    return {
        "/app/package.json": {
            "name": "app",
            "version": "0.0.0",
            "private": True,
            "devDependencies": {
                "ember-cli": "~5.12.0",
                "ember-data": "~5.3.8",
                "ember-fetch": "^8.1.2",
                "ember-source": "~5.12.0",
            },
        },
        "/app/pnpm-lock.yaml": lock,
        "/app/ember-cli-build.js": "'use strict';\nmodule.exports = function () {};\n",
        **app_files,
    }


def test_an_ember_apps_modules_from_the_lockfile_are_undecided_not_errors() -> None:
    # ember-learn/ember-website (pnpm 10.4.1 install, ember-cli 5.12): app/ imports @ember/controller and
    # rsvp (ember-source 5.12.0 ships dist/packages/@ember/controller and dist/packages/rsvp, which the
    # check of the install already calls undecided), @ember-data/model (a nested addon of ember-data,
    # keywords ["ember-addon"], out of node's reach under pnpm) and `fetch` (ember-fetch's module).
    # Before: 91 unresolvable-import errors from the lockfile, 11 on the install.
    tree = _ember_app(
        {
            "/app/app/controllers/application.js": (
                "import Controller from '@ember/controller';\nimport RSVP from 'rsvp';\n"
                "import { tagForProperty } from '@ember/-internals/metal';\n"
            ),
            "/app/app/models/user.js": "import Model, { attr } from '@ember-data/model';\n",
            "/app/app/routes/canary.js": "import fetch from 'fetch';\n",
            "/app/tests/test-helper.js": "import { setApplication } from '@ember/test-helpers';\n",
            # run by node, not compiled: node's resolution decides
            "/app/config/deploy.js": "require('left-pad');\n",
            # TypeScript finds types as node finds packages, whatever Ember's loader serves
            "/app/app/services/session.ts": "import type { Session } from 'session-types';\n",
        }
    )
    assert _lockfile_findings(tree) == [
        ("unresolvable-import", "error", "left-pad"),
        ("unresolvable-import", "info", "@ember-data/model"),
        ("unresolvable-import", "info", "@ember/-internals/metal"),
        ("unresolvable-import", "info", "@ember/controller"),
        ("unresolvable-import", "info", "@ember/test-helpers"),
        ("unresolvable-import", "info", "fetch"),
        ("unresolvable-import", "info", "rsvp"),
        ("unresolvable-import", "warning", "session-types"),
    ]


def test_a_plain_package_importing_ember_names_is_still_judged_by_node() -> None:
    # no ember-cli, no ember-cli-build.js: nothing compiles app/ into Ember's loader
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0"},
        "/app/package-lock.json": {
            "name": "app",
            "version": "1.0.0",
            "lockfileVersion": 3,
            "requires": True,
            "packages": {"": {"name": "app", "version": "1.0.0"}},
        },
        "/app/app/models/user.js": "import Model from '@ember-data/model';\nimport fetch from 'fetch';\n",
    }
    assert _lockfile_findings(tree) == [
        ("unresolvable-import", "error", "@ember-data/model"),
        ("unresolvable-import", "error", "fetch"),
    ]


def test_what_a_tarball_bundles_is_not_extraneous() -> None:
    # vuejs/devtools-v6 installed by real yarn 1.22.22 (`install --frozen-lockfile`): @clack/prompts
    # 0.7.0 lists is-unicode-supported in bundleDependencies only, and its tarball ships it at
    # node_modules/@clack/prompts/node_modules/is-unicode-supported; yarn.lock has no entry for it, and
    # removing node_modules and installing again brings it back. Before: an extraneous-package warning
    # whose fix (prune, reinstall) could not remove it.
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"@clack/prompts": "^0.7.0"}},
        "/app/node_modules/@clack/prompts/package.json": {
            "name": "@clack/prompts",
            "version": "0.7.0",
            "bundleDependencies": ["is-unicode-supported"],
        },
        "/app/node_modules/@clack/prompts/node_modules/is-unicode-supported/package.json": {
            "name": "is-unicode-supported",
            "version": "1.3.0",
        },
        # a stray copy nothing ships nor uses is still reported
        "/app/node_modules/left-pad/package.json": {"name": "left-pad", "version": "1.3.0"},
    }
    fs = MemoryFS.from_mapping(tree)
    found = Project("/app", fs).findings()
    assert [(item.code, item.package.name if item.package else None) for item in found] == [
        ("extraneous-package", "left-pad")
    ]
