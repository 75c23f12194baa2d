"""A require inside a function declaration that nothing in its file names never runs: Babel's lazy
interop helper left for an import used only as a type (jest-resolve-dependencies 25.3.0's
build/index.js declares `_jestResolve` and never calls it; `_jestSnapshot` it calls)."""

from __future__ import annotations

from nmdoctor.sources.imports import parse_imports

HELPERS = b"""'use strict';
function _jestResolve() {
  const data = _interopRequireDefault(require('jest-resolve'));
  _jestResolve = function () {
    return data;
  };
  return data;
}
function _jestSnapshot() {
  const data = require('jest-snapshot');
  _jestSnapshot = function () {
    return data;
  };
  return data;
}
function _interopRequireDefault(obj) {
  return obj && obj.__esModule ? obj : {default: obj};
}
module.exports = () => _jestSnapshot().buildSnapshotResolver;
"""


def _uncalled(source: bytes, path: str = "index.js") -> dict[str, bool]:
    return {site.specifier: site.uncalled for site in parse_imports(source, path)}


def test_a_helper_nothing_calls_never_runs() -> None:
    assert _uncalled(HELPERS) == {"jest-resolve": True, "jest-snapshot": False}


def test_a_helper_named_anywhere_else_may_run() -> None:
    passed_on = HELPERS + b"exports.resolve = _jestResolve;\n"
    assert _uncalled(passed_on)["jest-resolve"] is False
    exported = b"export function load() { return require('x'); }\n"
    assert _uncalled(exported, "index.mjs") == {"x": False}
    in_a_string = HELPERS + b"const name = '_jestResolve';\n"
    assert _uncalled(in_a_string)["jest-resolve"] is False  # a use nmdoctor cannot rule out


def test_only_calls_are_judged() -> None:
    # a static import runs with the module, wherever it is written
    assert _uncalled(b"function f() { return 1; }\nimport x from 'x';\n") == {"x": False}
