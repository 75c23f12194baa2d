"""`migrate --to npm` / `--to yarn` of a pnpm project whose package.json files use `workspace:` and
`catalog:`, against the real npm 11 and yarn 1.22.22.

The ground truth: each manager refuses the project as it stands, with the words the finding quotes
(vercel/swr's `"swr": "workspace:*"`, vue-core's `catalog:`); once every printed fix is applied, the
same manager installs it and each of those dependencies resolves to what pnpm linked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS, install, install_in, tools_available
from tests.installs.registry import Registry
from tests.installs.scenarios import PACKAGES

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

ROOT = {
    "name": "mono",
    "version": "1.0.0",
    "private": True,
    "exports": {".": "./index.js"},
    "devDependencies": {"mono": "workspace:*", "c": "catalog:"},
}
FILES = {
    "index.js": "module.exports = 'mono';\n",
    "pnpm-workspace.yaml": "packages:\n  - packages/*\ncatalog:\n  c: ^1.0.0\ncatalogs:\n  tools:\n    d: ^1.0.0\n",
    "packages/lib/package.json": json.dumps({"name": "lib", "version": "1.2.0", "main": "index.js"}),
    "packages/lib/index.js": "module.exports = 'lib';\n",
    "packages/app/package.json": json.dumps(
        {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {"lib": "workspace:^", "mono": "workspace:*", "d": "catalog:tools"},
        },
        indent=2,
    ),
    "packages/app/index.js": "module.exports = [require('lib'), require('mono'), require('d/package.json').version];\n",
}
# what the real manager prints, what the finding says
WORDS = {
    "npm": (r"EUNSUPPORTEDPROTOCOL", r"Unsupported URL Type \"(workspace|catalog):\""),
    "yarn": (
        r"Couldn't find any versions for|/mono: not found",
        r"asks the registry for a version of \"\S+\" matching",
    ),
}
MODES = {"npm": "npm-hoisted", "yarn": "yarn-classic"}


def _apply(project: Path, fix: str) -> None:
    """Follow a printed fix: `replace "X" with "Y" for "name" in FILE` or `remove "name" from FIELD in FILE`."""
    replace = re.match(r'replace "([^"]+)" with "([^"]+)" for "([^"]+)" in (\S+)', fix)
    remove = re.match(r'remove "([^"]+)" from (\w+) in (\S+?):', fix)
    if replace:
        spec, new, name, file = replace.groups()
        path = project / file
        data = json.loads(path.read_text())
        for field in ("dependencies", "devDependencies"):
            if data.get(field, {}).get(name) == spec:
                data[field][name] = new
    else:
        assert remove, fix
        name, field, file = remove.groups()
        path = project / file
        data = json.loads(path.read_text())
        del data[field][name]
    path.write_text(json.dumps(data, indent=2))


def _run_app(project: Path) -> list[object]:
    output = subprocess.run(
        ["node", "-p", "JSON.stringify(require('./packages/app/index.js'))"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout)


@pytest.mark.parametrize("target", ["npm", "yarn"])
def test_refused_protocols_are_reported_and_their_fixes_install(tmp_path: Path, target: str) -> None:
    with Registry(PACKAGES) as registry:
        pnpm_project = install(ROOT, FILES, "pnpm-isolated", registry.url, tmp_path / "pnpm")
        assert _run_app(pnpm_project) == ["lib", "mono", "1.0.0"]
        fs = DiskFS()
        graph = load_project(str(pnpm_project), fs=fs)
        errors = [item for item in migrate(graph, fs, target).findings if item.severity.value == "error"]
        # the workspaces are in pnpm-workspace.yaml only: declared in package.json as the fix says
        # (below), npm and yarn 1 install them
        [unread] = [item for item in errors if item.code == "workspaces-not-read"]
        assert unread.fix == 'add "workspaces": ["packages/*"] to package.json'
        findings = [item for item in errors if item is not unread]
        refused = sorted((item.from_, item.line, item.request) for item in findings)
        assert all(item.code == "unsupported-dependency-protocol" for item in findings)
        assert refused == [
            ("package.json", 9, "mono"),
            ("package.json", 10, "c"),
            ("packages/app/package.json", 5, "lib"),
            ("packages/app/package.json", 6, "mono"),
            ("packages/app/package.json", 7, "d"),
        ]
        # the real manager refuses the project as it stands, in the words quoted
        project = tmp_path / target
        shutil.copytree(pnpm_project, project, ignore=shutil.ignore_patterns("node_modules", "pnpm-lock.yaml"))
        manifest = json.loads((project / "package.json").read_text())
        (project / "package.json").write_text(json.dumps({**manifest, "workspaces": ["packages/*"]}, indent=2))
        real_words, our_words = WORDS[target]
        with pytest.raises(RuntimeError, match=real_words):
            install_in(project, MODES[target], registry.url)
        assert all(re.search(our_words, item.message) for item in findings)
        # every fix followed: the same manager installs it, and the app loads what pnpm gave it
        for item in findings:
            assert item.fix, item.message
            _apply(project, item.fix)
        install_in(project, MODES[target], registry.url)
    assert _run_app(project) == ["lib", "mono", "1.0.0"]


def _yarn_catalogs(fixes: list[str]) -> dict[str, object]:
    """Follow printed fixes ``add `name: range` under `catalog:` in .yarnrc.yml`` (or under
    ``catalogs:` > `tools:``): the .yarnrc.yml settings they add."""
    settings: dict[str, dict[str, object]] = {}
    for fix in fixes:
        found = re.match(
            r"add `([^:`]+): ([^`]+)` under `(catalog|catalogs):`(?: > `([^:`]+):`)? in \.yarnrc\.yml", fix
        )
        assert found, fix
        name, spec, key, catalog = found.groups()
        entries = settings.setdefault(key, {})
        if catalog is not None:
            entries = entries.setdefault(catalog, {})  # type: ignore[assignment]
        entries[name] = spec
    return dict(settings)


@pytest.mark.parametrize("target", ["yarn-berry", "yarn-pnp"])
def test_yarn_4_refuses_catalogs_it_does_not_read_and_the_fixes_install(tmp_path: Path, target: str) -> None:
    """Yarn 4.18.1 reads ``workspace:`` itself and ``catalog:`` only from .yarnrc.yml: the project
    pnpm installs stops yarn's resolution with YN0082 for `c` and `d`, and installs once the printed
    entries are in .yarnrc.yml."""
    with Registry(PACKAGES) as registry:
        pnpm_project = install(ROOT, FILES, "pnpm-isolated", registry.url, tmp_path / "pnpm")
        fs = DiskFS()
        graph = load_project(str(pnpm_project), fs=fs)
        if target == "yarn-pnp":
            from nmdoctor.migrate.pnp import migrate_to_pnp

            errors = [item for item in migrate_to_pnp(graph, fs).findings if item.severity.value == "error"]
        else:
            errors = [item for item in migrate(graph, fs, target).findings if item.severity.value == "error"]
        # pnpm-workspace.yaml's workspaces: declared in package.json as the fix says (below)
        [unread] = [item for item in errors if item.code == "workspaces-not-read"]
        assert unread.fix == 'add "workspaces": ["packages/*"] to package.json'
        findings = [item for item in errors if item is not unread]
        assert sorted((item.code, item.from_, item.line, item.request) for item in findings) == [
            ("unsupported-dependency-protocol", "package.json", 10, "c"),
            ("unsupported-dependency-protocol", "packages/app/package.json", 7, "d"),
        ]
        assert all("YN0082" in item.message for item in findings)
        project = tmp_path / target
        shutil.copytree(pnpm_project, project, ignore=shutil.ignore_patterns("node_modules", "pnpm-lock.yaml"))
        manifest = json.loads((project / "package.json").read_text())
        (project / "package.json").write_text(json.dumps({**manifest, "workspaces": ["packages/*"]}, indent=2))
        with pytest.raises(RuntimeError) as refused:
            install_in(project, "yarn-berry-nm", registry.url)
        # the real words, which the finding quotes
        real = re.findall(r"(YN0082): \S+ (c@catalog:: default catalog not found or empty)", str(refused.value))
        assert real and f"{real[0][0]}: {real[0][1]}" in next(item.message for item in findings if item.request == "c")
        install_in(project, "yarn-berry-nm", registry.url, yarnrc=_yarn_catalogs([item.fix or "" for item in findings]))
    assert _run_app(project) == ["lib", "mono", "1.0.0"]
    # the root's `"mono": "workspace:*"`, which yarn 4 links nowhere at the root: node finds the
    # package's own name through its "exports", so no missing-dependency was reported for it
    assert not (project / "node_modules" / "mono").exists()
    found = subprocess.run(["node", "-p", "require('mono')"], cwd=project, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "mono"


YARN_ROOT = {
    "name": "mono",
    "version": "1.0.0",
    "private": True,
    "workspaces": ["packages/*"],
    "devDependencies": {"c": "catalog:"},
}
YARN_FILES = {key: value for key, value in FILES.items() if key != "pnpm-workspace.yaml"}
YARN_CATALOGS = {"catalog": {"c": "^1.0.0"}, "catalogs": {"tools": {"d": "^1.0.0"}}}


@pytest.mark.parametrize("target", ["pnpm", "npm"])
def test_a_yarn_4_projects_catalogs_are_refused_by_pnpm_and_npm_and_the_fixes_install(
    tmp_path: Path, target: str
) -> None:
    """A yarn 4 project keeps its catalogs in .yarnrc.yml: pnpm 10.34.8 reads them from
    pnpm-workspace.yaml alone (ERR_PNPM_CATALOG_ENTRY_NOT_FOUND_FOR_SPEC) and npm not at all; the
    range each printed fix writes comes from .yarnrc.yml, and followed, the manager installs."""
    with Registry(PACKAGES) as registry:
        yarn_project = install(
            YARN_ROOT, YARN_FILES, "yarn-berry-nm", registry.url, tmp_path / "yarn", yarnrc=YARN_CATALOGS
        )
        assert _run_app(yarn_project) == ["lib", "mono", "1.0.0"]
        fs = DiskFS()
        graph = load_project(str(yarn_project), fs=fs)
        errors = [item for item in migrate(graph, fs, target).findings if item.severity.value == "error"]
        # pnpm reads the workspaces from pnpm-workspace.yaml only: written below with the packages the fix lists
        unread = [item.fix for item in errors if item.code == "workspaces-not-read"]
        assert unread == (
            ['create pnpm-workspace.yaml beside package.json with `packages: ["packages/*"]`']
            if target == "pnpm"
            else []
        )
        findings = [item for item in errors if item.code != "workspaces-not-read"]
        # lines of the files as yarn 4 left them (it sorts a workspace's dependencies)
        expected = [("package.json", 9, "c"), ("packages/app/package.json", 5, "d")]
        if target == "npm":  # npm refuses workspace: too
            expected = sorted(
                [*expected, ("packages/app/package.json", 6, "lib"), ("packages/app/package.json", 7, "mono")]
            )
        assert sorted((item.from_, item.line, item.request) for item in findings) == expected
        assert all(item.code == "unsupported-dependency-protocol" and item.fix for item in findings)
        project = tmp_path / target
        shutil.copytree(
            yarn_project, project, ignore=shutil.ignore_patterns("node_modules", "yarn.lock", ".yarnrc.yml")
        )
        mode = "pnpm-isolated" if target == "pnpm" else "npm-hoisted"
        # the real manager's words (pnpm's silent reporter, which install_in uses, prints none)
        command = [*(["node", str(TOOLS / "pnpm" / "bin" / "pnpm.cjs")] if target == "pnpm" else ["npm"]), "install"]
        refused = subprocess.run(
            [*command, "--ignore-scripts", f"--registry={registry.url}"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
            env={
                **os.environ,
                "npm_config_store_dir": str(tmp_path / "store"),
                "npm_config_cache": str(tmp_path / "npm"),
            },
        )
        real = {"pnpm": "ERR_PNPM_CATALOG_ENTRY_NOT_FOUND_FOR_SPEC", "npm": "EUNSUPPORTEDPROTOCOL"}[target]
        assert refused.returncode != 0 and real in refused.stdout + refused.stderr
        assert all(real in item.message for item in findings if item.request == "c")
        workspace_yaml: dict[str, dict[str, object]] = {}
        for item in findings:
            assert item.fix is not None
            if target == "npm":
                _apply(project, item.fix)
            else:
                for key, entries in _yarn_catalogs([item.fix.replace("pnpm-workspace.yaml", ".yarnrc.yml")]).items():
                    for name, value in entries.items():  # type: ignore[attr-defined]
                        workspace_yaml.setdefault(key, {})[name] = value
        if workspace_yaml:
            (project / "pnpm-workspace.yaml").write_text(json.dumps({"packages": ["packages/*"], **workspace_yaml}))
        install_in(project, mode, registry.url)
    assert _run_app(project) == ["lib", "mono", "1.0.0"]
