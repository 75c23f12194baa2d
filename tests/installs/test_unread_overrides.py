"""`migrate --to npm|yarn|yarn-berry` of an override the target does not read: npm 11.19.1 reads only
`overrides`, yarn 1.22.22 and 4.18.1 only `resolutions`; pnpm's `pnpm.overrides` neither. Today the
override forces strict's `lint@~7.20.0` up to 7.25.0; switched as is (the old lockfile removed), the
real target installs a 7.20.x again; each fix printed, followed, keeps 7.25.0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, install_in, pnpm_import, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "lint", "version": "7.20.0"},
    {"name": "lint", "version": "7.25.0"},
    {"name": "strict", "version": "1.0.0", "dependencies": {"lint": "~7.20.0"}},
]
MODES = {"npm": "npm-hoisted", "yarn": "yarn-classic", "yarn-berry": "yarn-berry-nm"}
LOCKFILES = ("package-lock.json", "yarn.lock", "pnpm-lock.yaml", ".yarnrc.yml", ".pnp.cjs")


def _lint_of(project: Path, source: str) -> set[str]:
    graph = load_project(str(project), fs=DiskFS())
    return {
        edge.target.version
        for edge in graph.edges
        if edge.name == "lint" and edge.target is not None and edge.source.name == source
    }


def _switched(project: Path, dest: Path, target: str, registry: str, manifest: dict[str, Any] | None = None) -> Path:
    """The project installed by the target's real manager, its old lockfile removed."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("node_modules", *LOCKFILES))
    if manifest is not None:
        (dest / "package.json").write_text(json.dumps(manifest, indent=2))
    return install_in(dest, MODES[target], registry)


