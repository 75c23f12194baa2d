"""An undeclared `*eslint*` / `*prettier*` name imported from the project's own files, in a pnpm
project whose pnpm major nothing states: pnpm 9 and 10 both write `lockfileVersion: '9.0'`, and
only pnpm 9's default public-hoist-pattern puts the name in the project's node_modules.

Checked with real pnpm (tests/node_tools): installing `eslint@9.6.0` alone, pnpm 9.15.9 links
node_modules/@eslint/js (the package eslint.config.js files import), pnpm 10.34.8 does not; both
lockfiles start `lockfileVersion: '9.0'`. Field case: kwchang0831/svelte-QWER (CI on pnpm 9, no
packageManager) imports `@eslint/js` in eslint.config.js without declaring it.
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
    devDependencies:
      eslint:
        specifier: 9.6.0
        version: 9.6.0

packages:

  '@eslint/js@9.6.0':
    resolution: {integrity: sha512-eslintjs}
    engines: {node: ^18.18.0 || ^20.9.0 || >=21.1.0}

  eslint@9.6.0:
    resolution: {integrity: sha512-eslint}
    engines: {node: ^18.18.0 || ^20.9.0 || >=21.1.0}
    hasBin: true

snapshots:

  '@eslint/js@9.6.0': {}

  eslint@9.6.0:
    dependencies:
      '@eslint/js': 9.6.0
"""


def _findings(root: Path, manifest: dict[str, object]) -> list[dict[str, object]]:
    (root / "package.json").write_text(json.dumps(manifest))
    (root / "pnpm-lock.yaml").write_text(LOCK)
    (root / "eslint.config.js").write_text("import js from '@eslint/js'\n\nexport default [js.configs.recommended]\n")
    arguments = ["check", str(root), "--lockfile", "--no-cache", "--format", "json"]
    result = CliRunner(mix_stderr=False).invoke(main, arguments)
    return [item for item in json.loads(result.stdout)["findings"] if item.get("request") == "@eslint/js"]


MANIFEST: dict[str, object] = {"name": "site", "version": "1.0.0", "type": "module"}


def test_an_eslint_name_pnpm_9_would_hoist_is_undecidable_without_a_pinned_pnpm(tmp_path: Path) -> None:
    found = _findings(tmp_path, {**MANIFEST, "devDependencies": {"eslint": "9.6.0"}})
    assert [item["severity"] for item in found] == ["info"]
    assert "pnpm 9's default public-hoist-pattern" in str(found[0]["message"])


def test_pnpm_10_pinned_keeps_the_error(tmp_path: Path) -> None:
    manifest = {**MANIFEST, "devDependencies": {"eslint": "9.6.0"}, "packageManager": "pnpm@10.34.8"}
    assert [item["severity"] for item in _findings(tmp_path, manifest)] == ["error"]


def test_a_public_hoist_pattern_the_project_sets_decides(tmp_path: Path) -> None:
    (tmp_path / ".npmrc").write_text("public-hoist-pattern[]=@types/*\n")
    found = _findings(tmp_path, {**MANIFEST, "devDependencies": {"eslint": "9.6.0"}})
    assert [item["severity"] for item in found] == ["error"]


def test_a_name_nothing_installs_stays_an_error(tmp_path: Path) -> None:
    """pnpm 9 hoists only packages the install holds: `eslint-plugin-absent` is in no lockfile."""
    (tmp_path / "package.json").write_text(json.dumps({**MANIFEST, "devDependencies": {"eslint": "9.6.0"}}))
    (tmp_path / "pnpm-lock.yaml").write_text(LOCK)
    (tmp_path / "eslint.config.js").write_text("import absent from 'eslint-plugin-absent'\n\nexport default [absent]\n")
    arguments = ["check", str(tmp_path), "--lockfile", "--no-cache", "--format", "json"]
    result = CliRunner(mix_stderr=False).invoke(main, arguments)
    found = [item for item in json.loads(result.stdout)["findings"] if item.get("request") == "eslint-plugin-absent"]
    assert [item["severity"] for item in found] == ["error"]
