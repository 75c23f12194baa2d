"""A fresh Plug'n'Play install, as yarn 4 leaves it (no node_modules; zips in a cache outside the
project, as its global cache keeps them): ``verify`` reads it as installed, and ``check`` judges an
installed package's undeclared require as node would meet it (a feature probe in a try block, a
declaration file whose types come from a declared ``@types`` package).

The shapes are toss/es-toolkit's (yarn 4.12.0, PnP): debug's ``require('supports-color')`` in a try
block, @types/markdown-it's ``index.d.ts`` importing ``linkify-it`` (it declares
``@types/linkify-it``), and @vercel/next's ``require('@vercel/build-utils')``, which fails."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from nmdoctor.api import check
from nmdoctor.cli.main import main
from nmdoctor.inspect.pnp_tree import read_pnp_tree
from nmdoctor.vfs import DiskFS

# As @types/markdown-it maps them: declaration files under the runtime conditions.
TYPED_EXPORTS = {".": {"import": "./index.d.mts", "require": "./index.d.ts"}}
# name, version, package.json extras, files, dependencies (name -> version) as yarn resolved them
PACKAGES: list[tuple[str, str, dict[str, Any], dict[str, str]]] = [
    ("probe", "1.0.0", {}, {"index.js": "try { require('color'); } catch (error) {}\n"}),
    (
        "typed",
        "1.0.0",
        {"exports": TYPED_EXPORTS, "dependencies": {"@types/color": "^1.0.0"}},
        {
            "index.d.mts": "export * from './index.js';\n",
            "index.d.ts": "import { Color } from 'color';\nexport declare const c: Color;\n",
        },
    ),
    ("loose", "1.0.0", {}, {"index.js": "module.exports = require('color');\n"}),
    ("loosetypes", "1.0.0", {"exports": TYPED_EXPORTS}, {"index.d.ts": "import 'color';\n"}),
    ("color", "1.0.0", {}, {"index.js": ""}),
    ("@types/color", "1.0.0", {}, {"index.d.ts": "export type Color = string;\n"}),
]
DEPENDENCIES = {"typed": {"@types/color": "1.0.0"}}
ROOT = {"name": "app", "version": "1.0.0", "dependencies": {n: f"^{v}" for n, v, _, _ in PACKAGES if n != "color"}}


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _slug(name: str) -> str:
    return name.replace("@", "").replace("/", "-")


def _pnp_project(tmp_path: Path) -> Path:
    """The project in ``tmp_path/app``; its zips in ``tmp_path/cache`` (yarn's global cache)."""
    project, cache = tmp_path / "app", tmp_path / "cache"
    project.mkdir()
    cache.mkdir()
    (project / "package.json").write_text(json.dumps(ROOT))
    registry: list[Any] = []
    root_deps = [[name, f"npm:{version}"] for name, version, _, _ in PACKAGES if name in ROOT["dependencies"]]
    workspace = {"packageLocation": "./", "packageDependencies": root_deps, "linkType": "SOFT"}
    registry.append([None, [[None, workspace]]])
    registry.append(["app", [["workspace:.", workspace]]])
    lock = ['__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n'
            '  resolution: "app@workspace:."\n  dependencies:\n']  # fmt: skip
    lock += [f'    {json.dumps(name)}: "npm:^{version.removeprefix("npm:")}"\n' for name, version in root_deps]
    lock.append("  languageName: unknown\n  linkType: soft\n\n")
    for name, version, extra, files in PACKAGES:
        archive = f"{_slug(name)}-npm-{version}-0123456789-10c0.zip"
        manifest = {"name": name, "version": version, **extra}
        inside = {f"node_modules/{name}/{path}": text for path, text in files.items()}
        inside[f"node_modules/{name}/package.json"] = json.dumps(manifest)
        (cache / archive).write_bytes(_zip(inside))
        own = DEPENDENCIES.get(name, {})
        dependencies = [[name, f"npm:{version}"]] + [[dep, f"npm:{v}"] for dep, v in own.items()]
        location = f"../cache/{archive}/node_modules/{name}/"
        information = {"packageLocation": location, "packageDependencies": dependencies, "linkType": "HARD"}
        registry.append([name, [[f"npm:{version}", information]]])
        lock.append(f'"{name}@npm:^{version}":\n  version: {version}\n  resolution: "{name}@npm:{version}"\n')
        if own:
            lock.append("  dependencies:\n")
            lock += [f'    {json.dumps(dep)}: "npm:^{v}"\n' for dep, v in own.items()]
        lock.append("  checksum: 10c0/00\n  languageName: node\n  linkType: hard\n\n")
    state = {
        "dependencyTreeRoots": [{"name": "app", "reference": "workspace:."}],
        "enableTopLevelFallback": True,
        "ignorePatternData": None,
        "fallbackExclusionList": [["app", ["workspace:."]]],
        "fallbackPool": [],
        "packageRegistryData": registry,
    }
    (project / ".pnp.data.json").write_text(json.dumps(state))
    (project / ".pnp.cjs").write_text("#!/usr/bin/env node\n/* yarn's runtime, which reads .pnp.data.json */\n")
    (project / "yarn.lock").write_text("".join(lock))
    return project


def test_verify_reads_a_plug_n_play_install_as_installed(tmp_path: Path) -> None:
    project = _pnp_project(tmp_path)
    result = CliRunner(mix_stderr=False).invoke(main, ["verify", str(project), "--json"])
    document = json.loads(result.stdout)
    assert document["summary"]["layout"] == "yarn-berry-pnp"
    assert document["findings"] == []
    assert result.exit_code == 0


def test_an_installed_package_s_probe_and_type_imports_are_not_errors_under_pnp(tmp_path: Path) -> None:
    project = _pnp_project(tmp_path)
    disk = DiskFS()
    graph = read_pnp_tree(disk, str(project))
    found = {
        (finding.package.name if finding.package else None, finding.severity.value)
        for finding in check(graph, fs=disk, select=["phantom-dependency"])
    }
    # typed's index.d.ts finds color's types in the @types/color it declares: nothing to say.
    assert found == {("probe", "info"), ("loosetypes", "warning"), ("loose", "error")}


def test_a_plug_n_play_install_has_no_extraneous_package(tmp_path: Path) -> None:
    """Its state maps only what yarn resolved (color is there for no declared dependency of the
    fixture, as fsevents' node-gyp is in toss/es-toolkit's for a package skipped on linux): a
    reinstall would map it again."""
    project = _pnp_project(tmp_path)
    disk = DiskFS()
    assert check(read_pnp_tree(disk, str(project)), fs=disk, select=["extraneous-package"]) == []
