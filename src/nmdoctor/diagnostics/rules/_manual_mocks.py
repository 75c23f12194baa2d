"""Manual mocks that test runners put in place of a module without any call in the test: jest
takes a file of a ``__mocks__`` folder under its roots (``__mocks__/lodash.js``,
``__mocks__/@scope/name.js``) for the node module of that name when a test requires it, even
where no such package is installed (jest-runtime's ``requireModule``: the manual mock when the
module is not found); WebdriverIO's browser runner, whose ``automock`` is on by default, answers
an import from ``__mocks__`` in its root folder, a scoped ``@scope/name`` from
``__mocks__/scope/name.ts`` as well (wdio-browser-runner's ``MockHandler.resolveId``)."""

from __future__ import annotations

import posixpath
import re

from nmdoctor.diagnostics.rules._test_data import TEST_FOLDERS
from nmdoctor.vfs.base import FileSystem, Kind

__all__ = ["manual_mock"]

_TEST_FILE = re.compile(r"\.(?:test|spec|e2e)\.[cm]?[jt]sx?$")
_EXTENSIONS = (".js", ".ts", ".mjs", ".cjs", ".mts", ".cts", ".jsx", ".tsx")


def manual_mock(fs: FileSystem, root: str, file: str, specifier: str) -> str | None:
    """The manual mock that stands in for ``specifier`` (a bare name) in the test file ``file``:
    a ``__mocks__`` folder in the file's folder or one above it, up to the package's ``root``,
    holding ``<specifier>.<ext>`` or ``<specifier>/index.<ext>``. Only a test's imports count
    (a ``*.test.*``/``*.spec.*`` file, or one below a test folder): outside the runner nothing
    answers them with the mock."""
    inside = file[len(root) + 1 :] if file.startswith(root + "/") else ""
    if not inside or (_TEST_FILE.search(file) is None and TEST_FOLDERS.isdisjoint(inside.split("/")[:-1])):
        return None
    names = [specifier]
    if specifier.startswith("@"):
        names.append(specifier[1:])
    folder = posixpath.dirname(file)
    while True:
        for name in names:
            for candidate in (f"{folder}/__mocks__/{name}", f"{folder}/__mocks__/{name}/index"):
                for extension in _EXTENSIONS:
                    stat = fs.stat(candidate + extension)
                    if stat is not None and stat.kind is Kind.FILE:
                        return candidate + extension
        if folder == root or not folder.startswith(root + "/"):
            return None
        folder = posixpath.dirname(folder)
