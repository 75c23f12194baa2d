"""What the project's own files import is kept between runs: a warm run parses only the files
whose bytes changed, and finds what a fresh run finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.project.cache import DiskStore
from nmdoctor.project.session import Project
from nmdoctor.sources.imports import ImportKind, parse_imports
from nmdoctor.sources.index import SourceIndex
from nmdoctor.vfs import DiskFS


def _write(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    _write(root / "package.json", {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}})
    _write(root / "src" / "index.js", "const a = require('a');\ntry { require('b') } catch {}\n")
    _write(root / "src" / "util.ts", "import type { T } from 'a';\nexport const x = import('./index.js');\n")
    _write(root / "node_modules" / "a" / "package.json", {"name": "a", "version": "1.0.0", "dependencies": {"b": "1"}})
    _write(root / "node_modules" / "a" / "index.js", "module.exports = require('b');\n")
    _write(root / "node_modules" / "b" / "package.json", {"name": "b", "version": "1.0.0"})
    _write(root / "node_modules" / "b" / "index.js", "module.exports = 1;\n")
    return root


def _session(project: Path, cache: Path) -> Project:
    return Project(str(project), DiskFS(), source_store=DiskStore(str(cache / "source-imports")))


def test_a_warm_run_parses_nothing_and_finds_the_same(project: Path, tmp_path: Path) -> None:
    cold = _session(project, tmp_path / "cache")
    cold_findings = cold.findings()
    assert cold.sources.parsed == 2
    warm = _session(project, tmp_path / "cache")
    assert warm.findings() == cold_findings
    assert warm.sources.parsed == 0
    index = warm.sources
    for file in ("src/index.js", "src/util.ts"):
        path = f"{project}/{file}"
        assert index.imports(path) == parse_imports((project / file).read_bytes(), path)


def test_a_changed_file_alone_is_parsed_again(project: Path, tmp_path: Path) -> None:
    _session(project, tmp_path / "cache").findings()
    (project / "src" / "index.js").write_text("const a = require('a');\nrequire('c');\n")
    warm = _session(project, tmp_path / "cache")
    warm.findings()
    assert warm.sources.parsed == 1
    assert [site.specifier for site in warm.sources.imports(f"{project}/src/index.js")] == ["a", "c"]


def test_the_same_bytes_under_another_grammar_are_parsed_again(tmp_path: Path) -> None:
    """`<T>(x)` is a cast in .ts and JSX in .tsx: the key holds the grammar."""
    for name in ("a.js", "a.ts"):
        _write(tmp_path / "p" / name, "import x from 'x';\n")
    store = DiskStore(str(tmp_path / "cache"))
    index = SourceIndex(DiskFS(), store, str(tmp_path / "p"))
    index.imports(f"{tmp_path}/p/a.js")
    index.imports(f"{tmp_path}/p/a.ts")
    assert index.parsed == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{",
        b'{"format": 1, "entries": []}',
        b'{"format": 1, "entries": {"k": "x"}}',
        b'{"format": 999, "entries": {}}',
    ],
)
def test_a_damaged_pack_is_read_as_none(project: Path, tmp_path: Path, damage: bytes) -> None:
    expected = _session(project, tmp_path / "cache").findings()
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(damage)
    warm = _session(project, tmp_path / "cache")
    assert warm.findings() == expected
    assert warm.sources.parsed == 2


def test_a_damaged_entry_is_parsed_again(project: Path, tmp_path: Path) -> None:
    expected = _session(project, tmp_path / "cache").findings()
    [pack] = [entry for entry in (tmp_path / "cache").rglob("*") if entry.is_file()]
    document = json.loads(pack.read_bytes())
    for key in document["entries"]:
        document["entries"][key] = [["a", "no-such-kind", 1, 1, False, False]]
    pack.write_text(json.dumps(document))
    warm = _session(project, tmp_path / "cache")
    assert warm.findings() == expected
    assert warm.sources.parsed == 2


def test_the_kept_sites_keep_every_field(project: Path, tmp_path: Path) -> None:
    _session(project, tmp_path / "cache").findings()
    warm = _session(project, tmp_path / "cache")
    sites = warm.sources.imports(f"{project}/src/index.js") + warm.sources.imports(f"{project}/src/util.ts")
    assert warm.sources.parsed == 0
    assert [(site.specifier, site.kind, site.guarded) for site in sites] == [
        ("a", ImportKind.REQUIRE, False),
        ("b", ImportKind.REQUIRE, True),
        ("a", ImportKind.IMPORT_TYPE, False),
        ("./index.js", ImportKind.DYNAMIC_IMPORT, False),
    ]


def test_check_prints_the_same_from_a_warm_cache(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NMDOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(project), "--format", "json"])
    assert (tmp_path / "cache" / "source-imports").is_dir()
    second = runner.invoke(main, ["check", str(project), "--format", "json"])
    assert (first.exit_code, first.output) == (second.exit_code, second.output)
    assert "phantom-dependency" in first.output  # node_modules/a requires b, declared; the app's b is not
