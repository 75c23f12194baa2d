"""`migrate --lockfile` on real projects' manifests and lockfiles (tests/field/migrate/*/SOURCE.json),
where a field run of migrate went wrong (tests/field/blind/migrate-targets-2026-12-12.json):

- bvaughn/react-window --to npm / yarn: exit 2, "standard output: is a directory" (workspaces named
  next and vite); npm 11 and yarn 1.22.22 refuse its `workspace:*` specs;
- vercel/swr --to yarn: `"swr": "workspace:*"` (the project itself) reported as a missing swr whose
  fix was to declare swr; yarn 1.22.22 refuses the spec;
- w3tecch/express-typescript-boilerplate --to yarn-pnp: tslib, required by TypeScript's output under
  `importHelpers`, not reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main

FIELD = Path(__file__).resolve().parent / "migrate"


def _migrate(case: str, target: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(FIELD / case), "--lockfile", "--to", target, "--json"]
    )
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_every_case_says_where_it_comes_from() -> None:
    for case in FIELD.iterdir():
        source = json.loads((case / "SOURCE.json").read_text())
        assert len(source["commit"]) == 40
        assert sorted(source["kept"]) == sorted(
            str(path.relative_to(case)) for path in case.rglob("*") if path.is_file() and path.name != "SOURCE.json"
        )


@pytest.mark.parametrize("target", ["npm", "nested", "npm-linked", "yarn"])
def test_react_window_plans_and_names_the_refused_specs(target: str) -> None:
    code, findings = _migrate("react-window-pnpm", target)
    errors = sorted((item["code"], item["from"], item["line"]) for item in findings if item["severity"] == "error")
    assert errors == [
        *(
            ("unsupported-dependency-protocol", f"integrations/{name}/package.json", line)
            for name, line in (("next", 15), ("tests", 13), ("vike", 12), ("vite", 14))
        ),
        # its workspaces are in pnpm-workspace.yaml alone, which npm and yarn do not read (npm 11.19.1
        # installs none of them); the fix declares them in package.json, and the plan assumes it followed
        ("workspaces-not-read", "pnpm-workspace.yaml", 1),
    ]
    assert code == 1
    # npm links the workspace `vite` first: the project's own vite@7 is no longer installed
    changed = {(item["from"], item["request"]) for item in findings if item["code"] == "resolution-changed"}
    assert ((".", "vite") in changed) is (target != "yarn"), changed


def test_swr_self_reference_is_a_refused_spec_with_a_fix_that_works() -> None:
    _code, findings = _migrate("swr-pnpm", "yarn")
    errors = [item for item in findings if item["severity"] == "error" and item["code"] != "workspaces-not-read"]
    [unread] = [item for item in findings if item["code"] == "workspaces-not-read"]
    # yarn 1 enables workspaces in a private project only ("Workspaces can only be enabled in private projects")
    assert unread["fix"] == (
        'add "workspaces": ["_internal", "core", "immutable", "infinite", "mutation", "test/e2e/site"]'
        ' and "private": true to package.json'
    )
    assert [(item["code"], item["from"], item["request"]) for item in errors] == [
        ("unsupported-dependency-protocol", "package.json", "swr"),
        ("unsupported-dependency-protocol", "test/e2e/site/package.json", "swr"),
    ]
    assert [item["fix"] for item in errors] == [
        'remove "swr" from devDependencies in package.json: node finds the package\'s own name from inside it '
        'through its "exports"',
        'replace "workspace:*" with "link:../../.." for "swr" in test/e2e/site/package.json '
        "(a link to the project's folder)",
    ]


def test_express_typescript_boilerplate_needs_tslib_under_pnp() -> None:
    _code, findings = _migrate("express-ts-yarn1", "yarn-pnp")
    assert [(item["severity"], item["request"], item["from"]) for item in findings] == [
        ("error", "tslib", "test/utils/database.ts")
    ]
