"""Rules from field batch 29 (tests/field/blind/judgments-2026-12-09-check29.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS

INTEGRITY = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="

# the shape pnpm 10 writes for a site that depends on gatsby (which depends on gatsby-dep) and
# gatsby-plugin-pnpm
GATSBY_LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      gatsby:
        specifier: 4.0.0
        version: 4.0.0
      gatsby-plugin-pnpm:
        specifier: 1.2.10
        version: 1.2.10

packages:

  gatsby-dep@1.0.0:
    resolution: {integrity: INTEGRITY}

  gatsby-plugin-pnpm@1.2.10:
    resolution: {integrity: INTEGRITY}

  gatsby@4.0.0:
    resolution: {integrity: INTEGRITY}

snapshots:

  gatsby-dep@1.0.0: {}

  gatsby-plugin-pnpm@1.2.10: {}

  gatsby@4.0.0:
    dependencies:
      gatsby-dep: 1.0.0
""".replace("INTEGRITY", INTEGRITY)


def _lockfile_findings(tree: dict[str, object]) -> list[tuple[str, str, str | None]]:
    """``check --lockfile`` of the tree: (code, severity, request) of each finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.code, item.severity.value, item.request) for item in found)


def _gatsby_site(config: str) -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "site",
            "version": "1.0.0",
            "private": True,
            "dependencies": {"gatsby": "4.0.0", "gatsby-plugin-pnpm": "1.2.10"},
        },
        "/app/pnpm-lock.yaml": GATSBY_LOCK,
        "/app/gatsby-config.ts": config,
        "/app/src/components/Seo.tsx": "import { useLocation } from 'gatsby-dep'\nuseLocation()\n",
    }


def test_gatsby_plugin_pnpm_answers_gatsby_s_dependencies_under_check_lockfile() -> None:
    """gatsby-plugin-pnpm 1.2.10 puts the folder of gatsby's own dependencies (the last node_modules
    of gatsby's real path, `.pnpm/gatsby@x/node_modules` under pnpm) in webpack's resolve.modules
    (its dist/gatsby-node.js onCreateWebpackConfig), so nivo's website/src/components/Seo.tsx finds
    @gatsbyjs/reach-router, a dependency of gatsby. With nothing installed, the graph tells what
    gatsby depends on: no error, as when the site is installed (tests/unit/diagnostics/
    test_gatsby_plugin_pnpm.py). Without the plugin the import stays an error."""
    typed = (
        "import type { GatsbyConfig } from 'gatsby'\n"
        "const config: GatsbyConfig = {\n  plugins: ['gatsby-plugin-pnpm'],\n}\nexport default config\n"
    )
    assert [item for item in _lockfile_findings(_gatsby_site(typed)) if item[0] == "unresolvable-import"] == []
    without = "export default { plugins: [] }\n"
    assert ("unresolvable-import", "error", "gatsby-dep") in _lockfile_findings(_gatsby_site(without))


# pnpm's lockfile records only `hasBin: true` for ts-node-dev
TSND_LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      host:
        specifier: 1.0.0
        version: 1.0.0
      ts-node-dev:
        specifier: 1.1.8
        version: 1.1.8

packages:

  express@4.17.1:
    resolution: {integrity: INTEGRITY}

  host@1.0.0:
    resolution: {integrity: INTEGRITY}

  ts-node-dev@1.1.8:
    resolution: {integrity: INTEGRITY}
    hasBin: true

snapshots:

  express@4.17.1: {}

  host@1.0.0:
    dependencies:
      express: 4.17.1

  ts-node-dev@1.1.8: {}
""".replace("INTEGRITY", INTEGRITY)


def _tsnd_severities(script: str) -> list[tuple[str | None, str]]:
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "scripts": {"mock": script},
            "devDependencies": {"ts-node-dev": "1.1.8", "host": "1.0.0"},
        },
        "/app/pnpm-lock.yaml": TSND_LOCK,
        "/app/mock/mock-server.ts": "import express from 'express';\nimport { api } from './api';\nexpress(api);\n",
        "/app/mock/api.ts": "import { Router } from 'express';\nexport const api = Router();\n",
    }
    found = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.from_, item.severity.value) for item in found if item.code == "unresolvable-import")


def test_a_file_ts_node_dev_runs_after_cd_finds_what_pnpm_hoists() -> None:
    """vue-typescript-admin-template's `"mock": "cd mock && ts-node-dev mock-server.ts"` (migrate
    --to pnpm): mock-server.ts and the ./api it imports use express, which only a dependency brings.
    ts-node-dev 1.1.8 forks the file's process with `env: process.env` (lib/index.js), so the NODE_PATH
    pnpm's shim sets reaches the child's require, and the file is found from the folder `cd` moved
    to: works by accident, a warning. Started by hand, node does not find express: without the
    script it stays an error."""
    assert _tsnd_severities("cd mock && ts-node-dev mock-server.ts") == [
        ("mock/api.ts", "warning"),
        ("mock/mock-server.ts", "warning"),
    ]
    assert _tsnd_severities("echo none") == [("mock/api.ts", "error"), ("mock/mock-server.ts", "error")]


# yarn 4 (Plug'n'Play, the default linker): the root declares typescript and plugin; plugin names
# typescript only in peerDependenciesMeta (as @typescript-eslint/typescript-estree 6.19.1 does) and
# depends on utils, whose peer typescript (as ts-api-utils 1.0.3's) it must pass down
BERRY_LOCK = """\
__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    plugin: "npm:^1.0.0"
    typescript: "npm:^5.3.3"
  languageName: unknown
  linkType: soft

"plugin@npm:^1.0.0":
  version: 1.0.0
  resolution: "plugin@npm:1.0.0"
  dependencies:
    utils: "npm:^1.0.1"
  peerDependenciesMeta:
    typescript:
      optional: true
  checksum: 10c0/aaaa
  languageName: node
  linkType: hard

"typescript@npm:^5.3.3":
  version: 5.3.3
  resolution: "typescript@npm:5.3.3"
  checksum: 10c0/bbbb
  languageName: node
  linkType: hard

"utils@npm:^1.0.1":
  version: 1.0.3
  resolution: "utils@npm:1.0.3"
  peerDependencies:
    typescript: ">=4.2.0"
  checksum: 10c0/cccc
  languageName: node
  linkType: hard
"""


def test_a_peer_named_only_in_peer_dependencies_meta_is_passed_down_under_yarn_berry() -> None:
    """clipanion (yarn 4.4.1, PnP): ts-api-utils's peer typescript comes through
    @typescript-eslint/typescript-estree, which lists typescript only in peerDependenciesMeta. yarn's
    normalizePackage (the 4.4.1 release's code: each peerDependenciesMeta key missing from
    peerDependencies is set to `*`) makes it a peer, so the root's typescript reaches ts-api-utils:
    no unmet peer."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "private": True,
            "packageManager": "yarn@4.4.1",
            "dependencies": {"plugin": "^1.0.0", "typescript": "^5.3.3"},
        },
        "/app/.yarnrc.yml": "enableGlobalCache: true\n",
        "/app/yarn.lock": BERRY_LOCK,
    }
    assert [item for item in _lockfile_findings(tree) if item[0] == "unmet-peer-dependency"] == []
