"""migrate --to pnpm on shapes met in real projects (tests/field/blind/migrate-2026-12-06.json),
each checked against a real pnpm 10.34.8 install of the project."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main


def write(root: Path, files: dict[str, object]) -> None:
    for path, value in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(value if isinstance(value, str) else json.dumps(value))


def migrate(root: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner(mix_stderr=False).invoke(main, ["migrate", str(root), "--to", "pnpm", "--json"])
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_the_hoist_pattern_printed_for_a_subpath_import_names_the_package(tmp_path: Path) -> None:
    """pnpm's (public-)hoist-pattern matches package names: real pnpm 10.34.8 with
    public-hoist-pattern[]=lodash.flow/index hoists nothing, with lodash.flow it hoists the package.
    The fix for `import upperFirst from 'lodash/upperFirst'` must name `lodash`."""
    write(
        tmp_path,
        {
            "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"kit": "^1"}},
            "node_modules/.package-lock.json": {},
            "node_modules/kit/package.json": {"name": "kit", "version": "1.0.0", "dependencies": {"lodash": "^4"}},
            "node_modules/lodash/package.json": {"name": "lodash", "version": "4.17.21"},
            "node_modules/lodash/upperFirst.js": "module.exports = (s) => s;\n",
            "src/index.js": "import upperFirst from 'lodash/upperFirst';\nupperFirst('a');\n",
        },
    )
    code, findings = migrate(tmp_path)
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["request"], finding["severity"]) == (
        "unresolvable-import",
        "lodash/upperFirst",
        "error",
    )
    assert "public-hoist-pattern[]=lodash in .npmrc" in str(finding["fix"])
    assert "public-hoist-pattern[]=lodash/upperFirst" not in str(finding["fix"])
