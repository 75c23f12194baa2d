"""``migrate --to pnpm`` plans for the pnpm that package.json's ``packageManager`` pins.

tests/installs/peer_scenarios.py's peer-extensions project (ext-kit depends on host@1, the project
on host@2, and package.json's ``pnpm.packageExtensions`` makes host a peer of ext-kit): pnpm 10.34.8
installs ext-kit@1.0.0_host@2.0.0; pnpm 11.29.0 and 12.26.0 read no package.json ``pnpm`` field and
install ext-kit@1.0.0 beside host@1.0.0 (tests/installs/test_planned_layouts.py, real installs).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main


def _npm_tree(root: Path, package_manager: str) -> Path:
    files = {
        "package.json": {
            "name": "peer-ext",
            "version": "1.0.0",
            "packageManager": package_manager,
            "dependencies": {"host": "^2.0.0", "ext-kit": "^1.0.0"},
            "pnpm": {"packageExtensions": {"ext-kit@1": {"peerDependencies": {"host": "*"}}}},
        },
        "node_modules/.package-lock.json": {},
        "node_modules/host/package.json": {"name": "host", "version": "2.0.0"},
        "node_modules/ext-kit/package.json": {
            "name": "ext-kit",
            "version": "1.0.0",
            "dependencies": {"host": "^1.0.0"},
        },
        "node_modules/ext-kit/node_modules/host/package.json": {"name": "host", "version": "1.0.0"},
    }
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(json.dumps(data))
    return root


@pytest.mark.parametrize(
    ("package_manager", "expected"),
    [
        ("pnpm@10.34.8", ["ext-kit@1.0.0_host@2.0.0", "host@2.0.0"]),
        ("pnpm@11.29.0", ["ext-kit@1.0.0", "host@1.0.0", "host@2.0.0"]),
        ("pnpm@12.26.0", ["ext-kit@1.0.0", "host@1.0.0", "host@2.0.0"]),
    ],
)
def test_package_json_pnpm_field_is_read_by_the_pinned_pnpm_only_before_11(
    tmp_path: Path, package_manager: str, expected: list[str]
) -> None:
    project = _npm_tree(tmp_path / "app", package_manager)
    target = tmp_path / "planned"
    result = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(project), "--to", "pnpm", "--materialize", str(target), "--no-cache"]
    )
    assert result.exit_code in (0, 1), result.stderr
    store = target / "node_modules" / ".pnpm"
    assert sorted(name for name in os.listdir(store) if name != "node_modules") == expected
