"""Files a package's tests read as data rather than load as code: the inputs a transform's test
reads with ``readFile``/``readdir`` and the outputs it compares with ``toMatchFileSnapshot``
(TanStack router-plugin's tests/code-splitter/test-files and snapshots), and the folders a test
takes inputs from by a path from the package's folder (graphql-codegen-cli's tests/test-documents).
Their imports are text to the test, or resolved by whatever the code under test does with them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from nmdoctor.model.graph import Instance
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["TEST_FILE", "TEST_FOLDERS", "built_by_tests", "read_by_tests"]

TEST_FOLDERS = frozenset(("test", "tests", "__tests__"))
TEST_FILE = re.compile(r"\.(?:test|spec)\.[cm]?[jt]sx?$")  # a test file by its name
# what a test calls to take files as data: node:fs's readers and vitest's file snapshots
_READS_FILES = re.compile(rb"\b(?:readFile|readFileSync|readdir|readdirSync|toMatchFileSnapshot)\s*\(")
# a relative path in a string literal, up to its end or its first template hole: './test-files',
# `./code-splitter/snapshots/${framework}`; an import's or require's specifier is not a folder named
_PATH_LITERAL = re.compile(rb"""(?<!from )(?<!from)(?<!import )(?<!require\()(?<!import\()(['"`])(\.\.?/[^'"`$\n]*)""")
# path.join(__dirname, 'test-files', 'react') / path.resolve(import.meta.dirname, 'snapshots')
_FROM_DIRNAME = rb"""(?:join|resolve)\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*((?:['"][^'"$\n]+['"]\s*,?\s*)+)"""
_JOINED = re.compile(rb"\b" + _FROM_DIRNAME)
_JOINED_PART = re.compile(rb"""['"]([^'"]+)['"]""")
# the same join, whole, where it is not the argument of require() or import(): handed to a function
_HANDED_OVER = re.compile(rb"(?<!require\()(?<!import\()(?<![\w$.])(?:path\.)?" + _FROM_DIRNAME + rb"\)")
_SCRIPT = re.compile(r"\.[cm]?[jt]sx?$")


def read_by_tests(
    owner: Instance, fs: FileSystem, file: str, memo: dict[tuple[str, str, str], list[str]] | None = None
) -> bool:
    """Is ``file`` below a folder that a test file of the package names and reads as data? The
    test file (``*.test.ts``, ``*.spec.js``) sits in a folder between the package's test folder
    and ``file``, calls ``readFile``/``readdir``/``toMatchFileSnapshot``, and names a folder
    holding ``file`` by a relative path (``path.resolve(__dirname, './code-splitter/test-files')``).
    A folder the test imports from is code, not data: import and require specifiers do not count.
    ``memo`` keeps the folders each test folder names, for a run that asks of many files (a suite
    of hundreds of fixtures reads the same test files for each)."""
    inside = file[len(owner.path) + 1 :] if file.startswith(owner.path + "/") else ""
    parts = inside.split("/")[:-1]
    tests = next((index for index, folder in enumerate(parts) if folder in TEST_FOLDERS), None)
    if tests is None:
        return False
    folder = posixpath.dirname(file)
    test_folder = "/".join((owner.path, *parts[: tests + 1]))
    memo = {} if memo is None else memo
    for depth in range(len(parts), tests, -1):
        here = "/".join((owner.path, *parts[:depth]))
        named = memo.get((owner.path, test_folder, here))
        if named is None:
            named = memo[owner.path, test_folder, here] = [
                *_folders_read(fs, here),
                *_input_folders(fs, here, owner.path, test_folder),
                *_cases_handed_over(fs, here),
            ]
        if any(folder.startswith(item + "/") or folder == item for item in named):
            return True
    return False


def _cases_handed_over(fs: FileSystem, here: str) -> list[str]:
    """The folders below ``here`` that the test files in ``here`` name by a path from their own
    folder and hand to the code under test, not to ``require`` (parcel's integration tests, mocha
    specs straight in test/: ``bundle(path.join(__dirname, '/integration/falsy-dep/index.js'))``):
    the named file's folder, or the named folder holding a script, is a case the suite's harness builds or runs with
    the code under test, expecting what the test says (a missing package left out, an alias of the
    case's own package.json applied)."""
    found: list[str] = []
    for _name, text in _test_files(fs, here, mocha_specs=posixpath.basename(here) in TEST_FOLDERS):
        for match in _HANDED_OVER.finditer(text):
            path = "/".join(part.decode("utf-8", "replace") for part in _JOINED_PART.findall(match.group(1)))
            target = posixpath.normpath(posixpath.join(here, path.lstrip("/")))
            if not target.startswith(here + "/"):
                continue
            stat = fs.stat(target)
            if stat is None:
                continue  # what the test writes (an output path), or a file no longer there
            if stat.kind is not Kind.DIR:
                target = posixpath.dirname(target)
            elif not _holds_a_script(fs, target):
                continue  # a folder of cases (``chdir(path.join(__dirname, '/integration'))``), not one case
            if target != here:  # a folder: the named one, or the named file's
                found.append(target)
    return found


def _holds_a_script(fs: FileSystem, folder: str) -> bool:
    try:
        return any(_SCRIPT.search(name) is not None for name in fs.listdir(folder))
    except FileSystemError:
        return False


def built_by_tests(fs: FileSystem, root: str, owner: Instance) -> str | None:
    """The test file that names ``owner``'s folder by path, when ``owner`` is a package of its own
    below a test folder of the repository (rslib's tests/integration/<feature>/<case>, each a
    workspace with its own package.json and rslib.config.ts, and ``<feature>/index.test.ts`` calling
    ``buildAndGetResults({fixturePath: join(__dirname, '<case>')})``): a case the suite's harness
    builds or runs with the code under test, expecting what the test says (an import left
    unresolved, an external kept as it is); None otherwise."""
    if owner.path == root or not owner.path.startswith(root + "/"):
        return None
    parts = owner.path[len(root) + 1 :].split("/")
    tests = next((index for index, folder in enumerate(parts[:-1]) if folder in TEST_FOLDERS), None)
    if tests is None:
        return None
    for depth in range(len(parts) - 1, tests, -1):
        here = "/".join((root, *parts[:depth]))
        for name, text in _test_files(fs, here):
            for path in _relative_paths(text):
                target = posixpath.normpath(posixpath.join(here, path.rstrip("/")))
                if target.startswith(here + "/") and (owner.path == target or owner.path.startswith(target + "/")):
                    return f"{here}/{name}"
    return None


def _test_files(fs: FileSystem, here: str, *, mocha_specs: bool = False) -> Iterator[tuple[str, bytes]]:
    """The test files directly in ``here`` (by name) that can be read, with their bytes; with
    ``mocha_specs``, every script in ``here`` (a test folder, where mocha's default spec glob
    ``./test/*.{js,cjs,mjs}`` takes any name)."""
    try:
        names = fs.listdir(here)
    except FileSystemError:
        return
    for name in names:
        if TEST_FILE.search(name) is None and not (mocha_specs and _SCRIPT.search(name) is not None):
            continue
        try:
            yield name, fs.read_bytes(f"{here}/{name}")
        except FileSystemError:
            continue


def _input_folders(fs: FileSystem, here: str, root: str, test_folder: str) -> list[str]:
    """The folders below ``test_folder`` holding a file (or a glob's files) that the test files in
    ``here`` name by a path from the package's folder, where test runners run (graphql-codegen's
    ``documents: ['./tests/test-documents/my-fragment.ts']``, ``schema: './tests/test-files/schema-dir/*.ts'``):
    inputs the code under test reads (or loads) by path; its siblings are inputs too."""
    found: list[str] = []
    for _name, text in _test_files(fs, here):
        for path in _relative_paths(text):
            literal = path.split("*", 1)[0].split("{", 1)[0]
            target = posixpath.normpath(posixpath.join(root, literal))
            if path != literal or not _is_folder(fs, target):
                target = posixpath.dirname(target) if not literal.endswith("/") else target
            if target.startswith(test_folder + "/") and _is_folder(fs, target):
                found.append(target)
    return found


def _folders_read(fs: FileSystem, here: str) -> list[str]:
    """The folders (absolute, below ``here``) that the test files in ``here`` read as data."""
    try:
        names = fs.listdir(here)
    except FileSystemError:
        return []
    named: list[str] = []
    for name in names:
        if TEST_FILE.search(name) is None:
            continue
        try:
            text = fs.read_bytes(f"{here}/{name}")
        except FileSystemError:
            continue
        if _READS_FILES.search(text) is None:
            continue
        for relative_path in _relative_paths(text):
            target = posixpath.normpath(posixpath.join(here, relative_path.rstrip("/")))
            if target.startswith(here + "/") and _is_folder(fs, target):
                named.append(target)
    return named


def _relative_paths(text: bytes) -> list[str]:
    found = [match.group(2).decode("utf-8", "replace") for match in _PATH_LITERAL.finditer(text)]
    for match in _JOINED.finditer(text):
        found.append("./" + "/".join(part.decode("utf-8", "replace") for part in _JOINED_PART.findall(match.group(1))))
    return found


def _is_folder(fs: FileSystem, path: str) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.DIR
