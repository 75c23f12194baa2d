"""Yarn 4's `patch:` specs under `migrate --to pnpm`, against real yarn 4.18.1 and pnpm 10.34.8.

`yarn patch` then `yarn patch-commit -s` writes the direct dependency `lib` as a `patch:` spec in
`dependencies`, and the transitive `inner` as a `resolutions` entry. pnpm 10 links a folder named
after the spec, which does not exist: node throws for `lib` (the error), and `inner` would be broken
the same way (a warning, since pnpm 11 and later ignore `resolutions` and install it unpatched). The
fixes, followed (plain versions, the patch files under pnpm-workspace.yaml's `patchedDependencies`),
give a pnpm install whose code is patched as yarn's was.
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
from tests.installs.managers import TOOLS, install, install_in, pnpm_import, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "lib", "version": "1.0.0", "files": {"index.js": "module.exports = 'original';\n"}},
    {"name": "inner", "version": "1.0.0", "files": {"index.js": "module.exports = 'original';\n"}},
    {
        "name": "wrap",
        "version": "1.0.0",
        "dependencies": {"inner": "^1.0.0"},
        "files": {"index.js": "module.exports = require('inner');\n"},
    },
]
CHECK = "console.log(JSON.stringify([require('lib'), require('wrap')]))"


def _yarn(project: Path, *args: str) -> str:
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": str(project.parent / ".home"), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    command = ["node", str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=True).stdout


def _patch(project: Path, name: str) -> None:
    folder = json.loads(_yarn(project, "patch", name, "--json").strip().splitlines()[-1])["path"]
    Path(folder, "index.js").write_text("module.exports = 'patched';\n")
    _yarn(project, "patch-commit", "-s", folder)


def _loaded(project: Path) -> list[str] | None:
    run = subprocess.run(["node", "-e", CHECK], cwd=project, capture_output=True, text=True, check=False)
    return json.loads(run.stdout) if run.returncode == 0 else None


def _patched(tmp_path: Path, registry: str) -> Path:
    """The yarn 4 project with `lib` and `inner` patched by yarn's own commands."""
    manifest = {"name": "app", "version": "1.0.0", "dependencies": {"lib": "1.0.0", "wrap": "1.0.0"}}
    today = install(manifest, {}, "yarn-berry-nm", registry, tmp_path / "yarn")
    _patch(today, "lib")
    _patch(today, "inner")
    _yarn(today, "install")
    assert _loaded(today) == ["patched", "patched"]
    return today


def test_npm_refuses_a_patch_spec_and_the_fix_installs_unpatched(tmp_path: Path) -> None:
    """npm 11.19.1 stops at `patch:` (EUNSUPPORTEDPROTOCOL); with the plain version it installs, and
    the package runs unpatched, as the fix says."""
    with Registry(PACKAGES) as registry:
        today = _patched(tmp_path, registry.url)
        fs = DiskFS()
        findings = migrate(load_project(str(today), fs=fs), fs, "npm").findings
        [refused] = [item for item in findings if item.code == "unsupported-dependency-protocol"]
        assert (refused.severity.value, refused.request, refused.line) == ("error", "lib", 5)
        assert 'EUNSUPPORTEDPROTOCOL Unsupported URL Type "patch:"' in refused.message
        switched = tmp_path / "npm"
        shutil.copytree(today, switched, ignore=shutil.ignore_patterns("node_modules", ".yarnrc.yml", "yarn.lock"))
        with pytest.raises(RuntimeError, match="EUNSUPPORTEDPROTOCOL"):
            install_in(switched, "npm-hoisted", registry.url)
        found = re.match(r'replace "([^"]+)" with "([^"]+)" for "lib" in package.json', refused.fix or "")
        assert found, refused.fix
        data = json.loads((switched / "package.json").read_text())
        data["dependencies"]["lib"] = found.group(2)
        (switched / "package.json").write_text(json.dumps(data, indent=2))
        install_in(switched, "npm-hoisted", registry.url)
    # npm reads no `resolutions` either: both run unpatched
    assert _loaded(switched) == ["original", "original"]


def test_patch_specs_break_under_pnpm_and_the_fixes_keep_the_patches(tmp_path: Path) -> None:
    with Registry(PACKAGES) as registry:
        today = _patched(tmp_path, registry.url)
        written = json.loads((today / "package.json").read_text())
        assert written["dependencies"]["lib"].startswith("patch:lib@npm%3A1.0.0#~/.yarn/patches/")
        assert [spec.startswith("patch:inner@") for spec in written["resolutions"].values()] == [True]
        fs = DiskFS()
        findings = [
            item
            for item in migrate(load_project(str(today), fs=fs), fs, "pnpm").findings
            if item.code == "unsupported-dependency-protocol"
        ]
        assert sorted((item.severity.value, item.from_, item.line) for item in findings) == [
            ("error", "package.json", 5),
            ("warning", "package.json", 9),
        ]
        ignore = shutil.ignore_patterns("node_modules", ".yarnrc.yml", "cache", "install-state.gz")
        as_is = tmp_path / "as-is"
        shutil.copytree(today, as_is, ignore=ignore)
        pnpm_import(as_is, registry.url)
        assert _loaded(as_is) is None  # node: Cannot find module 'lib'
        fixed = tmp_path / "fixed"
        shutil.copytree(today, fixed, ignore=ignore)
        patched: dict[str, str] = {}
        for item in findings:
            fix = item.fix or ""
            found = re.search(r"add `([^:`]+): ([^`]+)` under `patchedDependencies:`", fix)
            assert found, fix
            patched[found.group(1)] = found.group(2)
            replace = re.match(r'replace "([^"]+)" with "([^"]+)" for "([^"]+)" in package.json', fix)
            remove = re.match(r'remove "([^"]+)" from "resolutions" in package.json', fix)
            data = json.loads((fixed / "package.json").read_text())
            if replace:
                data["dependencies"][replace.group(3)] = replace.group(2)
            else:
                assert remove, fix
                del data["resolutions"][remove.group(1)]
            (fixed / "package.json").write_text(json.dumps(data, indent=2))
        assert patched == {
            "lib@1.0.0": next(str(path.relative_to(today)) for path in (today / ".yarn/patches").glob("lib-*")),
            "inner@1.0.0": next(str(path.relative_to(today)) for path in (today / ".yarn/patches").glob("inner-*")),
        }
        (fixed / "pnpm-workspace.yaml").write_text(json.dumps({"patchedDependencies": patched}))
        pnpm_import(fixed, registry.url)
    assert _loaded(fixed) == ["patched", "patched"]
