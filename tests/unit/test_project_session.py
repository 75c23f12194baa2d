"""One `Project` per run: each file read once, each source file parsed once, installed packages'
code scanned once per identity and kept in the user cache between runs."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor import api
from nmdoctor.cli.main import main
from nmdoctor.inspect import package_code
from nmdoctor.inspect.package_code import _SPECIFIER, PackageCode, _candidates
from nmdoctor.project.cache import DiskStore, default_cache_dir
from nmdoctor.project.session import Project
from nmdoctor.render.tree_json import ls_document
from nmdoctor.sources.imports import package_of, parse_imports
from nmdoctor.vfs import DiskFS


def _write(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """npm-hoisted: the app imports `b`, which only `a` brings; `a` requires `c`, which it does not
    declare (it resolves only because npm hoisted `c` for `b`)."""
    root = tmp_path / "app"
    _write(root / "package.json", {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}})
    _write(root / "src" / "index.js", "const a = require('a');\nconst b = require('b');\n")
    _write(root / "src" / "util.ts", "import { a } from 'a';\nexport const x = a;\n")
    modules = root / "node_modules"
    _write(modules / ".package-lock.json", {})
    _write(modules / "a" / "package.json", {"name": "a", "version": "1.0.0", "dependencies": {"b": "^1.0.0"}})
    _write(modules / "a" / "index.js", "require('./lib');\n")
    _write(modules / "a" / "lib.js", "module.exports = require('c');\n")
    _write(modules / "b" / "package.json", {"name": "b", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}})
    _write(modules / "b" / "index.js", "module.exports = require('c');\n")
    _write(modules / "c" / "package.json", {"name": "c", "version": "1.0.0"})
    _write(modules / "c" / "index.js", "module.exports = 1;\n")
    return root


def _codes(findings: list[api.Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(item.code, item.request, item.from_) for item in findings]


def test_check_reads_each_file_once_and_parses_each_source_file_once(project: Path, tmp_path: Path) -> None:
    session = Project(str(project), DiskFS(), store=DiskStore(str(tmp_path / "cache")))
    findings = session.findings()
    assert ("phantom-dependency", "b", "src/index.js") in _codes(findings)
    assert ("phantom-dependency", "c", "node_modules/a/lib.js") in _codes(findings)
    assert session.fs.reads[f"{project}/package.json"] == 1
    # every file once: the scans record which imports are guarded (try blocks, uncalled functions),
    # so an installed package's file holding a finding is not read again for them
    assert max(session.fs.reads.values()) == 1
    assert session.sources.parsed == 2  # phantom-dependency and unresolvable-import share the parse
    assert session.fs.reads[f"{project}/src/index.js"] == 1


def test_guarded_imports_of_installed_packages_survive_the_store(project: Path, tmp_path: Path) -> None:
    """A require inside a try block, or inside a function nothing calls, is a note, not a warning,
    whether the scan is made now, read back from the store, or made without a store; and the
    file is read once in each run."""
    modules = project / "node_modules"
    _write(modules / "a" / "lib.js", "try { module.exports = require('c'); } catch (e) {}\n")
    _write(modules / "b" / "index.js", "function lazy() { return require('c'); }\nmodule.exports = 1;\n")
    _write(modules / "b" / "package.json", {"name": "b", "version": "1.0.0"})

    def severities(store: DiskStore | None) -> list[tuple[str, str | None, str]]:
        session = Project(str(project), DiskFS(), store=store)
        found = [
            (item.from_ or "", item.request, item.severity.value)
            for item in session.findings()
            if item.code == "phantom-dependency" and (item.from_ or "").startswith("node_modules/")
        ]
        assert max(session.fs.reads.values()) == 1
        return sorted(found)

    store = DiskStore(str(tmp_path / "cache"))
    cold = severities(store)
    assert cold == [("node_modules/a/lib.js", "c", "info"), ("node_modules/b/index.js", "c", "info")]
    assert severities(store) == cold  # read back from the store
    assert severities(None) == cold
    # unguarded now: a warning, from a scan made again (the file's size changed)
    _write(modules / "a" / "lib.js", "module.exports = require('c');\n")
    assert ("node_modules/a/lib.js", "c", "warning") in severities(store)


def test_package_code_cache_is_reused_and_invalidated_when_the_package_changes(project: Path, tmp_path: Path) -> None:
    store = DiskStore(str(tmp_path / "cache"))
    cold = Project(str(project), DiskFS(), store=store).findings()
    entries = sorted(str(path) for path in (tmp_path / "cache").rglob("*") if path.is_file())
    assert entries  # one entry per scanned name@version
    warm = Project(str(project), DiskFS(), store=store).findings()
    assert _codes(warm) == _codes(cold) == _codes(Project(str(project), DiskFS()).findings())
    # the package's code changes (a patch): its entry no longer matches the file sizes it recorded
    _write(project / "node_modules" / "a" / "lib.js", "module.exports = [require('c'), require('b')];\n")
    changed = _codes(Project(str(project), DiskFS(), store=store).findings())
    assert ("phantom-dependency", "c", "node_modules/a/lib.js") in changed
    assert ("phantom-dependency", "b", "node_modules/a/lib.js") not in changed  # a declares b
    _write(project / "node_modules" / "a" / "lib.js", "module.exports = require('c') + require('b') + 1;\n")
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == _codes(cold)


def test_a_corrupt_or_foreign_cache_entry_is_a_miss(project: Path, tmp_path: Path) -> None:
    store = DiskStore(str(tmp_path / "cache"))
    cold = _codes(Project(str(project), DiskFS(), store=store).findings())
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b'{"format": 1, "files": [["index.js"')  # half an entry
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == cold
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b'{"format": 999, "files": []}')  # another version's entry
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == cold
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"[" * 100_000)  # nested deeper than the JSON reader goes
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == cold
    assert not list((tmp_path / "cache").rglob(".tmp-*"))  # writes renamed into place


def test_the_process_pool_finds_what_one_process_finds(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = api.load_project(str(project))
    serial = PackageCode(DiskFS(), workers=1)
    serial.prepare(graph.instances)
    monkeypatch.setattr(package_code, "POOL_THRESHOLD", 1)
    pooled = PackageCode(DiskFS(), workers=2)
    pooled.prepare(graph.instances)
    for instance in graph.instances[1:]:
        known = {item.name for item in instance.manifest.declared(include_dev=False)} | {instance.name}
        assert pooled.imports(instance, known) == serial.imports(instance, known)
    # The pool is shut down and its thread joined once its work is collected, not left running to
    # the interpreter's exit, where Python 3.11's exit hook can race that thread closing its pipe
    # and print "OSError: [Errno 9] Bad file descriptor".
    assert not [thread for thread in threading.enumerate() if type(thread).__name__ == "_ExecutorManagerThread"]


@pytest.mark.parametrize(
    "text",
    [
        b"const a = require('a'); import b from \"b\"; export * from 'c'; import('d')",
        b"xrequire('no'); requirements('no'); from'e'; import'f'; /* from 'g' */",
        b"require ( 'h' ) + require('i/j') import   'k' fromage('l') from\n'm'",
        b"from 'from' import 'import' require('require')",
        b"",
    ],
)
def test_keyword_scan_finds_what_the_specifier_pattern_finds(text: bytes) -> None:
    assert _candidates(text) == [match.group(2).decode() for match in _SPECIFIER.finditer(text)]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("a.js", "const a = require('a'); import b from \"b\"; export * from 'c'; import('d'); import 'e'"),
        ("b.js", "require(/* why */ 'f'); require(\n  // because\n  `g`); require.resolve('h', {paths: []})"),
        ("c.mjs", "import {\n  x,\n  y,\n} from/**/'i/deep'; export { z } from '@s/j/k'; await import(\n'l')"),
        ("d.ts", "import m = require('m'); import type { N } from 'n'; type O = typeof import('o')"),
        ("e.js", "try { require('p') } catch {}; require?.('q'); require('events'); require('node:fs')"),
    ],
)
def test_every_import_site_of_a_package_is_among_the_mentions(path: str, text: str) -> None:
    """A file is parsed only when its mentions hold an installed undeclared name: the mentions must
    hold every package an import site names (blanks and comments between keyword and string)."""
    source = text.encode()
    names = {name for site in parse_imports(source, path) if (name := package_of(site.specifier)) is not None}
    assert names <= set(package_code._mentions(source))
    assert "events" not in package_code._mentions(source)  # a builtin: never a package's import


def test_the_cli_and_the_api_load_a_project_the_same_way(project: Path) -> None:
    runner = CliRunner()
    for flags in ([], ["--lockfile"]):
        if flags:  # a lockfile with a workspace: its package.json name is what both print
            _write(project / "packages" / "w" / "package.json", {"name": "w-named", "version": "2.0.0"})
            lock = {
                "name": "app",
                "lockfileVersion": 3,
                "packages": {
                    "": {"name": "app", "version": "1.0.0", "workspaces": ["packages/w"]},
                    "packages/w": {"name": "w-named", "version": "2.0.0"},
                    "node_modules/w-named": {"resolved": "packages/w", "link": True},
                },
            }
            _write(project / "package-lock.json", lock)
        listed = runner.invoke(main, ["ls", str(project), "--json", *flags])
        assert listed.exit_code == 0, listed.output
        graph = api.load_project(str(project), from_lockfile=bool(flags))
        assert json.loads(listed.output) == ls_document(graph)
        if flags:
            assert "w-named" in {instance.name for instance in graph.instances}


def test_api_check_follows_the_project_settings(project: Path) -> None:
    graph = api.load_project(str(project))
    assert "phantom-dependency" in {item.code for item in api.check(graph)}
    _write(project / ".nmdoctor.json", {"ignore": ["phantom-dependency"]})
    assert "phantom-dependency" not in {item.code for item in api.check(graph)}
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(project), "--format", "json"])
    assert "phantom-dependency" not in result.output


def test_no_cache_leaves_the_cache_folder_alone(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NMDOCTOR_CACHE_DIR", str(tmp_path / "user-cache"))
    assert default_cache_dir() == str(tmp_path / "user-cache")
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(project), "--format", "json", "--no-cache"])
    assert not (tmp_path / "user-cache").exists()
    second = runner.invoke(main, ["check", str(project), "--format", "json"])
    assert (tmp_path / "user-cache" / "package-code.sqlite").is_file()
    third = runner.invoke(main, ["check", str(project), "--format", "json"])
    assert first.output == second.output == third.output
    assert first.exit_code == second.exit_code == third.exit_code


def test_a_file_is_parsed_when_it_quotes_an_installed_undeclared_name(project: Path, tmp_path: Path) -> None:
    """`require.resolve('c')` is no candidate of the text scan; the file is parsed for its other,
    uninstalled, candidate and must still yield `c` (installed, undeclared by `a`)."""
    lib = "try { require('not-installed-anywhere') } catch {}\nmodule.exports = require.resolve('c');\n"
    _write(project / "node_modules" / "a" / "lib.js", lib)
    store = DiskStore(str(tmp_path / "cache"))
    for _ in range(2):  # cold, then from the cache
        found = _codes(Project(str(project), DiskFS(), store=store).findings())
        assert ("phantom-dependency", "c", "node_modules/a/lib.js") in found
    graph = api.load_project(str(project))
    without_tree = PackageCode(DiskFS())  # not told the tree: every file naming an unknown package is parsed
    a = next(instance for instance in graph.instances if instance.name == "a")
    assert [item.site.specifier for item in without_tree.imports(a, {"a", "b"})] == ["not-installed-anywhere", "c"]


class _CountingStore(DiskStore):
    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.gets: list[str] = []

    def get(self, key: str) -> bytes | None:
        self.gets.append(key)
        return super().get(key)


def test_a_warm_run_reads_the_project_pack_alone_and_a_changed_package_is_rescanned(
    project: Path, tmp_path: Path
) -> None:
    store = _CountingStore(str(tmp_path / "cache"))
    cold = _codes(Project(str(project), DiskFS(), store=store).findings())
    store.gets.clear()
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == cold
    assert len(store.gets) == 1  # the pack: every package's scan in one entry
    # a patched file: its scan in the pack no longer matches the sizes, nor does its own entry
    _write(project / "node_modules" / "a" / "lib.js", "module.exports = [require('c'), require('d')];\n")
    _write(project / "node_modules" / "d" / "package.json", {"name": "d", "version": "1.0.0"})
    _write(project / "node_modules" / "d" / "index.js", "module.exports = require('c');\n")
    store.gets.clear()
    changed = _codes(Project(str(project), DiskFS(), store=store).findings())
    assert ("phantom-dependency", "d", "node_modules/a/lib.js") in changed
    assert ("phantom-dependency", "c", "node_modules/d/index.js") in changed
    assert len(store.gets) > 1  # the rescanned package's entry, and the new package's
    store.gets.clear()
    assert _codes(Project(str(project), DiskFS(), store=store).findings()) == changed
    assert len(store.gets) == 1  # the pack was rewritten with the new scans
    assert _codes(Project(str(project), DiskFS(), store=None).findings()) == changed
