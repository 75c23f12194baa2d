"""The walk of installed packages' code in C (`_codewalk.walk`) gives exactly what the walk in
Python gives (`_python_walk`): the same files in the same order, the same bytes, the same bare
specifiers. Checked on every package of the real npm install under tests/node_tools, on a package
built to hold the walk's edge cases, and on generated texts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nmdoctor.inspect import package_code
from nmdoctor.inspect.package_code import MAX_FILES_PER_PACKAGE, MAX_PARSED_BYTES, _entry_files, _python_walk
from nmdoctor.resolve import Resolver
from nmdoctor.sources.imports import SOURCE_SUFFIXES
from nmdoctor.vfs import DiskFS

REPO = Path(__file__).resolve().parents[3]
native = package_code._native


def test_the_walk_in_c_was_built_where_a_compiler_is() -> None:
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler: the walk runs in Python")
    assert native is not None, "setup.py builds nmdoctor/inspect/_codewalk.c: reinstall with `pip install -e .`"


needs_native = pytest.mark.skipif(native is None, reason="the walk in C is not built")


def _both(folder: Path, entries: list[str] | None = None, max_files: int = MAX_FILES_PER_PACKAGE) -> tuple[list, list]:
    fs = DiskFS()
    path = str(folder)
    entries = _entry_files(fs, Resolver(fs), path) if entries is None else entries
    assert native is not None
    in_c = [tuple(row) for row in native.walk(path, entries, SOURCE_SUFFIXES, max_files, MAX_PARSED_BYTES)]
    if max_files == MAX_FILES_PER_PACKAGE:
        in_python = _python_walk(fs, path, entries)
    else:
        saved = package_code.MAX_FILES_PER_PACKAGE
        package_code.MAX_FILES_PER_PACKAGE = max_files
        try:
            in_python = _python_walk(fs, path, entries)
        finally:
            package_code.MAX_FILES_PER_PACKAGE = saved
    return in_c, in_python


@needs_native
def test_every_package_of_a_real_install_walks_the_same() -> None:
    modules = REPO / "tests" / "node_tools" / "node_modules"
    if not modules.is_dir():
        pytest.skip("scripts/test installs tests/node_tools")
    folders = [Path(root) for root, _, files in os.walk(modules) if "package.json" in files]
    assert len(folders) > 500
    files = 0
    for folder in folders:
        in_c, in_python = _both(folder)
        assert in_c == in_python, folder
        files += len(in_c)
    assert files > 2000  # the walk followed relative requires, not only entry files


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())


@needs_native
def test_edge_cases_walk_the_same(tmp_path: Path) -> None:
    package = tmp_path / "node_modules" / "p"
    long_name = "x" * 199
    index = "\n".join(
        [
            "require('./a?query=1');",  # the query is not part of the path
            'require ( "./b" );',
            "import c from './c';",
            "import\n('./dir');",  # ./dir/index.js
            "export * from '../q';",  # outside the package: not followed
            "require('./escape/../a');",
            "require(`./template`);",  # a template literal is not a specifier here
            "reimport('./never'); xrequire('./never'); fromage('./never');",
            f"require('{long_name}');",  # 199 characters: a specifier
            f"require('{long_name}yy');",  # 201: none
            "require('mixed\");",
            "require('./nul\x00');",  # os.stat refuses it: nothing found
            "require('\xff\xfe-bad-utf8');",
            "require('./\xe9t\xe9');",  # UTF-8 in a relative path
            "require('./upper');",  # upper.JS: a source file too
            "require('./big');",  # larger than the limit: not read
            "require('./fifo');",  # not a regular file: not read
            "require('./folder.js');",  # a folder named like a file: its index
            "require('/abs/path'); require('.hidden'); require('node:fs'); require('@scope/name/sub');",
            "require('./link');",  # a link inside the package to a file outside it: read at its own path
        ]
    )
    _write(package / "package.json", '{"name": "p", "version": "1.0.0"}')
    _write(package / "index.js", index.encode("latin-1"))
    _write(package / "a.js", "require('left-pad'); require('./index')")
    _write(package / "b.cjs", "module.exports = require('b-dep')")
    _write(package / "c.mjs", "export { default } from 'c-dep'")
    _write(package / "dir" / "index.js", "import('d-dep')")
    _write(package / "été.js", "require('accented')")
    _write(package / "upper.JS", "require('upper-dep')")
    _write(package / "big.js", "require('big-dep');" + " " * (MAX_PARSED_BYTES + 1))
    _write(package / "folder.js" / "index.js", "require('folder-dep')")
    _write(tmp_path / "outside.js", "require('outside-dep')")
    os.symlink(tmp_path / "outside.js", package / "link.js")
    os.mkfifo(package / "fifo.js")
    in_c, in_python = _both(package)
    assert in_c == in_python
    assert [Path(row[0]).name for row in in_c][:3] == ["index.js", "link.js", "index.js"]
    assert in_c[0][2][:1] == [long_name]
    # the file limit stops both walks at the same file
    for limit in (1, 2, 3):
        in_c, in_python = _both(package, max_files=limit)
        assert in_c == in_python


_FRAGMENTS = st.sampled_from(
    [
        "require",
        "import",
        "from",
        "(",
        ")",
        " ",
        "\n",
        "\t",
        "'",
        '"',
        "`",
        "./",
        "../",
        "x",
        "@s/n",
        "/",
        "?",
        ";",
        "_",
        "é",
        ".",
        "a" * 120,
    ]
)


@needs_native
@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40))
def test_generated_texts_give_the_same_specifiers(tmp_path_factory: pytest.TempPathFactory, parts: list[str]) -> None:
    package = tmp_path_factory.mktemp("walk") / "node_modules" / "p"
    _write(package / "index.js", "".join(parts))
    _write(package / "x.js", "require('x-dep')")
    entry = [str(package / "index.js")]
    in_c, in_python = _both(package, entry)
    assert in_c == in_python


def test_the_walk_in_python_is_chosen_when_asked(tmp_path: Path) -> None:
    """``NMDOCTOR_PURE_PYTHON`` turns the walk in C off (the check's findings are the same)."""
    code = "from nmdoctor.inspect import package_code; print(package_code._native is None)"
    environment = {**os.environ, "NMDOCTOR_PURE_PYTHON": "1"}
    found = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "True"


@needs_native
def test_a_package_reached_through_a_linked_folder_walks_the_same(tmp_path: Path) -> None:
    """pnpm's node_modules/NAME is a link into .pnpm: the C walk opens the package folder once and
    looks up the files below it from there, which must find what the whole paths find."""
    store = tmp_path / "node_modules" / ".pnpm" / "a@1.0.0" / "node_modules" / "a"
    _write(store / "package.json", '{"name": "a", "version": "1.0.0", "main": "lib/index.js"}')
    _write(store / "lib" / "index.js", "require('./util'); require('../data.json'); require('dep');")
    _write(store / "lib" / "util" / "index.js", "module.exports = require('other');")
    _write(store / "data.json", "{}")
    linked = tmp_path / "node_modules" / "a"
    os.symlink(".pnpm/a@1.0.0/node_modules/a", linked)
    in_c, in_python = _both(linked)
    assert in_c == in_python  # entries are real paths: below the link, only they are read
    in_c, in_python = _both(store)
    assert in_c == in_python
    assert sorted(Path(row[0]).name for row in in_c) == ["index.js", "index.js"]  # a .json is not source
