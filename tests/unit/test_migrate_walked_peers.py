"""migrate --to npm from a pnpm lockfile: a peer pnpm resolved (its snapshot lists it) but the
planned package's recorded dependencies do not, is found where node's upward walk finds it.

Checked with real npm 11 (`npm install` of vue 3.5.13 and typescript 5.4.5 in one project):
`npm ls typescript` shows vue's optional peer `typescript@5.4.5 deduped`, and
`require.resolve('typescript', {paths: [vue's folder]})` is the root's node_modules/typescript.
Field case: nuxt-ui-templates/dashboard (pnpm 11) gave 10 false "would no longer find" warnings
(vue -> typescript, eslint -> jiti, ...) for names at the top of the planned npm tree.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main

LOCK = """lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      vue:
        specifier: 3.5.13
        version: 3.5.13(typescript@5.4.5)
    devDependencies:
      typescript:
        specifier: 5.4.5
        version: 5.4.5

packages:

  typescript@5.4.5:
    resolution: {integrity: sha512-typescript}
    engines: {node: '>=14.17'}
    hasBin: true

  vue@3.5.13:
    resolution: {integrity: sha512-vue}
    peerDependencies:
      typescript: '*'
    peerDependenciesMeta:
      typescript:
        optional: true

snapshots:

  typescript@5.4.5: {}

  vue@3.5.13(typescript@5.4.5):
    optionalDependencies:
      typescript: 5.4.5
"""


def test_an_optional_peer_at_the_top_of_the_npm_tree_is_still_found(tmp_path: Path) -> None:
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"vue": "3.5.13"}}
    manifest["devDependencies"] = {"typescript": "5.4.5"}
    (tmp_path / "package.json").write_text(json.dumps(manifest))
    (tmp_path / "pnpm-lock.yaml").write_text(LOCK)
    result = CliRunner(mix_stderr=False).invoke(main, ["migrate", str(tmp_path), "--to", "npm", "--json"])
    findings = json.loads(result.stdout)["findings"]
    assert [item for item in findings if item.get("request") == "typescript"] == []
    assert result.exit_code == 0
