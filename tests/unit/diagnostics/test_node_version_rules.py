"""require-of-esm and node-version-dependent-import, with every expected answer run through the real
node binary of that version (tests/node_tools/old: 20.18.3, 20.19.0, 22.11.0, 22.12.0;
tests/node_tools/versions: 20.20.2, 22.23.5, 24.22.3, 26.12.1)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.diagnostics.rules.node_versions import candidate_versions
from nmdoctor.resolve.node.versions import NodeVersion
from tests.old_nodes import real_node

VERSIONS = ("20.18.3", "20.19.0", "22.11.0", "22.12.0", "20.20.2", "22.23.5", "24.22.3", "26.12.1")
PACKAGES: dict[str, Any] = {
    # "type": "module" and a .js main
    "e": (
        {"name": "e", "version": "1.0.0", "type": "module", "main": "index.js"},
        {"index.js": "export const a = 1;\n"},
    ),
    # a .mjs main
    "m": ({"name": "m", "version": "1.0.0", "main": "index.mjs"}, {"index.mjs": "export default 2;\n"}),
    # top-level await
    "t": ({"name": "t", "version": "1.0.0", "type": "module"}, {"index.js": "await 1;\nexport const x = 1;\n"}),
    # await only inside a function: no ERR_REQUIRE_ASYNC_MODULE
    "f": (
        {"name": "f", "version": "1.0.0", "type": "module"},
        {"index.js": "export async function go() { await 1; }\n"},
    ),
    # CommonJS
    "c": ({"name": "c", "version": "1.0.0"}, {"index.js": "module.exports = 3;\n"}),
    # module-sync for require(esm) nodes, a CommonJS file for the others
    "d": (
        {"name": "d", "version": "1.0.0", "exports": {"module-sync": "./s.mjs", "require": "./r.cjs"}},
        {"s.mjs": "export default 's';\n", "r.cjs": "module.exports = 'r';\n"},
    ),
}


def _project(root: Path, manifest_extra: dict[str, Any] | None = None, dev: dict[str, str] | None = None) -> Path:
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {name: "1.0.0" for name in PACKAGES},
        **({"devDependencies": dev} if dev else {}),
        **(manifest_extra or {}),
    }
    (root / "src").mkdir(parents=True)
    (root / "package.json").write_text(json.dumps(manifest))
    for name, (package_json, files) in PACKAGES.items():
        folder = root / "node_modules" / name
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps(package_json))
        for file, text in files.items():
            (folder / file).write_text(text)
    for name in PACKAGES:
        (root / "src" / f"{name}.js").write_text(f"const x = require('{name}');\n")
    (root / "src" / "guarded.js").write_text("let x;\ntry { x = require('e'); } catch {}\n")
    return root


def _real_error(binary: Path, file: Path) -> str | None:
    """The error code node throws running ``file`` (None when it runs)."""
    done = subprocess.run(
        [str(binary), "-e", f"try {{ require({json.dumps(str(file))}) }} catch (e) {{ console.log(e.code) }}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    code = done.stdout.strip()
    return code or None


def _check(project: Path, *args: str) -> dict[str, Any]:
    result = CliRunner(mix_stderr=False).invoke(main, ["check", str(project), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.node
@pytest.mark.parametrize("version", VERSIONS)
def test_require_of_esm_as_real_node(version: str, tmp_path: Path) -> None:
    binary = real_node(version)
    if binary is None:
        pytest.skip(f"node {version} is not installed here (scripts/test installs it)")
    project = _project(tmp_path / "app")
    document = _check(project, "--select", "require-of-esm", "--node-version", version)
    assert document["nodeVersion"] == {"version": version, "source": "--node-version"}
    reported = {item["from"]: item for item in document["findings"]}
    for name in PACKAGES:
        thrown = _real_error(binary, project / "src" / f"{name}.js")
        found = reported.get(f"src/{name}.js")
        if thrown is None:
            assert found is None, (version, name)
        else:
            assert found is not None, (version, name, thrown)
            assert found["severity"] == "error" and thrown in found["message"], (version, name, thrown)
    # the same require inside try/catch: a note where the plain one throws
    guarded = reported.get("src/guarded.js")
    if _real_error(binary, project / "src" / "e.js") is None:
        assert guarded is None
    else:
        assert guarded is not None and guarded["severity"] == "info"


def test_the_cut_offs_measured(tmp_path: Path) -> None:
    """What the real binaries said (test_require_of_esm_as_real_node checks it on each run)."""
    project_errors = {
        "20.18.3": {"e": "ERR_REQUIRE_ESM", "m": "ERR_REQUIRE_ESM", "t": "ERR_REQUIRE_ESM", "f": "ERR_REQUIRE_ESM"},
        "22.11.0": {"e": "ERR_REQUIRE_ESM", "m": "ERR_REQUIRE_ESM", "t": "ERR_REQUIRE_ESM", "f": "ERR_REQUIRE_ESM"},
        "20.19.0": {"t": "ERR_REQUIRE_ASYNC_MODULE"},
        "22.12.0": {"t": "ERR_REQUIRE_ASYNC_MODULE"},
        "26.12.1": {"t": "ERR_REQUIRE_ASYNC_MODULE"},
    }
    for version, errors in project_errors.items():
        document = _check(_project(tmp_path / version), "--select", "require-of-esm", "--node-version", version)
        got = {
            item["from"].removeprefix("src/").removesuffix(".js"): item["message"].split("throws ")[1].split(" ")[0]
            for item in document["findings"]
            if item["severity"] == "error"
        }
        assert got == errors, version


def test_a_bundled_project_gets_notes(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", dev={"webpack": "5.0.0"})
    document = _check(project, "--select", "require-of-esm", "--node-version", "20.18.3")
    assert {item["severity"] for item in document["findings"]} == {"info"}
    assert len(document["findings"]) == 5  # e, m, t, f and the guarded e


@pytest.mark.node
def test_engines_range_names_the_import_and_the_versions(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", {"engines": {"node": ">=20"}})
    (project / "src" / "sqlite.js").write_text("require('node:sqlite');\n")
    document = _check(project, "--select", "node-version-dependent-import", "--node-version", "22")
    notes = {item["from"]: item for item in document["findings"]}
    assert all(item["severity"] == "info" for item in notes.values())
    # c and f's ESM-less answers do not change with the version; c is CommonJS everywhere
    assert "src/c.js" not in notes
    d = notes["src/d.js"]["message"]
    assert d == (
        "`require('d')` in src/d.js resolves differently on the node versions engines.node \">=20\" admits: "
        "20.18.x and 22.0.0 to 22.11.x: node_modules/d/r.cjs; 20.19.0 to 20.20.2 and 22.12.0 to 26.12.1: "
        "node_modules/d/s.mjs"
    )
    assert "20.18.x and 22.0.0 to 22.11.x: ERR_REQUIRE_ESM" in notes["src/e.js"]["message"]
    assert (
        "20.18.x to 22.12.x: ERR_UNKNOWN_BUILTIN_MODULE; 22.13.0 to 26.12.1: node:sqlite"
        in (notes["src/sqlite.js"]["message"])
    )
    # each claim, against the real binaries there are
    claims = {
        "20.18.3": ("r.cjs", "ERR_REQUIRE_ESM", "ERR_UNKNOWN_BUILTIN_MODULE"),
        "20.19.0": ("s.mjs", None, "ERR_UNKNOWN_BUILTIN_MODULE"),
        "22.11.0": ("r.cjs", "ERR_REQUIRE_ESM", "ERR_UNKNOWN_BUILTIN_MODULE"),
        "22.12.0": ("s.mjs", None, "ERR_UNKNOWN_BUILTIN_MODULE"),
        "22.23.5": ("s.mjs", None, None),
        "26.12.1": ("s.mjs", None, None),
    }
    for version, (file, esm, sqlite) in claims.items():
        binary = real_node(version)
        if binary is None:
            continue
        script = "console.log(require.resolve('d'))"
        done = subprocess.run([str(binary), "-e", script], cwd=project, capture_output=True, text=True, check=True)
        assert done.stdout.strip().endswith(file), version
        assert _real_error(binary, project / "src" / "e.js") == esm, version
        assert _real_error(binary, project / "src" / "sqlite.js") == sqlite, version


def test_no_note_without_a_range_or_with_one_version(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", {"engines": {"node": "^22.23.0"}})
    assert _check(project, "--select", "node-version-dependent-import")["findings"] == []
    other = _project(tmp_path / "other")
    assert _check(other, "--select", "node-version-dependent-import")["findings"] == []


def test_candidate_versions_straddle_every_rule() -> None:
    found = candidate_versions()
    assert NodeVersion(20, 18, 999) in found and NodeVersion(20, 19, 0) in found
    assert NodeVersion(22, 11, 999) in found and NodeVersion(22, 12, 0) in found
    assert NodeVersion(22, 12, 999) in found and NodeVersion(22, 13, 0) in found
    assert all(version.major % 2 == 0 for version in found)


def test_the_api_judges_as_the_version_given(tmp_path: Path) -> None:
    from nmdoctor import api

    project = _project(tmp_path / "app")
    graph = api.load_project(str(project))
    old = api.check(graph, select=["require-of-esm"], node_version="20.18.3")
    assert sorted(item.from_ or "" for item in old if item.severity.value == "error") == [
        "src/e.js",
        "src/f.js",
        "src/m.js",
        "src/t.js",
    ]
    assert [item.from_ for item in api.check(graph, select=["require-of-esm"])] == ["src/t.js"]  # 20.20.2


def test_a_test_file_under_jest_gets_a_note(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", dev={"jest": "29.0.0"})
    (project / "src" / "e.test.js").write_text("require('e');\n")
    (project / "src" / "e.cjs").write_text("require('e');\n")
    document = _check(project, "--select", "require-of-esm", "--node-version", "22.11.0")
    severities = {item["from"]: item["severity"] for item in document["findings"]}
    assert severities["src/e.test.js"] == "info"
    assert severities["src/e.js"] == "error" and severities["src/e.cjs"] == "error"


def _esm_error(binary: Path, file: Path) -> str | None:
    """The error code node throws importing ``file`` as an ES module (None when it loads)."""
    script = f"import({json.dumps(file.as_uri())}).then(() => console.log('ok'), (e) => console.log(e.code))"
    done = subprocess.run([str(binary), "-e", script], capture_output=True, text=True, timeout=60, check=True)
    answer = done.stdout.strip()
    return None if answer == "ok" else answer


@pytest.mark.node
def test_no_note_where_every_admitted_version_fails(tmp_path: Path) -> None:
    """`#/src/*` imports without an extension: 22 refuses the key, 24 and 26 map it and find no file.
    The error differs, the import loads on no version: narrowing engines.node mends nothing."""
    project = tmp_path / "app"
    (project / "src").mkdir(parents=True)
    manifest = {"name": "app", "version": "1.0.0", "type": "module", "engines": {"node": ">=22"}}
    manifest["imports"] = {"#/src/*": "./src/*"}
    (project / "package.json").write_text(json.dumps(manifest))
    (project / "src" / "b.js").write_text("export const b = 1;\n")
    (project / "src" / "bare.js").write_text("import { b } from '#/src/b';\nexport { b };\n")
    (project / "src" / "full.js").write_text("import { b } from '#/src/b.js';\nexport { b };\n")
    document = _check(project, "--select", "node-version-dependent-import", "--node-version", "22")
    notes = {item["from"]: item["message"] for item in document["findings"]}
    assert "src/bare.js" not in notes
    assert notes["src/full.js"].endswith("22.0.0 to 22.23.5: ERR_INVALID_MODULE_SPECIFIER; 24.0.0 to 26.12.1: src/b.js")
    claims = {
        "22.23.5": ("ERR_INVALID_MODULE_SPECIFIER", "ERR_INVALID_MODULE_SPECIFIER"),
        "24.22.3": ("ERR_MODULE_NOT_FOUND", None),
        "26.12.1": ("ERR_MODULE_NOT_FOUND", None),
    }
    for version, (bare, full) in claims.items():
        binary = real_node(version)
        if binary is None:
            continue
        assert _esm_error(binary, project / "src" / "bare.js") == bare, version
        assert _esm_error(binary, project / "src" / "full.js") == full, version
