"""A check's findings kept between runs: a run where nothing changed prints what the last one
found without checking again, and any change to what the checks read (a source file, an installed
manifest or its code, the lockfile, the settings, a folder's bytes) makes it check again and find
exactly what a run without the cache finds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli import check_cmd
from nmdoctor.cli.main import main
from nmdoctor.project.cache import DiskStore
from nmdoctor.project.result_cache import keep_result, kept_result
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.trace import ACTIVE, Trace, TraceFS, note_untraceable, still_true

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _write(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content))


def _manifest(name: str, version: str, **fields: object) -> dict[str, object]:
    return {"name": name, "version": version, **fields}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An npm project with a phantom import, a doppelganger (two copies of c@1.0.0) and a lockfile."""
    root = tmp_path / "app"
    _write(root / "package.json", _manifest("app", "1.0.0", dependencies={"a": "^1.0.0", "d": "^1.0.0"}))
    _write(root / "src" / "index.js", "require('a');\nrequire('b');\n")
    modules = root / "node_modules"
    _write(modules / "a" / "package.json", _manifest("a", "1.0.0", dependencies={"b": "^1.0.0", "c": "1.0.0"}))
    _write(modules / "a" / "index.js", "module.exports = require('./lib');\n")
    _write(modules / "a" / "lib.js", "module.exports = require('b');\n")
    _write(modules / "b" / "package.json", _manifest("b", "1.0.0"))
    _write(modules / "b" / "index.js", "module.exports = 1;\n")
    _write(modules / "c" / "package.json", _manifest("c", "2.0.0"))
    _write(modules / "c" / "index.js", "module.exports = 2;\n")
    _write(modules / "a" / "node_modules" / "c" / "package.json", _manifest("c", "1.0.0"))
    _write(modules / "a" / "node_modules" / "c" / "index.js", "module.exports = 1;\n")
    _write(modules / "d" / "package.json", _manifest("d", "1.0.0", dependencies={"c": "1.0.0"}))
    _write(modules / "d" / "index.js", "module.exports = require('c');\n")
    _write(modules / "d" / "node_modules" / "c" / "package.json", _manifest("c", "1.0.0"))
    _write(modules / "d" / "node_modules" / "c" / "index.js", "module.exports = 1;\n")
    packages = {
        "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "d": "^1.0.0"}},
        "node_modules/a": {"version": "1.0.0", "dependencies": {"b": "^1.0.0", "c": "1.0.0"}},
        "node_modules/a/node_modules/c": {"version": "1.0.0"},
        "node_modules/b": {"version": "1.0.0"},
        "node_modules/c": {"version": "2.0.0"},
        "node_modules/d": {"version": "1.0.0", "dependencies": {"c": "1.0.0"}},
        "node_modules/d/node_modules/c": {"version": "1.0.0"},
    }
    _write(root / "package-lock.json", {"name": "app", "lockfileVersion": 3, "packages": packages})
    return root


def _check(project: Path, cache: Path, *args: str) -> tuple[int, str]:
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), *args], env={"NMDOCTOR_CACHE_DIR": str(cache), "NMDOCTOR_NO_PROGRESS": "1"}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def _fresh(project: Path, cache: Path, *args: str) -> tuple[int, str]:
    return _check(project, cache, *args, "--no-cache")