def _follow(fix: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """package.json with the fix applied: `add `KEY: VALUE` under "FIELD"`, and a declared spec."""
    followed = json.loads(json.dumps(manifest))
    added = fix.partition("add `")[2].partition("` under ")
    key, _, value = added[0].partition(": ")
    field = added[2].split('"')[1]
    followed.setdefault(field, {})[json.loads(key)] = json.loads(value)
    if fix.startswith("declare "):
        name, _, spec = fix.removeprefix("declare ").partition(" in package.json")[0].partition(": ")
        followed["dependencies"][json.loads(name)] = json.loads(spec)
    return followed


CASES = [
    # (today's mode, its override fields, the target, the fix printed)
    (
        "pnpm-isolated",
        {"pnpm": {"overrides": {"lint": "7.25.0"}}},
        "npm",
        'add `"lint": "7.25.0"` under "overrides" in package.json',
    ),
    (
        "pnpm-isolated",
        {"pnpm": {"overrides": {"strict>lint": "7.25.0"}}},
        "yarn",
        'add `"**/strict/lint": "7.25.0"` under "resolutions" in package.json',
    ),
    (
        "npm-hoisted",
        {"overrides": {"strict": {"lint": "7.25.0"}}},
        "yarn-berry",
        'add `"strict/lint": "7.25.0"` under "resolutions" in package.json',
    ),
    (
        "npm-hoisted",
        {"overrides": {"lint": "7.25.0"}},
        "yarn",
        'add `"lint": "7.25.0"` under "resolutions" in package.json',
    ),
    (
        "yarn-classic",
        {"resolutions": {"**/strict/lint": "7.25.0"}},
        "npm",
        'add `"strict": {"lint": "7.25.0"}` under "overrides" in package.json',
    ),
]


@pytest.mark.parametrize(("mode", "fields", "target", "fix"), CASES)
def test_an_override_the_target_does_not_read_is_a_warning_whose_fix_keeps_it(
    tmp_path: Path, mode: str, fields: dict[str, Any], target: str, fix: str
) -> None:
    manifest: dict[str, Any] = {"name": "app", "version": "1.0.0", "dependencies": {"strict": "1.0.0"}, **fields}
    with Registry(PACKAGES) as registry:
        project = install(manifest, {}, mode, registry.url, tmp_path / "today")
        assert _lint_of(project, "strict") == {"7.25.0"}
        fs = DiskFS()
        findings = migrate(load_project(str(project), fs=fs), fs, target).findings
        [found] = [item for item in findings if item.code == "resolution-changed" and item.request == "lint"]
        assert (found.severity.value, found.from_, found.fix) == ("warning", "package.json", fix)
        assert found.line is not None
        assert _lint_of(_switched(project, tmp_path / "as-is", target, registry.url), "strict") == {"7.20.0"}
        fixed = _switched(project, tmp_path / "fixed", target, registry.url, _follow(fix, manifest))
        assert _lint_of(fixed, "strict") == {"7.25.0"}


def test_under_npm_an_override_of_a_direct_dependency_moves_its_spec_too(tmp_path: Path) -> None:
    """pnpm's `pnpm.overrides` forces the root's own `lint@~7.20.0` and strict's to 7.25.0 (yarn 1.22.22
    does not: a resolution incompatible with the root's own range is dropped). npm 11.19.1
    refuses `"overrides": {"lint": "7.25.0"}` beside `"lint": "~7.20.0"` (EOVERRIDE); the fix
    declares the override's spec and refers to it."""
    manifest: dict[str, Any] = {"name": "app", "version": "1.0.0", "pnpm": {"overrides": {"lint": "7.25.0"}}}
    manifest["dependencies"] = {"strict": "1.0.0", "lint": "~7.20.0"}
    with Registry(PACKAGES) as registry:
        project = install(manifest, {}, "pnpm-isolated", registry.url, tmp_path / "today")
        assert _lint_of(project, "app") == {"7.25.0"}
        fs = DiskFS()
        findings = migrate(load_project(str(project), fs=fs), fs, "npm").findings
        [found] = [item for item in findings if item.code == "resolution-changed" and item.from_ == "package.json"]
        assert found.fix == (
            'declare "lint": "7.25.0" in package.json and add `"lint": "$lint"` under "overrides" '
            "(npm refuses an override of a direct dependency at another spec)"
        )
        plain = json.loads(json.dumps(manifest))
        plain["overrides"] = {"lint": "7.25.0"}
        with pytest.raises(RuntimeError, match="EOVERRIDE"):
            _switched(project, tmp_path / "plain", "npm", registry.url, plain)
        fixed = _switched(project, tmp_path / "fixed", "npm", registry.url, _follow(found.fix or "", manifest))
        assert _lint_of(fixed, "strict") == {"7.25.0"}
        assert _lint_of(fixed, "app") == {"7.25.0"}


def test_pnpm_workspace_yaml_overrides_under_npm(tmp_path: Path) -> None:
    """pnpm-workspace.yaml's `overrides:` (which pnpm 10, 11 and 12 read): npm reads no such file."""
    manifest: dict[str, Any] = {"name": "app", "version": "1.0.0", "dependencies": {"strict": "1.0.0"}}
    files = {"pnpm-workspace.yaml": "packages: []\noverrides:\n  lint: 7.25.0\n"}
    with Registry(PACKAGES) as registry:
        project = install(manifest, files, "pnpm-isolated", registry.url, tmp_path / "today")
        assert _lint_of(project, "strict") == {"7.25.0"}
        fs = DiskFS()
        findings = migrate(load_project(str(project), fs=fs), fs, "npm").findings
        [found] = [item for item in findings if item.code == "resolution-changed" and item.request == "lint"]
        assert (found.from_, found.line) == ("pnpm-workspace.yaml", 3)
        assert 'npm reads only its "overrides", not pnpm-workspace.yaml\'s "overrides"' in found.message
        assert _lint_of(_switched(project, tmp_path / "as-is", "npm", registry.url), "strict") == {"7.20.0"}
        fixed = _switched(project, tmp_path / "fixed", "npm", registry.url, _follow(found.fix or "", manifest))
        assert _lint_of(fixed, "strict") == {"7.25.0"}


def test_under_yarn_pnp_the_fix_is_yarn_berry_s(tmp_path: Path) -> None:
    """yarn's PnP linker reads the same `resolutions` as its node-modules one (the fix installed by
    real yarn 4.18.1 above)."""
    from nmdoctor.migrate.pnp import migrate_to_pnp

    manifest: dict[str, Any] = {"name": "app", "version": "1.0.0", "dependencies": {"strict": "1.0.0"}}
    manifest["overrides"] = {"strict": {"lint": "7.25.0"}}
    with Registry(PACKAGES) as registry:
        project = install(manifest, {}, "npm-hoisted", registry.url, tmp_path / "today")
    fs = DiskFS()
    findings = migrate_to_pnp(load_project(str(project), fs=fs), fs).findings
    [found] = [item for item in findings if item.code == "resolution-changed" and item.request == "lint"]
    assert found.fix == 'add `"strict/lint": "7.25.0"` under "resolutions" in package.json'
    assert found.message.startswith('under yarn-berry-pnp, yarn reads only its "resolutions", not npm\'s "overrides"')


@pytest.mark.parametrize(
    ("target", "fix"),
    [
        ("yarn", 'add `"lint": "7.25.0"` under "resolutions" in package.json'),
        (
            "pnpm",
            'add `"lint": "7.25.0"` under `overrides:` in pnpm-workspace.yaml (pnpm\'s key for the same override)',
        ),
    ],
)
def test_an_override_referring_to_the_root_s_spec_is_written_out(tmp_path: Path, target: str, fix: str) -> None:
    """npm's `"lint": "$lint"` forces strict's `lint@~7.20.0` to the root's own `7.25.0`; the fix
    writes the version out (yarn has no references)."""
    manifest: dict[str, Any] = {"name": "app", "version": "1.0.0", "overrides": {"lint": "$lint"}}
    manifest["dependencies"] = {"strict": "1.0.0", "lint": "7.25.0"}
    with Registry(PACKAGES) as registry:
        project = install(manifest, {}, "npm-hoisted", registry.url, tmp_path / "today")
        assert _lint_of(project, "strict") == {"7.25.0"}
        fs = DiskFS()
        findings = migrate(load_project(str(project), fs=fs), fs, target).findings
        [found] = [item for item in findings if item.code == "resolution-changed" and item.from_ == "package.json"]
        assert found.fix == fix
        if target == "yarn":
            fixed = _switched(project, tmp_path / "fixed", target, registry.url, _follow(fix, manifest))
        else:
            fixed = tmp_path / "fixed"
            shutil.copytree(project, fixed, ignore=shutil.ignore_patterns("node_modules"))
            (fixed / "pnpm-workspace.yaml").write_text(json.dumps({"overrides": {"lint": "7.25.0"}}))
            pnpm_import(fixed, registry.url)
        assert _lint_of(fixed, "strict") == {"7.25.0"}