def _kept_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a run that checks again fails the test: only a kept result can answer."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("checked again")

    monkeypatch.setattr(check_cmd, "_run", refuse)


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_a_second_run_prints_the_kept_findings(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    cache = tmp_path / "cache"
    first = _check(project, cache, "--format", output_format)
    assert first == _fresh(project, cache, "--format", output_format)
    assert "phantom-dependency" in first[1] and "doppelganger" in first[1]
    _kept_only(monkeypatch)
    assert _check(project, cache, "--format", output_format) == first


def _edit_source(root: Path) -> None:
    (root / "src" / "index.js").write_text("require('a');\n")


def _new_source(root: Path) -> None:
    _write(root / "src" / "more.js", "require('c');\n")


def _installed_manifest(root: Path) -> None:
    _write(root / "node_modules" / "b" / "package.json", _manifest("b", "2.0.0"))


def _installed_code(root: Path) -> None:
    (root / "node_modules" / "a" / "lib.js").write_text("module.exports = require('b') + require('d');\n")


def _removed_package(root: Path) -> None:
    shutil.rmtree(root / "node_modules" / "b")


def _lockfile(root: Path) -> None:
    lock = json.loads((root / "package-lock.json").read_text())
    lock["packages"]["node_modules/b"]["version"] = "1.0.1"
    _write(root / "package-lock.json", lock)


def _settings(root: Path) -> None:
    _write(root / ".nmdoctor.json", {"ignore": ["phantom-dependency"]})


def _copy_bytes(root: Path) -> None:
    (root / "node_modules" / "a" / "node_modules" / "c" / "extra.js").write_text("x" * 5000)


@pytest.mark.parametrize(
    "change",
    [
        _edit_source,
        _new_source,
        _installed_manifest,
        _installed_code,
        _removed_package,
        _lockfile,
        _settings,
        _copy_bytes,
    ],
)
def test_any_change_checks_again_and_finds_what_a_fresh_run_finds(
    project: Path, tmp_path: Path, change: Callable[[Path], None]
) -> None:
    cache = tmp_path / "cache"
    before = _check(project, cache, "--format", "json")
    change(project)
    after = _check(project, cache, "--format", "json")
    assert after != before
    assert after == _fresh(project, cache, "--format", "json")
    assert _check(project, cache, "--format", "json") == after  # and that is kept in turn


def test_the_options_are_part_of_the_key(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    everything = _check(project, cache, "--format", "json")
    selected = _check(project, cache, "--format", "json", "--select", "doppelganger")
    assert selected != everything
    assert selected == _fresh(project, cache, "--format", "json", "--select", "doppelganger")
    from_lockfile = _check(project, cache, "--format", "json", "--lockfile")
    assert from_lockfile == _fresh(project, cache, "--format", "json", "--lockfile")
    older = _check(project, cache, "--format", "json", "--node-version", "18.0.0")
    assert json.loads(older[1])["nodeVersion"] != json.loads(everything[1])["nodeVersion"]


@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.iterdir() if path.is_dir()))
def test_the_examples_print_the_same_from_the_cache(example: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = _fresh(EXAMPLES / example, cache)
    assert _check(EXAMPLES / example, cache) == fresh
    assert _check(EXAMPLES / example, cache) == fresh


def test_html_is_never_answered_from_the_cache(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _check(project, cache, "--format", "json")
    _kept_only(monkeypatch)
    with pytest.raises(AssertionError, match="checked again"):
        CliRunner(mix_stderr=False).invoke(
            main,
            ["check", str(project), "--format", "html"],
            env={"NMDOCTOR_CACHE_DIR": str(cache)},
            catch_exceptions=False,
        )


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    store = DiskStore(str(tmp_path / "results"))
    for data in (b"", b"nmdoctor-check-result\0", b"nmdoctor-check-result\0garbage", b"other"):
        store.put("k", data)
        assert kept_result(store, "k") is None


def test_a_trace_notes_each_question_once_and_replays_it(tmp_path: Path) -> None:
    _write(tmp_path / "f.txt", "one")
    trace = Trace()
    fs = TraceFS(DiskFS(), trace, shows_host=True)
    for _ in range(2):
        fs.read_bytes(f"{tmp_path}/f.txt")
        assert fs.stat(f"{tmp_path}/missing") is None
        fs.listdir(str(tmp_path))
    assert len(trace.calls) == 3
    assert still_true(trace.data())
    (tmp_path / "f.txt").write_text("two")
    assert not still_true(trace.data())
    (tmp_path / "f.txt").write_text("one")
    _write(tmp_path / "missing", "now here")
    assert not still_true(trace.data())


def test_a_run_that_read_what_no_trace_follows_is_not_kept(tmp_path: Path) -> None:
    store = DiskStore(str(tmp_path / "results"))
    trace = Trace()
    ACTIVE.append(trace)
    try:
        note_untraceable()  # as a config evaluated by node notes itself
    finally:
        ACTIVE.remove(trace)
    keep_result(store, "k", trace, {"document": {}})
    assert store.get("k") is None
    keep_result(store, "k", Trace(), {"document": {}})
    assert kept_result(store, "k") == {"document": {}}


def test_the_files_of_a_kept_scan_are_part_of_the_trace(project: Path, tmp_path: Path) -> None:
    """The second run takes the scan of `a`'s code from the scan cache (checked by its files' sizes,
    not read through the traced view): those files are in its trace all the same."""
    cache = tmp_path / "cache"
    _check(project, cache, "--format", "json")
    _edit_source(project)
    _check(project, cache, "--format", "json")
    _installed_code(project)
    after = _check(project, cache, "--format", "json")
    assert after == _fresh(project, cache, "--format", "json")
    assert "`a@1.0.0` requires `d`" in after[1]
